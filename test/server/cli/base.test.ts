import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { commitFiles, git, initRepository, temporaryFolder } from '../../helpers/git-fixture';
import { FIXTURES } from '../../helpers/rule-tester';
import { validate } from '../../helpers/json-schema-check';
import { parseText, runCli } from './run-cli';
import { SARIF_SCHEMA } from './sarif-schema';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'rules', 'immutable-field-changed', `${name}.yaml`), 'utf8');
const RULE = 'immutable-field-changed';

describe('kube-stateful lint --base', () => {
  let repository: string;
  let cleanup: () => void;

  before(() => {
    ({ folder: repository, cleanup } = temporaryFolder());
    initRepository(repository);
    commitFiles(repository, { 'db.yaml': fixture('committed-statefulset') }, 'first install');
    git(repository, ['branch', 'released']);
    commitFiles(repository, { 'db.yaml': fixture('refused-changes') }, 'rename the service');
  });
  after(() => cleanup());

  it('exits 1 with the refused changes as text', () => {
    const run = runCli(['lint', 'db.yaml', '--base', 'released', '--rule', 'image-tag-unpinned=off'], repository);
    assert.equal(run.status, 1, run.stderr);
    const refused = parseText(run.stdout).filter((finding) => finding.ruleId === RULE);
    assert.deepEqual(refused.map((finding) => [finding.line, finding.severity]), [[6, 'warning'], [7, 'warning'], [11, 'warning'], [30, 'warning']]);
  });

  it('exits 1 with them in JSON, SARIF and GitHub annotations', () => {
    for (const format of ['json', 'sarif', 'github']) {
      const run = runCli(['lint', 'db.yaml', '--base', 'released', '--format', format], repository);
      assert.equal(run.status, 1, `${format}: ${run.stderr}`);
      assert.equal(run.stdout.split(RULE).length - 1 >= 4, true, `${format} names the rule for each change`);
      if (format === 'sarif') assert.deepEqual(validate(SARIF_SCHEMA, JSON.parse(run.stdout)), []);
    }
  });

  it('compares nothing without --base, and with a base that has the same text', () => {
    assert.deepEqual(parseText(runCli(['lint', 'db.yaml'], repository).stdout).filter((finding) => finding.ruleId === RULE), []);
    assert.deepEqual(parseText(runCli(['lint', 'db.yaml', '--base', 'HEAD'], repository).stdout).filter((finding) => finding.ruleId === RULE), []);
  });

  it('takes origin/$GITHUB_BASE_REF in a pull request, and says how to fetch it when it is missing', () => {
    const run = runCli(['lint', 'db.yaml'], repository, { GITHUB_BASE_REF: 'main' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--base origin\/main: .*Fetch it first, for example with 'git fetch --depth=1 origin main:refs\/remotes\/origin\/main'/);
  });

  it('exits 2 for an unknown ref', () => {
    const run = runCli(['lint', 'db.yaml', '--base', 'no-such-branch'], repository);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^kube-stateful: --base no-such-branch: .*Fetch it first/);
  });
});
