// Measurement 7: a monorepo of 20,000 files with charts and kustomizations among them: the
// server's index on a first start and on a second start with its storage folder filled, and
// `kube-stateful lint` of 2,000 files with and without --cache.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { count, megabytes, milliseconds, spliceSection, table, times } from './format';
import { generateWorkspace, type WorkspaceFile } from './inputs';
import { kustomizeWorkspaceFiles } from './kustomize-workspace';
import { fileUri, LspSession } from './lsp-session';
import { CLI, ourServer } from './servers';
import { elapsed, sample, summarize, type Repetitions, type Sample } from './timing';
import { writeWorkspace } from './workspace';

export const SCALE_FILES = 20_000;
export const SCALE_LINT_FILES = 2_000;
const CHARTS = 20;
const INDEXED = /^Indexed (\d+) YAML files.*?(?:, (\d+) of them as a past session left them)?\.$/;

export interface ScaleResults {
  files: number;
  /** The YAML files among them, which the server indexes. */
  indexed: number;
  bytes: number;
  charts: number;
  kustomizations: number;
  /** From `initialized` to the "Indexed" log line, with an empty storage folder. */
  index: Sample;
  memory: Sample;
  /** The same, with the storage folder a previous start filled. */
  cachedIndex: Sample;
  cachedMemory: Sample;
  /** Files the second start indexed as the first left them. */
  reused: number;
  /** From `initialized` to every kustomization built, on a first start. */
  builds: Sample;
  lint: {
    files: number;
    parse: Sample;
    plain: Sample;
    /** `--cache` with no cache yet: the run that writes it. */
    cacheCold: Sample;
    /** `--cache` again on the unchanged tree. */
    cacheWarm: Sample;
    /** `--cache` after one Service file changed. */
    cacheOneEdit: Sample;
  };
}

/** A small chart: values, a StatefulSet and its headless Service in templates, and a helper. */
function chartFiles(index: number): WorkspaceFile[] {
  const root = `charts/db-${index}`;
  const name = `db-${index}`;
  return [
    { path: `${root}/Chart.yaml`, text: `apiVersion: v2\nname: ${name}\nversion: 1.0.${index}\n` },
    { path: `${root}/values.yaml`, text: `replicas: 3\nimage: postgres:16.6\nstorage: 10Gi\n` },
    { path: `${root}/templates/_helpers.tpl`, text: `{{- define "${name}.labels" -}}\napp: {{ .Release.Name }}-${name}\n{{- end }}\n` },
    {
      path: `${root}/templates/service.yaml`,
      text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-${name}\nspec:\n  clusterIP: None\n  selector:\n    {{- include "${name}.labels" . | nindent 4 }}\n  ports:\n    - port: 5432\n`,
    },
    {
      path: `${root}/templates/statefulset.yaml`,
      text: `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}-${name}\nspec:\n  serviceName: {{ .Release.Name }}-${name}\n  replicas: {{ .Values.replicas }}\n  selector:\n    matchLabels:\n      {{- include "${name}.labels" . | nindent 6 }}\n  template:\n    metadata:\n      labels:\n        {{- include "${name}.labels" . | nindent 8 }}\n    spec:\n      containers:\n        - name: db\n          image: {{ .Values.image }}\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: {{ .Values.storage }}\n`,
    },
  ];
}

/** 20 charts and the 2,000 files of 200 kustomizations (see `kustomize-workspace.ts`), the rest generated applications. */
export function scaleWorkspace(seed: number, fileCount: number): WorkspaceFile[] {
  const charts = Array.from({ length: CHARTS }, (_, index) => chartFiles(index)).flat();
  const kustomize = [...kustomizeWorkspaceFiles()].map(([uri, text]) => ({ path: `kustomize/${uri.replace(/^file:\/\/\/bench\/kustomize-workspace\//, '')}`, text }));
  const apps = generateWorkspace(seed, fileCount - charts.length - kustomize.length).map((file) => ({ ...file, path: `apps/${file.path}` }));
  return [...apps, ...kustomize, ...charts];
}

interface Start {
  indexing: number;
  memory: number;
  reused: number;
}

async function start(folder: string, storage: string, files: number, untilBuilt = false): Promise<Start & { built?: number }> {
  const session = new LspSession(ourServer());
  try {
    await session.initialize(folder, { storageUri: fileUri(storage) });
    const sentAt = await session.initialized();
    const log = await session.logMatching(INDEXED);
    const [, indexed, reused] = INDEXED.exec(log.message)!;
    if (Number(indexed) !== files) throw new Error(`The server indexed ${indexed} files of ${files}: "${log.message}"`);
    const memory = session.residentMegabytes();
    const built = untilBuilt ? (await session.logMatching(/^Built \d+ kustomization/)).receivedAt - sentAt : undefined;
    return { indexing: log.receivedAt - sentAt, memory, reused: Number(reused ?? 0), built };
  } finally {
    await session.shutdown();
  }
}

function lintRun(folder: string, args: string[]): number {
  const begin = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'lint', ...args, '.'], { cwd: folder, stdio: 'ignore' });
  const time = performance.now() - begin;
  if (run.status !== 0 && run.status !== 1) throw new Error(`kube-stateful lint ${args.join(' ')} failed with exit code ${run.status}.`);
  return time;
}

async function measureLintCache(seed: number, repetitions: Repetitions): Promise<ScaleResults['lint']> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-bench-lint-cache-'));
  try {
    const files = generateWorkspace(seed, SCALE_LINT_FILES);
    writeWorkspace(folder, files);
    const cacheFile = path.join(folder, '.kube-stateful-cache');
    const parse = await sample(repetitions, () => elapsed(() => files.forEach((file) => parseAllDocuments(file.text))));
    const plain = await sample(repetitions, () => lintRun(folder, []));
    const cacheCold = await sample(repetitions, () => {
      rmSync(cacheFile, { force: true });
      return lintRun(folder, ['--cache']);
    });
    lintRun(folder, ['--cache']);
    const cacheWarm = await sample(repetitions, () => lintRun(folder, ['--cache']));
    // Each run flips one Service between headless and not, so that each finds a change to check.
    const service = files.find((file) => file.path.endsWith('/service.yaml'))!;
    const serviceFile = path.join(folder, service.path);
    let clock = Date.now() / 1000;
    const cacheOneEdit = await sample(repetitions, () => {
      const text = readFileSync(serviceFile, 'utf8');
      writeFileSync(serviceFile, text.includes('clusterIP: None') ? text.replace('clusterIP: None', 'clusterIP: ""') : text.replace('clusterIP: ""', 'clusterIP: None'));
      clock += 10;
      utimesSync(serviceFile, clock, clock);
      return lintRun(folder, ['--cache']);
    });
    return { files: files.length, parse, plain, cacheCold, cacheWarm, cacheOneEdit };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function measureScale(seed: number, fileCount: number, repetitions: Repetitions, progress: (message: string) => void): Promise<ScaleResults> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-bench-scale-'));
  try {
    const files = scaleWorkspace(seed, fileCount);
    writeWorkspace(path.join(folder, 'workspace'), files);
    const workspace = path.join(folder, 'workspace');
    // Chart helpers (`.tpl`) are read by the renderer, not indexed.
    const indexed = files.filter((file) => /\.ya?ml$/.test(file.path)).length;
    progress(`Timing the server's index of ${count(files.length)} files, first starts…`);
    const first: Start[] = [];
    const builds: number[] = [];
    const index = await sample(repetitions, async () => {
      const storage = mkdtempSync(path.join(folder, 'storage-'));
      const run = await start(workspace, storage, indexed, true);
      rmSync(storage, { recursive: true, force: true });
      first.push(run);
      builds.push(run.built!);
      return run.indexing;
    });
    progress('…and second starts, with the storage folder the first filled…');
    const storage = mkdtempSync(path.join(folder, 'storage-'));
    await start(workspace, storage, indexed);
    const second: Start[] = [];
    const cachedIndex = await sample(repetitions, async () => {
      const run = await start(workspace, storage, indexed);
      second.push(run);
      return run.indexing;
    });
    progress(`Timing kube-stateful lint of ${count(SCALE_LINT_FILES)} files with and without --cache…`);
    const lint = await measureLintCache(seed, repetitions);
    const last = (runs: Start[]) => runs.slice(-repetitions.runs);
    return {
      files: files.length,
      indexed,
      bytes: files.reduce((total, file) => total + Buffer.byteLength(file.text), 0),
      charts: CHARTS,
      kustomizations: files.filter((file) => file.path.endsWith('/kustomization.yaml')).length,
      index,
      memory: summarize(last(first).map((run) => run.memory)),
      cachedIndex,
      cachedMemory: summarize(last(second).map((run) => run.memory)),
      reused: Math.min(...second.map((run) => run.reused)),
      builds: summarize(builds.slice(-repetitions.runs)),
      lint,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export const SCALE_HEADING = '## 7. Monorepo scale';

export function renderScaleSection(results: ScaleResults, load: readonly number[]): string {
  const { lint } = results;
  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  return [
    SCALE_HEADING,
    '',
    `A generated workspace of ${count(results.files)} files, ${count(results.bytes)} bytes (\`scripts/bench/scale.ts\`): applications as in section 3, the ${count(results.kustomizations)} kustomizations of section 6 with their bases and patches, and ${count(results.charts)} Helm charts; ${count(results.indexed)} of the files are YAML, the rest chart helpers. The server is started on it as the extension starts it, with a storage folder, and timed from \`initialized\` to its "Indexed" log line; memory is its resident set then. A first start has an empty storage folder; a second start finds the one a previous start filled (${count(results.reused)} files indexed as it left them). Load average when the section started: ${load.map((value) => value.toFixed(2)).join(', ')}.`,
    '',
    table(
      ['Measure', 'Median', 'Target', 'Verdict'],
      [
        [`index of ${count(results.indexed)} YAML files, first start`, milliseconds(results.index.median), '< 12 s', verdict(results.index.median < 12_000)],
        ['resident memory after it', megabytes(results.memory.median), '< 1 GB', verdict(results.memory.median < 1000)],
        ['index, second start with the storage folder filled', milliseconds(results.cachedIndex.median), '< 2 s', verdict(results.cachedIndex.median < 2000)],
        ['resident memory after it', megabytes(results.cachedMemory.median), '', ''],
        [`first start until all ${count(results.kustomizations)} kustomizations are built`, milliseconds(results.builds.median), '', ''],
      ],
    ),
    '',
    `\`kube-stateful lint\` of the ${count(lint.files)} files of section 3's workspace (a process each, as CI runs it), against the bare \`yaml.parseAllDocuments\` of the same files in process; \`--cache\` first with no cache (the run that writes it), then on the unchanged tree, then after one Service file changed between runs.`,
    '',
    table(
      ['Run', 'Median', 'Ratio to the bare parse', 'Target', 'Verdict'],
      [
        [`bare parse of ${count(lint.files)} files`, milliseconds(lint.parse.median), '1×', '', ''],
        ['lint', milliseconds(lint.plain.median), times(lint.plain.median / lint.parse.median), '≤ 1.5×', verdict(lint.plain.median <= 1.5 * lint.parse.median)],
        ['lint --cache, no cache yet', milliseconds(lint.cacheCold.median), times(lint.cacheCold.median / lint.parse.median), '', ''],
        ['lint --cache, unchanged tree', milliseconds(lint.cacheWarm.median), times(lint.cacheWarm.median / lint.parse.median), '< 1 s', verdict(lint.cacheWarm.median < 1000)],
        ['lint --cache, one Service changed', milliseconds(lint.cacheOneEdit.median), times(lint.cacheOneEdit.median / lint.parse.median), '', ''],
      ],
    ),
  ].join('\n');
}

export function spliceScaleSection(markdown: string, section: string): string {
  return spliceSection(markdown, SCALE_HEADING, section);
}
