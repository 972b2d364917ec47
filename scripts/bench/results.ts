// What one benchmark run measured, and the targets judged from it.
import { count, milliseconds, megabytes, times } from './format';
import type { Sample } from './timing';

export interface Environment {
  date: string;
  seed: number;
  runs: number;
  warmUp: number;
  /** How long the whole benchmark took, in seconds. */
  duration: number;
  cpu: string;
  cores: number;
  memoryGigabytes: number;
  loadAverage: number[];
  node: string;
  /** The Node that ran yaml-language-server; undefined when it was not run. */
  yamlLanguageServerNode: string | undefined;
  yamlVersion: string;
  yamlLanguageServerVersion: string;
}

export interface AnalysisRow {
  lines: number;
  documents: number;
  bytes: number;
  /** `yaml.parseAllDocuments` alone. */
  parse: Sample;
  /** A new Workspace, `set` and `analyze`. */
  engine: Sample;
}

export interface ServerFigures {
  open: Sample;
  edit: Sample;
  /** How many diagnostics the server published for the file, to show both found something. */
  diagnostics: number;
  incrementalSync: boolean;
}

export interface EditorRow {
  lines: number;
  ours: ServerFigures;
  yamlLanguageServer: ServerFigures | undefined;
}

export interface EditorResults {
  rows: EditorRow[];
  /** Why yaml-language-server was not timed, when it was not. */
  yamlLanguageServerSkipped: string | undefined;
  /** The schema diagnostic yaml-language-server gave on a probe file, showing it validates with our schema. */
  schemaCheck: string | undefined;
  /** yaml-language-server's fixed wait before validating, in milliseconds. */
  yamlLanguageServerDelay: number;
}

export interface WorkspaceResults {
  files: number;
  bytes: number;
  /** From `initialized` to the server's "Indexed N YAML files" log line. */
  index: Sample;
  /** `yaml.parseAllDocuments` of every file, in the benchmark's process. */
  parse: Sample;
  /** Megabytes (10^6 bytes) resident after indexing. */
  memory: Sample;
  memorySingleFile: Sample;
  edit: Sample;
  editSingleFile: Sample;
  editedFile: string;
}

export interface LintResults {
  files: number;
  wall: Sample;
  /** `yaml.parseAllDocuments` of every file, in the benchmark's process. */
  parse: Sample;
  exitCode: number;
}

export interface BenchResults {
  environment: Environment;
  analysis: AnalysisRow[];
  editor: EditorResults;
  workspace: WorkspaceResults;
  lint: LintResults;
}

export interface Verdict {
  target: string;
  figure: string;
  /** Undefined when the figures to judge it were not measured. */
  met: boolean | undefined;
}

export function ratio(ours: number, comparison: number): number {
  return ours / comparison;
}

/** How many times faster we are than yaml-language-server once its fixed wait is taken off its time. */
export function speedup(ours: Sample, theirs: Sample, theirDelay: number): number {
  return Math.max(theirs.median - theirDelay, 0) / ours.median;
}

function largest<T extends { lines: number }>(rows: readonly T[]): T | undefined {
  return rows.reduce<T | undefined>((best, row) => (best === undefined || row.lines > best.lines ? row : best), undefined);
}

export function verdicts(results: BenchResults): Verdict[] {
  const { analysis, editor, workspace, lint } = results;
  const analysisRatios = analysis.map((row) => ratio(row.engine.median, row.parse.median));
  const biggest = largest(editor.rows);
  const biggestParse = analysis.find((row) => row.lines === biggest?.lines)?.parse;
  const editToParse = biggest && biggestParse ? ratio(biggest.ours.edit.median, biggestParse.median) : undefined;
  const compared = editor.rows.filter((row) => row.yamlLanguageServer !== undefined);
  const speedups = compared.map((row) => speedup(row.ours.edit, row.yamlLanguageServer!.edit, editor.yamlLanguageServerDelay));
  const rawSpeedups = compared.map((row) => ratio(row.yamlLanguageServer!.edit.median, row.ours.edit.median));
  const editRatio = ratio(workspace.edit.median, workspace.editSingleFile.median);
  const indexRatio = ratio(workspace.index.median, workspace.parse.median);
  const lintRatio = ratio(lint.wall.median, lint.parse.median);
  const sizes = (rows: readonly { lines: number }[]) => rows.map((row) => count(row.lines)).join(' / ');
  return [
    {
      target: 'Full analysis of a file ≤ 1.5× its bare parse time',
      figure: `${analysisRatios.map(times).join(', ')} (${sizes(analysis)} lines)`,
      met: analysisRatios.length > 0 && analysisRatios.every((value) => value <= 1.5),
    },
    {
      target: `Edit → diagnostics on the ${biggest ? count(biggest.lines) : '?'}-line file ≤ 0.25× its bare parse time`,
      figure:
        editToParse === undefined
          ? 'not measured'
          : `${times(editToParse)} (${milliseconds(biggest!.ours.edit.median)} vs ${milliseconds(biggestParse!.median)})`,
      met: editToParse === undefined ? undefined : editToParse <= 0.25,
    },
    {
      target: 'Edit → diagnostics ≥ 5× faster than yaml-language-server, at every size',
      figure:
        compared.length === 0
          ? `not measured: ${editor.yamlLanguageServerSkipped ?? 'no figures'}`
          : `${speedups.map(times).join(', ')} faster (${sizes(compared)} lines) without its ${editor.yamlLanguageServerDelay} ms wait; ${rawSpeedups.map(times).join(', ')} with it`,
      met: compared.length === 0 ? undefined : compared.length === editor.rows.length && speedups.every((value) => value >= 5),
    },
    {
      target: `${count(workspace.files)}-file workspace indexed in under 1.5 s and ≤ 0.7× the bare parse of its files`,
      figure: `${milliseconds(workspace.index.median)}, ${times(indexRatio)} (${milliseconds(workspace.parse.median)} to parse)`,
      met: workspace.index.median < 1500 && indexRatio <= 0.7,
    },
    {
      target: `${count(workspace.files)}-file workspace under 250 MB resident after indexing`,
      figure: megabytes(workspace.memory.median),
      met: workspace.memory.median < 250,
    },
    {
      target: 'Edit latency with the workspace indexed ≤ 1.5× the latency with a single file',
      figure: `${times(editRatio)} (${milliseconds(workspace.edit.median)} vs ${milliseconds(workspace.editSingleFile.median)})`,
      met: editRatio <= 1.5,
    },
    {
      target: `\`kube-stateful lint\` of the ${count(lint.files)} files ≤ 1.5× their bare parse`,
      figure: `${times(lintRatio)} (${milliseconds(lint.wall.median)} vs ${milliseconds(lint.parse.median)})`,
      met: lintRatio <= 1.5,
    },
  ];
}
