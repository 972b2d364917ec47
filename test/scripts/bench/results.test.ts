import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderResults } from '../../../scripts/bench/report';
import { verdicts, type BenchResults, type ServerFigures } from '../../../scripts/bench/results';
import { MAX_TIMED_RUNS, median, sample, summarize } from '../../../scripts/bench/timing';

const figure = (value: number) => summarize([value]);

const server = (open: number, edit: number): ServerFigures => ({ open: figure(open), edit: figure(edit), diagnostics: 3, incrementalSync: true });

/** Results where every target is met, for the tests to spoil one figure at a time. */
function passing(): BenchResults {
  return {
    environment: {
      date: '2026-01-01T00:00:00Z',
      seed: 7,
      runs: 5,
      warmUp: 1,
      duration: 200,
      cpu: 'Test CPU',
      cores: 2,
      memoryGigabytes: 8,
      loadAverage: [0.5, 0.5, 0.5],
      node: 'v20.0.0',
      yamlLanguageServerNode: 'v24.0.0',
      yamlVersion: '2.9.1',
      yamlLanguageServerVersion: '2.0.0',
    },
    analysis: [
      { lines: 150, documents: 5, bytes: 4000, parse: figure(1), engine: figure(1.5) },
      { lines: 30_000, documents: 1000, bytes: 700_000, parse: figure(400), engine: figure(600) },
    ],
    editor: {
      rows: [
        { lines: 150, ours: server(2, 1), yamlLanguageServer: server(210, 210) },
        { lines: 30_000, ours: server(500, 100), yamlLanguageServer: server(3000, 700) },
      ],
      yamlLanguageServerSkipped: undefined,
      schemaCheck: 'Incorrect type. Expected "integer".',
      yamlLanguageServerDelay: 200,
    },
    workspace: {
      files: 2000,
      bytes: 2_500_000,
      index: figure(630),
      parse: figure(900),
      memory: figure(240),
      memorySingleFile: figure(60),
      edit: figure(15),
      editSingleFile: figure(10),
      editedFile: 'orders/postgres-1/statefulset.yaml',
    },
    lint: { files: 2000, wall: figure(1350), parse: figure(900), exitCode: 1 },
  };
}

const metOf = (results: BenchResults) => verdicts(results).map((verdict) => verdict.met);

describe('the benchmark results', () => {
  it('takes the median of odd and even numbers of runs', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('reports the median of the timed runs, without warm-up runs when none are asked for', async () => {
    let calls = 0;
    const figures = await sample({ warmUp: 0, runs: 3 }, () => [30, 10, 20][calls++]);
    assert.equal(calls, 3);
    assert.deepEqual(figures, { median: 20, runs: [30, 10, 20] });
  });

  it('times a short operation more often than asked once warmed up, up to a bound', async () => {
    let calls = 0;
    const figures = await sample({ warmUp: 1, runs: 3 }, () => (calls++, 0.01));
    assert.equal(figures.runs.length, MAX_TIMED_RUNS);
    assert.ok(calls > MAX_TIMED_RUNS, 'the warm-up runs come first');
  });

  it('meets every target when each figure is within it, boundaries included', () => {
    assert.deepEqual(metOf(passing()), [true, true, true, true, true, true, true]);
  });

  it('misses the analysis target when any size takes more than one and a half times its parse', () => {
    const results = passing();
    results.analysis[0].engine = figure(1.6);
    const [analysis] = verdicts(results);
    assert.equal(analysis.met, false);
    assert.equal(analysis.figure, '1.60×, 1.50× (150 / 30,000 lines)');
  });

  it('judges the edit on the largest file against that file’s parse time', () => {
    const results = passing();
    results.editor.rows[1].ours.edit = figure(101);
    const edit = verdicts(results)[1];
    assert.equal(edit.target, 'Edit → diagnostics on the 30,000-line file ≤ 0.25× its bare parse time');
    assert.equal(edit.met, false);
    assert.equal(edit.figure, '0.25× (101 ms vs 400 ms)');
  });

  it('compares with yaml-language-server once its fixed wait is taken off, at every size', () => {
    const results = passing();
    // 210 ms is 10.5× our 20 ms, but only 0.5× once its 200 ms wait is taken off.
    results.editor.rows[0].ours.edit = figure(20);
    const speed = verdicts(results)[2];
    assert.equal(speed.met, false);
    assert.match(speed.figure, /^0\.50×, 5\.00× faster .* without its 200 ms wait; 10\.5×, 7\.00× with it$/);
  });

  it('says the comparison was not measured when yaml-language-server could not run', () => {
    const results = passing();
    results.editor.yamlLanguageServerSkipped = 'Node 24 is missing.';
    results.editor.rows.forEach((row) => (row.yamlLanguageServer = undefined));
    const speed = verdicts(results)[2];
    assert.equal(speed.met, undefined);
    assert.equal(speed.figure, 'not measured: Node 24 is missing.');
    const markdown = renderResults(results);
    assert.match(markdown, /\*\*yaml-language-server was not run:\*\* Node 24 is missing\./);
    assert.match(markdown, /\| 150 lines, didChange \| 1\.00 ms \| skipped \|/);
  });

  it('holds the workspace to 1.5 s and 0.7× its parse, 250 MB and 1.5× the single-file edit, and lint to 1.5× the parse', () => {
    const results = passing();
    results.workspace.index = figure(640);
    results.workspace.memory = figure(251);
    results.workspace.edit = figure(15.1);
    results.lint.wall = figure(1360);
    assert.deepEqual(metOf(results).slice(3), [false, false, false, false]);
    const fast = passing();
    fast.workspace.parse = figure(3000);
    fast.workspace.index = figure(1500);
    assert.equal(metOf(fast)[3], false, 'in under 1.5 s, whatever the parse takes');
  });

  it('writes each table with our figure, the comparison and their ratio, and the verdicts', () => {
    const markdown = renderResults(passing());
    assert.match(markdown, /\| 30,000 lines \(1,000 documents, 700 kB\) \| 600 ms \| 400 ms \| 1\.50× \|/);
    assert.match(markdown, /\| 30,000 lines, didChange \| 100 ms \| 700 ms \| 0\.14× \| 500 ms \| 0\.20× \|/);
    assert.match(markdown, /\| Resident memory after indexing \| 240 MB \| workspace of that one file: 60 MB \| 4\.00× \|/);
    assert.match(markdown, /\| 2,000 files \| 1,350 ms \| bare parse of every file in one process: 900 ms \| 1\.50× \|/);
    assert.match(markdown, /\| 2,000-file workspace indexed in under 1\.5 s and ≤ 0\.7× the bare parse of its files \| 630 ms, 0\.70× \(900 ms to parse\) \| met \|/);
    assert.match(markdown, /\| CPU \| Test CPU, 2 cores \|/);
    assert.match(markdown, /\| Seed \| 7 \|/);
  });
});
