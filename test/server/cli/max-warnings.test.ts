import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseText, runCli } from './run-cli';

const WARNING_ONLY = path.join('examples', 'broken', 'service-not-found.yaml');
const TWO_WARNINGS = [WARNING_ONLY, path.join('examples', 'broken', 'service-name-missing.yaml')];

describe('kube-stateful lint --max-warnings', () => {
  it('exits 1 when the warnings are more than allowed, and says so on stderr', () => {
    const run = runCli(['lint', ...TWO_WARNINGS, '--max-warnings', '1']);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(parseText(run.stdout).map((finding) => finding.severity), ['warning', 'warning']);
    assert.match(run.stderr, /\nkube-stateful: too many warnings: 2, more than --max-warnings 1\.\n$/);
  });

  it('exits 0 when the warnings are as many as allowed', () => {
    const run = runCli(['lint', ...TWO_WARNINGS, '--max-warnings', '2']);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /too many/);
  });

  it('with 0, fails on any warning, whatever the output format', () => {
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const run = runCli(['lint', WARNING_ONLY, '--max-warnings', '0', '--format', format]);
      assert.equal(run.status, 1, `${format}: ${run.stderr}`);
    }
  });

  it('does not count information findings', () => {
    const run = runCli(['lint', path.join('examples', 'postgres'), '--max-warnings', '0']);
    assert.deepEqual(parseText(run.stdout).map((finding) => finding.severity), ['info']);
    assert.equal(run.status, 0, run.stderr);
  });

  it('still exits 1 for an error, under the limit', () => {
    const run = runCli(['lint', path.join('examples', 'broken', 'service-not-headless.yaml'), '--max-warnings', '10']);
    assert.equal(run.status, 1, run.stderr);
  });
});
