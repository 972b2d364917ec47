import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defineResourceRule } from '../../../server/src/engine/rule';
import { rules } from '../../../server/src/engine/rules';
import { fixtureUri, formatRange, workspaceOf } from '../../helpers/rule-tester';

describe('analyze', () => {
  it('finds nothing in YAML that is not a Kubernetes manifest', () => {
    for (const file of ['engine/docker-compose.yaml', 'rules/helm-template/github-workflow.yaml', 'rules/helm-template/ansible-playbook.yaml']) {
      assert.deepEqual(analyze(workspaceOf([file]), fixtureUri(file)), [], file);
    }
  });

  it('keeps ranges right with CRLF line endings', () => {
    const file = 'engine/crlf-line-endings.yaml';
    const [finding] = analyze(workspaceOf([file]), fixtureUri(file));
    assert.equal(finding.ruleId, 'service-name-invalid');
    assert.equal(formatRange(finding.range), '6:16-6:19');
  });

  it('reads through anchors, aliases and merge keys', () => {
    const file = 'engine/anchors-and-merge-keys.yaml';
    assert.deepEqual(analyze(workspaceOf([file]), fixtureUri(file)), []);
  });

  it('answers an alias expansion bomb with a syntax finding instead of expanding it', () => {
    const file = 'engine/alias-bomb.yaml';
    const findings = analyze(workspaceOf([file]), fixtureUri(file));
    // The message is the parser's refusal to expand past the limit, so the bomb was never built.
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['yaml-syntax']);
    assert.match(findings[0].message, /repeats its aliases more than 1000 times/);
  });

  it('isolates a rule that throws: the others still report, and the failure is told once', () => {
    const broken = defineResourceRule({
      id: 'always-throws',
      kind: 'StatefulSet',
      severity: 'error',
      description: 'A rule with a bug.',
      docs: { rationale: 'Testing only.' },
      check: () => {
        throw new Error('bug');
      },
    });
    const failures: string[] = [];
    const file = 'rules/service-name-missing/no-service-name.yaml';
    const findings = analyze(workspaceOf([file]), fixtureUri(file), {
      rules: [broken, ...rules],
      onRuleError: (ruleId) => failures.push(ruleId),
    });
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['service-name-missing']);
    assert.deepEqual(failures, ['always-throws']);
  });

  it('turns a rule off, or changes its severity, through the configuration', () => {
    const file = 'rules/service-name-missing/no-service-name.yaml';
    assert.deepEqual(analyze(workspaceOf([file], { rules: { 'service-name-missing': 'off' } }), fixtureUri(file)), []);
    const [finding] = analyze(workspaceOf([file], { rules: { 'service-name-missing': 'error' } }), fixtureUri(file));
    assert.equal(finding.severity, 'error');
  });

  it("takes a report's own severity over the rule's default, but never over a configured level", () => {
    const mixed = defineResourceRule({
      id: 'mixed-severity',
      kind: 'StatefulSet',
      severity: 'warning',
      description: 'A rule whose findings differ in weight.',
      docs: { rationale: 'Testing only.' },
      check: ({ resource }) => [
        { range: resource.nearest(['kind']), message: 'minor', severity: 'info' },
        { range: resource.nearest(['kind']), message: 'default' },
      ],
    });
    const file = 'rules/service-name-missing/no-service-name.yaml';
    const severities = (rules: Record<string, 'off' | 'info' | 'warning' | 'error'>) =>
      analyze(workspaceOf([file], { rules }), fixtureUri(file), { rules: [mixed] }).map((finding) => finding.severity);
    assert.deepEqual(severities({}), ['info', 'warning']);
    assert.deepEqual(severities({ 'mixed-severity': 'error' }), ['error', 'error']);
    assert.deepEqual(severities({ 'mixed-severity': 'warning' }), ['warning', 'warning']);
    assert.deepEqual(severities({ 'mixed-severity': 'off' }), []);
  });
});
