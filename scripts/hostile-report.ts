// Opens each hostile input of test/helpers/hostile-inputs.ts in a fresh built server over
// stdio, measures the time from didOpen to its diagnostics and the server's peak memory, and
// writes the table to bench/hostile-inputs.md.
//   npm run hostile-report                 three servers per input, medians
//   npm run hostile-report -- --runs 5     another number of servers per input
//   npm run hostile-report -- --only manyCredentials --only huge   some inputs, by their key; the report is not written
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { HOSTILE_INPUTS, openInFreshServer, type HostileInput } from '../test/helpers/hostile-inputs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, only: { type: 'string', multiple: true } } });
const RUNS = Number(values.runs);
const REPORT = path.join(__dirname, '..', 'bench', 'hostile-inputs.md');

interface Row {
  title: string;
  bytes: number;
  findings: string;
  milliseconds: number[];
  /** `yaml.parseAllDocuments` of the same text in this process, the floor any YAML tool pays. */
  parse: number[];
  idle: number[];
  peak: number[];
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

function sizeOf(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${bytes} B`;
}

/** The rules that reported, each with how often. */
function findingsOf(diagnostics: Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) counts.set(String(diagnostic.code), (counts.get(String(diagnostic.code)) ?? 0) + 1);
  if (counts.size === 0) return 'none';
  return [...counts].map(([code, count]) => (count > 1 ? `${code} ×${count}` : code)).join(', ');
}

async function measure(input: HostileInput): Promise<Row> {
  const row: Row = { title: input.title, bytes: 0, findings: '', milliseconds: [], parse: [], idle: [], peak: [] };
  const text = input.text();
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    parseAllDocuments(text);
    row.parse.push(performance.now() - started);
    const opened = await openInFreshServer(input);
    try {
      if (opened.client.exitCode !== null) throw new Error(`the server exited on ${input.title}`);
      row.bytes = opened.bytes;
      row.findings = findingsOf(opened.diagnostics);
      row.milliseconds.push(opened.milliseconds);
      row.idle.push(opened.idle.rss);
      row.peak.push(opened.used.peak);
    } finally {
      await opened.done();
    }
  }
  return row;
}

function ratioOf(row: Row): string {
  return `${(median(row.milliseconds) / median(row.parse)).toFixed(2)}×`;
}

function table(rows: Row[], load: { before: number[]; after: number[] }): string {
  const loads = (averages: number[]) => averages.map((average) => average.toFixed(1)).join(', ');
  return [
    '# Hostile inputs: time and memory of the server',
    '',
    `Written by \`npm run hostile-report\` on ${new Date().toISOString().slice(0, 10)}: each input opened in ${RUNS} fresh`,
    'servers (`dist/server.js --stdio`, in a folder of its own with the files beside it), medians of the runs. The time',
    'runs from sending `textDocument/didOpen` to receiving its `textDocument/publishDiagnostics`; the bare parse is',
    "`yaml.parseAllDocuments` of the same text in the report's own process, timed once before each server is started.",
    'Memory is read from',
    '`/proc/<pid>/status`: the resident size once the folder is indexed, before the input is opened (VmRSS), and the',
    "process's peak resident size after its diagnostics (VmHWM), which includes the text received over stdio.",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average`,
    `${loads(load.before)} before and ${loads(load.after)} after the run (shared with other work: times are noisy).`,
    '',
    '| Input | Size | Diagnostics | didOpen → diagnostics | Bare parse | Ratio | Resident before opening | Peak resident |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.title} | ${sizeOf(row.bytes)} | ${row.findings} | ${median(row.milliseconds).toFixed(0)} ms | ${median(row.parse).toFixed(0)} ms | ${ratioOf(row)} | ${median(row.idle)} MB | ${median(row.peak)} MB |`,
    ),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const before = os.loadavg();
  const rows: Row[] = [];
  const unknown = (values.only ?? []).filter((key) => !(key in HOSTILE_INPUTS));
  if (unknown.length > 0) throw new Error(`No hostile input is called ${unknown.join(', ')}; the keys are ${Object.keys(HOSTILE_INPUTS).join(', ')}.`);
  const chosen = Object.entries(HOSTILE_INPUTS).filter(([key]) => !values.only || values.only.includes(key));
  for (const [, input] of chosen) {
    const row = await measure(input);
    console.log(`${row.title}: ${median(row.milliseconds).toFixed(0)} ms (bare parse ${median(row.parse).toFixed(0)} ms, ${ratioOf(row)}), peak ${median(row.peak)} MB`);
    rows.push(row);
  }
  if (values.only) return;
  mkdirSync(path.dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, table(rows, { before, after: os.loadavg() }));
  console.log(`Wrote ${path.relative(process.cwd(), REPORT)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
