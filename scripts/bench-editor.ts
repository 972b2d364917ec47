// Times hover and completion on a generated 3,000-line multi-document file: through the engine
// functions, then over stdio against the built server (`npm run bench:editor` builds it first).
// Then definition, references, rename and code lens there, alone and with a 2,000-file workspace
// indexed (scripts/bench/editor-navigation.ts). Prints the median of the timed runs for each
// position. A report for people, not a test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { completionsAt } from '../server/src/engine/completion/completion';
import { hoverAt } from '../server/src/engine/hover/hover';
import type { Position } from '../server/src/engine/types';
import { Workspace } from '../server/src/engine/workspace/workspace';
import { fileUri, TestClient } from '../test/helpers/lsp-client';
import { benchNavigation } from './bench/editor-navigation';

const SEED = 0x5eed_2026;
const TARGET_LINES = 3000;
const WARM_UP = 5;
const RUNS = 30;

/** mulberry32: a small seeded generator, so that every run times the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
const between = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));

function statefulSet(index: number, serviceLine = `  serviceName: db-${index}`, extraSpecLine?: string): string {
  const app = `db-${index}`;
  const replicas = between(1, 9);
  const containers = Array.from({ length: between(1, 3) }, (_, container) =>
    [
      `        - name: c${container}`,
      `          image: ${pick(['postgres:17', 'mysql:8.4', 'redis:7.4', 'cassandra:5.0'])}`,
      `          imagePullPolicy: ${pick(['IfNotPresent', 'Always'])}`,
      '          ports:',
      `            - name: p${container}`,
      `              containerPort: ${between(1024, 9000)}`,
      '          env:',
      ...Array.from({ length: between(1, 4) }, (_, env) => [
        `            - name: VAR_${env}`,
        '              valueFrom:',
        '                secretKeyRef:',
        `                  name: secret-${index}`,
        `                  key: key-${env}`,
      ]).flat(),
      '          volumeMounts:',
      '            - name: data',
      '              mountPath: /var/lib/data',
    ].join('\n'),
  );
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    `  name: ${app}`,
    'spec:',
    serviceLine,
    `  replicas: ${replicas}`,
    ...(extraSpecLine === undefined ? [] : [extraSpecLine]),
    `  podManagementPolicy: ${pick(['OrderedReady', 'Parallel'])}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${app}`,
    '  updateStrategy:',
    '    type: RollingUpdate',
    '    rollingUpdate:',
    `      partition: ${between(0, replicas)}`,
    '  persistentVolumeClaimRetentionPolicy:',
    `    whenDeleted: ${pick(['Retain', 'Delete'])}`,
    `    whenScaled: ${pick(['Retain', 'Delete'])}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${app}`,
    '    spec:',
    '      containers:',
    ...containers,
    '  volumeClaimTemplates:',
    '    - metadata:',
    '        name: data',
    '      spec:',
    '        accessModes: [ReadWriteOnce]',
    `        storageClassName: ${pick(['fast', 'standard'])}`,
    '        resources:',
    '          requests:',
    `            storage: ${between(1, 100)}Gi`,
  ].join('\n');
}

function neighbours(index: number): string[] {
  return [
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: db-${index}\nspec:\n  clusterIP: None\n  selector:\n    app: db-${index}\n  ports:\n    - name: db\n      port: 5432`,
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-${index}\nstringData:\n${Array.from({ length: 4 }, (_, key) => `  key-${key}: value-${key}`).join('\n')}`,
  ];
}

/**
 * The file: exactly TARGET_LINES lines of StatefulSets with their Services and Secrets, ending
 * with three documents in the middle of being typed: `serviceName: ` with no value, a new empty
 * line in a spec, and a half-typed key.
 */
function generate(): string {
  const typing = [
    statefulSet(900, '  serviceName: '),
    statefulSet(901, '  serviceName: db-901', '  '),
    statefulSet(902, '  serviceName: db-902', '  podMan'),
  ];
  const lineCount = (documents: string[]) => documents.join('\n---\n').split('\n').length;
  const documents: string[] = [];
  for (let index = 0; ; index++) {
    const group = [statefulSet(index), ...neighbours(index)];
    if (lineCount([...documents, ...group, ...typing]) > TARGET_LINES) break;
    documents.push(...group);
  }
  const missing = TARGET_LINES - lineCount([...documents, ...typing]);
  documents[documents.length - 1] += '\n# filler'.repeat(missing);
  return `${[...documents, ...typing].join('\n---\n')}\n`;
}

/** The position of the `occurrence`-th `needle` counted from the end of the text, `shift` characters in. */
function positionOf(text: string, needle: string, shift: number, fromEnd: number): Position {
  let offset = text.length;
  for (let seen = 0; seen <= fromEnd; seen++) offset = text.lastIndexOf(needle, offset - 1);
  if (offset < 0) throw new Error(`no '${needle}' in the generated file`);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

interface Probe {
  name: string;
  request: 'hover' | 'completion';
  position: Position;
}

function probes(text: string): Probe[] {
  return [
    { name: 'hover replicas', request: 'hover', position: positionOf(text, '  replicas:', 2, 3) },
    { name: 'hover partition', request: 'hover', position: positionOf(text, 'partition:', 0, 3) },
    { name: 'hover metadata.name', request: 'hover', position: positionOf(text, '  name: db-', 2, 5) },
    { name: 'hover container image', request: 'hover', position: positionOf(text, 'image:', 0, 4) },
    { name: 'hover Service clusterIP', request: 'hover', position: positionOf(text, 'clusterIP', 0, 2) },
    { name: 'complete serviceName value', request: 'completion', position: positionOf(text, 'serviceName: \n', 'serviceName: '.length, 0) },
    { name: 'complete empty line in spec', request: 'completion', position: positionOf(text, 'db-901\n  replicas', 'db-901\n'.length - 1, 0) },
    { name: 'complete half-typed key', request: 'completion', position: positionOf(text, '  podMan\n', '  podMan'.length, 0) },
    { name: 'complete enum value', request: 'completion', position: positionOf(text, 'podManagementPolicy: ', 'podManagementPolicy: '.length, 2) },
    { name: 'complete secretKeyRef name', request: 'completion', position: positionOf(text, 'name: secret-', 'name: '.length, 8) },
  ];
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timed(run: () => unknown | Promise<unknown>): Promise<number> {
  for (let warm = 0; warm < WARM_UP; warm++) await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  const text = generate();
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-bench-'));
  const file = path.join(folder, 'generated.yaml');
  writeFileSync(file, text);
  const uri = fileUri(file);
  const list = probes(text);
  console.log(`Generated ${text.split('\n').length - 1} lines in ${text.split('\n---\n').length} documents (seed ${SEED}); median of ${RUNS} runs after ${WARM_UP} warm-up runs.\n`);

  const workspace = new Workspace();
  workspace.set(uri, text);
  const source = workspace.get(uri)!;
  const engine = new Map<string, number>();
  for (const probe of list) {
    const run =
      probe.request === 'hover'
        ? () => assertAnswer(probe, hoverAt(workspace, source, probe.position, { fieldDocs: true }))
        : () => assertAnswer(probe, completionsAt(workspace, source, probe.position, { fields: true, valuesOnly: false }));
    engine.set(probe.name, await timed(run));
  }

  // The default debounce, as when typing: the full check of the file waits for a pause.
  const client = new TestClient({});
  const stdio = new Map<string, number>();
  let afterEdit = 0;
  try {
    await client.initialize(folder);
    await client.open(uri, text);
    for (const probe of list) {
      const method = probe.request === 'hover' ? 'textDocument/hover' : 'textDocument/completion';
      stdio.set(probe.name, await timed(() => client.connection.sendRequest(method, { textDocument: { uri }, position: probe.position })));
    }
    // Typing: each keystroke sends the new text, then asks for completions at once.
    const typing = list.find((probe) => probe.name === 'complete half-typed key')!;
    let version = 1;
    afterEdit = await timed(async () => {
      version++;
      await client.replace(uri, version % 2 === 0 ? text.replace('  podMan\n', '  podMa\n') : text, version);
      const position = { ...typing.position, character: typing.position.character - (version % 2 === 0 ? 1 : 0) };
      return client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    });
  } finally {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  }

  const rows = list.map((probe) => [probe.name, format(engine.get(probe.name)), format(stdio.get(probe.name))]);
  rows.push(['complete right after a keystroke', '-', format(afterEdit)]);
  const widths = [0, 1, 2].map((column) => Math.max(...[['position', 'engine', 'stdio'], ...rows].map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(['position', 'engine', 'stdio']));
  for (const row of rows) console.log(line(row));

  const navigation = await benchNavigation(text, (needle, shift) => positionOf(text, needle, shift, 0), timed);
  const columns = ['engine alone', 'engine, 2,000 files', 'stdio, 2,000 files'] as const;
  const navigationRows = [...navigation.figures].map(([name, figures]) => [name, ...columns.map((column) => format(figures[column]))]);
  const navigationWidths = [0, 1, 2, 3].map((column) => Math.max(...[['navigation', ...columns], ...navigationRows].map((row) => row[column].length)));
  const navigationLine = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(navigationWidths[column]) : cell.padStart(navigationWidths[column]))).join('  ');
  console.log(`\nNavigation on the same file (${navigation.lenses} code lenses), alone and beside a generated 2,000-file workspace:`);
  console.log(navigationLine(['navigation', ...columns]));
  for (const row of navigationRows) console.log(navigationLine(row));
}

function format(milliseconds: number | undefined): string {
  return milliseconds === undefined ? '-' : `${milliseconds.toFixed(2)} ms`;
}

/** A probe that answers nothing times nothing useful: stop rather than print a misleading figure. */
function assertAnswer(probe: Probe, answer: unknown): void {
  if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) {
    throw new Error(`${probe.name} at ${probe.position.line}:${probe.position.character} gave no answer`);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
