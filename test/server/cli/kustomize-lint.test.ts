import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseText, runCli } from './run-cli';

const FIXTURES = path.join('test', 'fixtures', 'kustomize');

describe('kube-stateful lint on kustomizations', () => {
  it("builds the overlays it walks: a patch's label mistake is reported on the patch", () => {
    const findings = parseText(runCli(['lint', path.join(FIXTURES, 'label-patch')]).stdout);
    const mismatch = findings.filter((finding) => finding.ruleId === 'selector-template-mismatch');
    assert.deepEqual(mismatch.map((finding) => [finding.file, finding.line]), [[path.join(FIXTURES, 'label-patch', 'overlays', 'prod', 'pod-labels.yaml'), 9]]);
  });

  it('gives a commonLabels base no selector errors', () => {
    const rules = parseText(runCli(['lint', path.join(FIXTURES, 'common-labels-base')]).stdout).map((finding) => finding.ruleId);
    assert.ok(!rules.includes('selector-template-mismatch') && !rules.includes('service-selector-mismatch'), rules.join(', '));
  });
});
