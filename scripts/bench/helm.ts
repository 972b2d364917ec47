// Measurement 5: the in-process Helm renderer on the eight corpus charts, read where they lie
// beside the repository (../shared/corpus-helm, never copied into it).
import { statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/engine/analyze';
import type { ChartRender, RenderOptions } from '../../server/src/engine/helm/chart/chart-render';
import { printManifest } from '../../server/src/engine/helm/chart/manifest';
import { renderChart } from '../../server/src/engine/helm/chart/render-chart';
import { helmFunctions } from '../../server/src/engine/helm/functions/index';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { HELM_CORPUS, readCorpusChart } from '../helm-corpus';
import { count, megabytes, milliseconds, spliceSection, table, times } from './format';
import { EDITOR_CHART, measureEditorOverStdio, measureEditorPath, OPEN_TEMPLATE, type EditorPathResults, type StdioResults } from './helm-editor';
import { elapsed, sample, type Repetitions, type Sample } from './timing';

const CHARTS = ['cassandra', 'kafka', 'mongodb', 'mysql', 'postgresql', 'rabbitmq', 'redis', 'zookeeper'];
const EDITED_CHART = 'postgresql';
const EDITED_TEMPLATE = 'templates/primary/statefulset.yaml';
const OPTIONS: RenderOptions = { releaseName: 'release-name', namespace: 'default', kubernetesVersion: { major: 1, minor: 34 }, valuesFiles: [], setValues: [] };

export interface HelmChartRow {
  chart: string;
  templates: number;
  bytes: number;
  problems: number;
  /** A render with a new function table, so every template is parsed. */
  render: Sample;
  /** `parseAllDocuments` of the same chart's printed manifest, the floor to compare with. */
  parse: Sample;
}

export interface HelmResults {
  charts: HelmChartRow[];
  /** postgresql: render, print, then the engine's analysis of the manifest as one file. */
  analysis: { render: Sample; print: Sample; parse: Sample; analyze: Sample; total: Sample; findings: number };
  /** postgresql with one template edited: the other templates come from the parse cache. */
  edit: { cold: Sample; warm: Sample };
  /** Heap used after rendering the eight charts and keeping the renders; whether after a full gc. */
  memory: { baseline: number; after: number; collected: boolean };
  /** postgresql through the language server's chart sync and workspace, in process and over stdio. */
  editor: { inProcess: EditorPathResults; stdio: StdioResults; loadAverage: number[] };
}

/** `global.gc`, exposed at run time when node was not started with --expose-gc. */
function collector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

export function helmCorpusMissing(): string | undefined {
  try {
    return statSync(HELM_CORPUS).isDirectory() ? undefined : `${HELM_CORPUS} is not a folder`;
  } catch {
    return `${HELM_CORPUS} is missing`;
  }
}

export async function measureHelm(repetitions: Repetitions): Promise<HelmResults> {
  const charts: HelmChartRow[] = [];
  for (const name of CHARTS) {
    const files = readCorpusChart(name);
    // A fresh table per run empties the parse cache, which belongs to its table.
    const render = await sample(repetitions, () => {
      const functions = helmFunctions();
      return elapsed(() => renderChart(files, OPTIONS, functions));
    });
    const result = renderChart(files, OPTIONS, helmFunctions());
    const manifest = printManifest(result);
    const parse = await sample(repetitions, () => elapsed(() => parseAllDocuments(manifest)));
    charts.push({ chart: name, templates: result.templates.length, bytes: Buffer.byteLength(manifest), problems: result.problems.length, render, parse });
  }

  const postgresql = readCorpusChart(EDITED_CHART);
  const uri = `${postgresql.rootUri}/rendered-manifest.yaml`;
  let findings = 0;
  const steps = { render: [] as number[], print: [] as number[], parse: [] as number[], analyze: [] as number[] };
  const total = await sample(repetitions, () => {
    const functions = helmFunctions();
    let render: ChartRender | undefined;
    let manifest = '';
    const times = {
      render: elapsed(() => (render = renderChart(postgresql, OPTIONS, functions))),
      print: elapsed(() => (manifest = printManifest(render!))),
      parse: elapsed(() => parseAllDocuments(manifest)),
      analyze: elapsed(() => {
        const workspace = new Workspace();
        workspace.set(uri, manifest);
        findings = analyze(workspace, uri).length;
      }),
    };
    for (const key of Object.keys(steps) as (keyof typeof steps)[]) steps[key].push(times[key]);
    return times.render + times.print + times.parse + times.analyze;
  });
  const last = (runs: number[]): Sample => sampleOf(runs.slice(-total.runs.length));

  const cold = await sample(repetitions, () => {
    const functions = helmFunctions();
    return elapsed(() => renderChart(postgresql, OPTIONS, functions));
  });
  const shared = helmFunctions();
  renderChart(postgresql, OPTIONS, shared);
  let edits = 0;
  const original = postgresql.files.get(EDITED_TEMPLATE)!;
  const warm = await sample(repetitions, () => {
    // A new comment each time, as typing makes: that file misses the cache, the rest hit it.
    const files = new Map(postgresql.files).set(EDITED_TEMPLATE, `${original}\n# edit ${++edits}\n`);
    return elapsed(() => renderChart({ rootUri: postgresql.rootUri, files }, OPTIONS, shared));
  });

  const gc = collector();
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  const kept: ChartRender[] = [];
  const functions = helmFunctions();
  for (const name of CHARTS) kept.push(renderChart(readCorpusChart(name), OPTIONS, functions));
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== CHARTS.length) throw new Error('renders were not kept');

  const loadAverage = loadavg();
  const editor = { inProcess: await measureEditorPath(HELM_CORPUS, repetitions), stdio: await measureEditorOverStdio(HELM_CORPUS, repetitions), loadAverage };

  return {
    charts,
    editor,
    analysis: { render: last(steps.render), print: last(steps.print), parse: last(steps.parse), analyze: last(steps.analyze), total, findings },
    edit: { cold, warm },
    memory: { baseline: baseline / 2 ** 20, after: after / 2 ** 20, collected: gc !== undefined },
  };
}

function sampleOf(runs: number[]): Sample {
  const sorted = [...runs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return { median: sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2, runs };
}

export const HELM_HEADING = '## 5. Helm charts rendered in process';

export function renderHelmSection(results: HelmResults | string): string {
  if (typeof results === 'string') return [HELM_HEADING, '', `Not measured: ${results}.`].join('\n');
  const { charts, analysis, edit, memory, editor } = results;
  const sum = (pick: (row: HelmChartRow) => number): number => charts.reduce((total, row) => total + pick(row), 0);
  return [
    HELM_HEADING,
    '',
    'Each of the eight corpus charts (`../shared/corpus-helm`) with its default values, rendered by `renderChart` with a new function table per run, so that every template is parsed; beside it the bare `yaml` `parseAllDocuments` of the manifest it printed, measured in the same run.',
    '',
    table(
      ['Chart', 'Templates rendered', 'Manifest', 'Problems', 'Render', 'Bare parse of the manifest', 'Render / parse'],
      [
        ...charts.map((row) => [row.chart, count(row.templates), `${count(row.bytes)} bytes`, count(row.problems), milliseconds(row.render.median), milliseconds(row.parse.median), times(row.render.median / row.parse.median)]),
        ['all eight', count(sum((row) => row.templates)), `${count(sum((row) => row.bytes))} bytes`, count(sum((row) => row.problems)), milliseconds(sum((row) => row.render.median)), milliseconds(sum((row) => row.parse.median)), times(sum((row) => row.render.median) / sum((row) => row.parse.median))],
      ],
    ),
    '',
    `postgresql from chart to findings: render, print the manifest, parse it, and the engine's analysis of the manifest as one YAML file (${count(analysis.findings)} findings). The editor's own path is measured below.`,
    '',
    table(
      ['Step', 'Median'],
      [
        ['renderChart', milliseconds(analysis.render.median)],
        ['printManifest', milliseconds(analysis.print.median)],
        ['parseAllDocuments', milliseconds(analysis.parse.median)],
        ['analyze', milliseconds(analysis.analyze.median)],
        ['all four', milliseconds(analysis.total.median)],
      ],
    ),
    '',
    `postgresql re-rendered by \`renderChart\` after an edit of \`${EDITED_TEMPLATE}\`, with the function table (and so the parse cache) of the previous render, against a render with a new table: ${milliseconds(edit.warm.median)} against ${milliseconds(edit.cold.median)}, ${times(edit.cold.median / edit.warm.median)} faster.`,

    '',
    `Heap used after rendering the eight charts and keeping the renders: ${megabytes(memory.after)}, of which ${megabytes(memory.after - memory.baseline)} more than before them (${memory.collected ? 'each figure after a full garbage collection' : 'without a garbage collection, which could not be run'}; \`process.memoryUsage().heapUsed\`).`,
    '',
    editorPathSection(editor),
  ].join('\n');
}

const OPEN_TARGET_MS = 300;
const EDIT_TARGET_MS = 150;

function editorPathSection({ inProcess, stdio, loadAverage }: HelmResults['editor']): string {
  const figure = (sample: Sample, target: number) => `${milliseconds(sample.median)} (${times(sample.median / target)} the target)`;
  const rows = [
    ['Open: a new workspace indexes the chart, renders it, checks the template', `< ${OPEN_TARGET_MS} ms`, figure(inProcess.open, OPEN_TARGET_MS), '–'],
    ['Open: a new server with the template open, `initialized` → the first render\'s diagnostics', `< ${OPEN_TARGET_MS} ms`, '–', figure(stdio.start, OPEN_TARGET_MS)],
    ['Open: the template opened in a server that rendered the chart at start', `< ${OPEN_TARGET_MS} ms`, '–', figure(stdio.open, OPEN_TARGET_MS)],
    ...inProcess.edits.map((edit, index) => [`Edit ${edit.label}`, `< ${EDIT_TARGET_MS} ms`, figure(edit.sample, EDIT_TARGET_MS), figure(stdio.edits[index].sample, EDIT_TARGET_MS)]),
  ];
  return [
    `### The editor's path: \`${EDITOR_CHART}/${OPEN_TEMPLATE}\``,
    '',
    `Through the language server's own chart sync (\`ChartSync\`, which keeps an \`IncrementalChartRenderer\` per chart, reads the chart from disk with open documents' text in place, and hands the render to \`Workspace.setChartRender\`), then the findings of the open template, moved back onto its lines (${count(inProcess.findings)} findings; the chart's defaults give none). In process, a stand-in connection takes the place of the transport, under tsx, whose helpers around every function make the engine slower than in the bundle; over stdio, the built \`dist/server.js\` with a 0 ms debounce. An edit is timed from the change to the \`kubeStateful/renderedManifestChanged\` notification, which the server sends right after the render's diagnostics, not to the first publication (which, for the edited file, comes before the render). Medians; the ratio is the median over the target.`,
    '',
    table(['Measure', 'Target', 'In process', 'Over stdio'], rows),
    '',
    `The machine is shared with other jobs: its load average was ${loadAverage.map((value) => value.toFixed(1)).join(', ')} (1, 5, 15 min) on ${cpus().length} cores when these were taken, so single runs vary widely. Every run:`,
    '',
    line('open, in process', inProcess.open),
    line('start with the template open, over stdio', stdio.start),
    line('open in a running server, over stdio', stdio.open),
    ...inProcess.edits.flatMap((edit, index) => [line(`edit ${edit.label}, in process`, edit.sample), line(`edit ${edit.label}, over stdio`, stdio.edits[index].sample)]),
  ].join('\n');
}

function line(what: string, sample: Sample): string {
  return `- ${what}: ${sample.runs.map((run) => run.toFixed(1)).join(', ')} ms`;
}

/** Puts the section into a results file: in place of an earlier one, or before the list of every run. */
export function spliceHelmSection(markdown: string, section: string): string {
  return spliceSection(markdown, HELM_HEADING, section);
}
