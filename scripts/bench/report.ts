// bench/results.md: the targets, the machine, and a table per measurement.
import { count, megabytes, milliseconds, table, times } from './format';
import { ratio, verdicts, type BenchResults, type LintResults } from './results';
import { MAX_TIMED_RUNS, MAX_WARM_UP_RUNS, TIMED_MS, WARM_UP_MS, type Sample } from './timing';

const verdictWord = (met: boolean | undefined): string => (met === undefined ? 'not measured' : met ? 'met' : '**not met**');

function environmentSection({ environment: env }: BenchResults): string {
  return [
    '## Machine and versions',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${env.cpu}, ${env.cores} cores`],
        ['Memory', `${env.memoryGigabytes.toFixed(1)} GB`],
        ['Load average at start (1, 5, 15 min)', env.loadAverage.map((load) => load.toFixed(2)).join(', ')],
        ['Node (benchmark, our server, CLI)', env.node],
        ['Node (yaml-language-server)', env.yamlLanguageServerNode ?? 'not run'],
        ['yaml', env.yamlVersion],
        ['yaml-language-server', env.yamlLanguageServerVersion],
        ['Date', env.date],
        ['Seed', String(env.seed)],
        ['Runs', `median of ${env.runs}; the measurements took ${Math.round(env.duration)} s`],
      ],
    ),
  ].join('\n');
}

function analysisSection({ analysis }: BenchResults): string {
  return [
    '## 1. Full analysis vs bare parse',
    '',
    'In one process: `yaml.parseAllDocuments(text)` alone, then `new Workspace()`, `set` and `analyze` of the same text.',
    '',
    table(
      ['Input', 'Ours: engine analysis', 'Comparison: bare parse', 'Ratio'],
      analysis.map((row) => [
        `${count(row.lines)} lines (${count(row.documents)} documents, ${count(Math.round(row.bytes / 1000))} kB)`,
        milliseconds(row.engine.median),
        milliseconds(row.parse.median),
        times(ratio(row.engine.median, row.parse.median)),
      ]),
    ),
  ].join('\n');
}

function editorSection({ editor }: BenchResults): string {
  const delay = editor.yamlLanguageServerDelay;
  const rows = editor.rows.flatMap((row) =>
    (['open', 'edit'] as const).map((step) => {
      const ours = row.ours[step].median;
      const theirs = row.yamlLanguageServer?.[step].median;
      const label = `${count(row.lines)} lines, ${step === 'open' ? 'didOpen' : 'didChange'}`;
      if (theirs === undefined) return [label, milliseconds(ours), 'skipped', '', '', ''];
      const withoutDelay = Math.max(theirs - delay, 0);
      return [label, milliseconds(ours), milliseconds(theirs), times(ratio(ours, theirs)), milliseconds(withoutDelay), times(ratio(ours, withoutDelay))];
    }),
  );
  const found = editor.rows.map(
    (row) => `${count(row.lines)} lines: ours ${row.ours.diagnostics}, yaml-language-server ${row.yamlLanguageServer?.diagnostics ?? '–'}`,
  );
  const sync = editor.rows[0];
  return [
    '## 2. Time to diagnostics over stdio',
    '',
    `Both servers run at once, as their own processes spoken to over stdio by the same client, and are timed in turn on each file. Ours is \`node dist/server.js --stdio\` with \`kubeStateful.validation.delay\` 0; yaml-language-server has our schema (written by \`kube-stateful schema\`) for the input files, validation on, no schema store. It waits ${delay} ms after each open or change before validating and has no setting for it, so its figures are also given without that wait; the target is judged on those.`,
    '',
    'didOpen is timed on a closed file, opened again each run. didChange raises `replicas` of the StatefulSet in the middle of the file by one, so that no edit gives a text seen before, sent as a range edit to a server that announces incremental sync' +
      (sync ? ` (ours: ${sync.ours.incrementalSync ? 'yes' : 'no'}, yaml-language-server: ${sync.yamlLanguageServer ? (sync.yamlLanguageServer.incrementalSync ? 'yes' : 'no') : '–'})` : '') +
      ' and as the whole text otherwise. The time runs from writing the notification to receiving the first `publishDiagnostics` for that file afterwards, for that document version or a later one when the server gives versions (ours does, yaml-language-server does not). Neither server publishes partial results first.',
    '',
    editor.yamlLanguageServerSkipped
      ? `**yaml-language-server was not run:** ${editor.yamlLanguageServerSkipped}`
      : `Schema check: on a probe StatefulSet with \`replicas: three\`, yaml-language-server reported “${editor.schemaCheck}”.`,
    '',
    table(['Input', 'Ours', 'yaml-language-server', 'Ratio', `yaml-language-server without its ${delay} ms wait`, 'Ratio'], rows),
    '',
    `Diagnostics published on each file: ${found.join('; ')}.`,
  ].join('\n');
}

function workspaceSection({ workspace }: BenchResults, lint: LintResults): string {
  const files = count(workspace.files);
  return [
    `## 3. Workspace of ${files} files`,
    '',
    `${files} generated files (${count(Math.round(workspace.bytes / 1000))} kB) in one workspace folder: StatefulSets, Services, Secrets, ConfigMaps and PodDisruptionBudgets in separate files of one folder per application, so that each StatefulSet's checks read other files. Memory is the server's VmRSS right after the log line. The edit is the replicas edit above, in \`${workspace.editedFile}\`, opened in the editor.`,
    '',
    table(
      ['Input', 'Ours', 'Comparison', 'Ratio'],
      [
        [`Time to index (initialized → "Indexed ${files} YAML files")`, milliseconds(workspace.index.median), `bare parse of every file: ${milliseconds(workspace.parse.median)}`, times(ratio(workspace.index.median, workspace.parse.median))],
        ['Resident memory after indexing', megabytes(workspace.memory.median), `workspace of that one file: ${megabytes(workspace.memorySingleFile.median)}`, times(ratio(workspace.memory.median, workspace.memorySingleFile.median))],
        ['Edit → diagnostics', milliseconds(workspace.edit.median), `workspace of that one file: ${milliseconds(workspace.editSingleFile.median)}`, times(ratio(workspace.edit.median, workspace.editSingleFile.median))],
      ],
    ),
    '',
    `## 4. \`kube-stateful lint\` on the ${count(lint.files)} files`,
    '',
    `Wall time of \`node dist/cli.js lint <folder>\`, Node start-up and file reads included, output to /dev/null (it exited with ${lint.exitCode}: the inputs carry errors on purpose).`,
    '',
    table(
      ['Input', 'Ours', 'Comparison', 'Ratio'],
      [[`${count(lint.files)} files`, milliseconds(lint.wall.median), `bare parse of every file in one process: ${milliseconds(lint.parse.median)}`, times(ratio(lint.wall.median, lint.parse.median))]],
    ),
  ].join('\n');
}

function runsSection(results: BenchResults): string {
  const line = (label: string, sample: Sample, unit = 'ms') => `- ${label}: ${sample.runs.map((run) => run.toFixed(1)).join(', ')} ${unit}`;
  const { analysis, editor, workspace, lint } = results;
  return [
    '## Every timed run',
    '',
    ...analysis.flatMap((row) => [line(`${count(row.lines)} lines, bare parse`, row.parse), line(`${count(row.lines)} lines, engine`, row.engine)]),
    ...editor.rows.flatMap((row) => [
      line(`${count(row.lines)} lines, ours, didOpen`, row.ours.open),
      line(`${count(row.lines)} lines, ours, didChange`, row.ours.edit),
      ...(row.yamlLanguageServer
        ? [line(`${count(row.lines)} lines, yaml-language-server, didOpen`, row.yamlLanguageServer.open), line(`${count(row.lines)} lines, yaml-language-server, didChange`, row.yamlLanguageServer.edit)]
        : []),
    ]),
    line('Workspace, index', workspace.index),
    line('Workspace, resident memory', workspace.memory, 'MB'),
    line('Workspace, edit', workspace.edit),
    line('One-file workspace, edit', workspace.editSingleFile),
    line('lint', lint.wall),
  ].join('\n');
}

function warmUp(runs: number): string {
  if (runs === 0) return 'no warm-up';
  return `${runs} warm-up run${runs === 1 ? '' : 's'}, or as many as fit in ${WARM_UP_MS} ms (${MAX_WARM_UP_RUNS} at most) for a short operation, since V8 optimises code only after many calls`;
}

export function renderResults(results: BenchResults): string {
  const targets = verdicts(results).map((verdict) => [verdict.target, verdict.figure, verdictWord(verdict.met)]);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${results.environment.date}. Each figure is the median of ${results.environment.runs} timed run${results.environment.runs === 1 ? '' : 's'}, or of as many as fit in ${TIMED_MS} ms (${MAX_TIMED_RUNS} at most) for a short operation, after ${warmUp(results.environment.warmUp)}. The machine is shared with other work, so absolute times are noisy; ratios measured side by side in the same run are the figures to compare.`,
    '',
    '## Targets',
    '',
    table(['Target', 'Figure', 'Verdict'], targets),
    '',
    environmentSection(results),
    '',
    analysisSection(results),
    '',
    editorSection(results),
    '',
    workspaceSection(results, results.lint),
    '',
    runsSection(results),
    '',
  ].join('\n');
}
