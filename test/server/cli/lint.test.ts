import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseText, ROOT, rulesByFile, runCli, type CliRun, type TextFinding } from './run-cli';

const BROKEN_RULES = [
  'service-name-missing',
  'service-name-invalid',
  'service-not-found',
  'service-namespace-mismatch',
  'service-not-headless',
  'service-selector-mismatch',
  'selector-template-mismatch',
  'yaml-syntax',
  'duplicate-key',
  'helm-template',
  'inline-secret',
];

const broken = (ruleId: string) => path.join('examples', 'broken', `${ruleId}.yaml`);
const WEB_SERVICE = path.join('examples', 'web', 'service.yaml');
const WEB_STATEFULSET = path.join('examples', 'web', 'statefulset.yaml');

/** 1-based line and column of `target`, looked for inside the first occurrence of `context`. */
function positionOf(file: string, context: string, target: string): { line: number; column: number } {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const start = text.indexOf(context);
  assert.ok(start >= 0, `${file} contains ${JSON.stringify(context)}`);
  const offset = start + context.indexOf(target);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

let examplesRun: CliRun | undefined;
/** `lint examples/` in text format, run once and shared by the tests that compare against it. */
const lintExamples = (): CliRun => (examplesRun ??= runCli(['lint', 'examples/']));

describe('kube-stateful lint examples/', () => {
  const run = lintExamples();
  const findings = parseText(run.stdout);
  const byFile = rulesByFile(findings);

  it('exits 1 because some findings are errors', () => {
    assert.equal(run.status, 1, run.stderr);
    assert.ok(findings.some((finding) => finding.severity === 'error'));
  });

  it('reports each broken example under exactly its own rule', () => {
    for (const ruleId of BROKEN_RULES) {
      const rules = byFile.get(broken(ruleId)) ?? [];
      assert.ok(rules.length > 0, `${broken(ruleId)} has findings`);
      assert.deepEqual([...new Set(rules)], [ruleId], `rules reported for ${broken(ruleId)}`);
    }
  });

  it('has one example per listed rule', () => {
    const examples = readdirSync(path.join(ROOT, 'examples', 'broken')).map((name) => path.basename(name, '.yaml'));
    assert.deepEqual(examples.sort(), [...BROKEN_RULES].sort());
    const brokenFiles = [...byFile.keys()].filter((file) => file.startsWith(path.join('examples', 'broken') + path.sep));
    assert.deepEqual(brokenFiles.sort(), BROKEN_RULES.map(broken).sort());
  });

  it('finds nothing in the web example, and only the Secret created outside the files in the postgres one', () => {
    const outsideBroken = findings.filter(({ file }) => !file.startsWith(path.join('examples', 'broken') + path.sep));
    assert.deepEqual(
      outsideBroken.map(({ file, severity, ruleId }) => `${file} ${severity} ${ruleId}`),
      [`${path.join('examples', 'postgres', 'postgres.yaml')} info secret-ref-not-found`],
    );
  });

  it('gives 1-based positions that point at the problem', () => {
    const at = (ruleId: string) => {
      const finding = findings.find((candidate) => candidate.ruleId === ruleId);
      assert.ok(finding, `a ${ruleId} finding`);
      return { line: finding.line, column: finding.column };
    };
    assert.deepEqual(at('service-not-found'), positionOf(broken('service-not-found'), 'serviceName: orders-db', 'orders-db'));
    assert.deepEqual(at('duplicate-key'), positionOf(broken('duplicate-key'), '  labels:\n    team', 'labels'));
    assert.deepEqual(at('helm-template'), positionOf(broken('helm-template'), '{{', '{{'));
    assert.deepEqual(at('yaml-syntax'), positionOf(broken('yaml-syntax'), '       tier: database', '       tier'));
  });

  it('writes a summary to stderr, not stdout', () => {
    assert.match(run.stderr, new RegExp(`^${findings.length} problems \\(\\d+ errors?, \\d+ warnings?, \\d+ info\\) in ${byFile.size} of \\d+ files\\n$`));
    assert.doesNotMatch(run.stdout, /problems/);
  });
});

describe('kube-stateful lint --format json', () => {
  const run = runCli(['lint', 'examples/', '--format', 'json']);

  it('prints only a JSON array of findings with positions, rule and docs link', () => {
    assert.equal(run.status, 1, run.stderr);
    const entries: unknown = JSON.parse(run.stdout);
    assert.ok(Array.isArray(entries) && entries.length > 0);
    for (const entry of entries) {
      assert.deepEqual(Object.keys(entry).sort(), [
        'column',
        'docs',
        'endColumn',
        'endLine',
        'file',
        'line',
        'message',
        'ruleId',
        'severity',
      ]);
      for (const key of ['line', 'column', 'endLine', 'endColumn']) {
        assert.ok(Number.isInteger(entry[key]) && entry[key] >= 1, `${key} is a 1-based number in ${JSON.stringify(entry)}`);
      }
      assert.ok(entry.endLine > entry.line || (entry.endLine === entry.line && entry.endColumn >= entry.column));
      assert.ok(['error', 'warning', 'info'].includes(entry.severity));
      assert.ok(entry.docs.endsWith(`/docs/rules.md#${entry.ruleId}`), entry.docs);
      assert.equal(typeof entry.message, 'string');
    }
  });

  it('reports the same findings as the text format', () => {
    const text = parseText(lintExamples().stdout);
    const json = (JSON.parse(run.stdout) as TextFinding[]).map(({ file, line, column, severity, ruleId, message }) => ({
      file,
      line,
      column,
      severity,
      ruleId,
      message,
    }));
    assert.deepEqual(json, text);
  });
});

describe('kube-stateful lint on clean and partial inputs', () => {
  it('exits 0 and prints nothing on stdout for a folder of clean manifests', () => {
    const run = runCli(['lint', 'examples/web']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^0 problems/);
  });

  it('matches a StatefulSet with its Service given as a separate file', () => {
    const together = runCli(['lint', WEB_STATEFULSET, WEB_SERVICE]);
    assert.equal(together.status, 0, together.stderr);
    assert.equal(together.stdout, '');

    const alone = parseText(runCli(['lint', WEB_STATEFULSET]).stdout);
    assert.deepEqual(
      alone.map(({ file, ruleId }) => ({ file, ruleId })),
      [{ file: WEB_STATEFULSET, ruleId: 'service-not-found' }],
    );
  });

  it('exits 0 when the only findings are warnings', () => {
    const run = runCli(['lint', broken('service-not-found')]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(parseText(run.stdout).map(({ severity, ruleId }) => `${severity} ${ruleId}`), [
      'warning service-not-found',
    ]);
  });

  it('expands a quoted glob itself', () => {
    const all = runCli(['lint', 'examples/web/*.yaml']);
    assert.equal(all.status, 0, all.stderr);
    assert.equal(all.stdout, '');

    const some = parseText(runCli(['lint', 'examples/web/state*.yaml']).stdout);
    assert.deepEqual(some.map(({ ruleId }) => ruleId), ['service-not-found']);
  });

  it('lints the current folder when no path is given, with paths relative to it', () => {
    const run = runCli(['lint'], path.join(ROOT, 'examples', 'broken'));
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual([...rulesByFile(parseText(run.stdout)).keys()].sort(), BROKEN_RULES.map((id) => `${id}.yaml`).sort());
  });
});

describe('kube-stateful lint options', () => {
  it('--rule <id>=off removes that rule’s findings and keeps the others', () => {
    const before = parseText(lintExamples().stdout);
    const run = runCli(['lint', 'examples/', '--rule', 'service-not-found=off']);
    const after = parseText(run.stdout);
    assert.equal(run.status, 1, run.stderr);
    assert.ok(before.some(({ ruleId }) => ruleId === 'service-not-found'));
    assert.deepEqual(after, before.filter(({ ruleId }) => ruleId !== 'service-not-found'));
  });

  it('--rule may be repeated and can lower an error to a warning, changing the exit status', () => {
    const run = runCli([
      'lint',
      broken('service-not-headless'),
      broken('service-not-found'),
      '--rule',
      'service-not-headless=warning',
      '--rule',
      'service-not-found=off',
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(parseText(run.stdout).map(({ severity, ruleId }) => `${severity} ${ruleId}`), [
      'warning service-not-headless',
    ]);
  });

  it('--default-namespace is the namespace of manifests that set none', () => {
    const file = broken('service-namespace-mismatch');
    assert.deepEqual(parseText(runCli(['lint', file]).stdout).map(({ ruleId }) => ruleId), ['service-namespace-mismatch']);

    const moved = runCli(['lint', file, '--default-namespace', 'inventory']);
    assert.equal(moved.status, 0, moved.stderr);
    assert.equal(moved.stdout, '');

    const [finding] = parseText(runCli(['lint', broken('service-not-found'), '--default-namespace', 'shop']).stdout);
    assert.match(finding.message, /in namespace 'shop'/);
  });
});
