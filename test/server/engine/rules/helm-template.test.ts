import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { fixtureUri, testRule, workspaceOf } from '../../../helpers/rule-tester';

testRule('helm-template', {
  valid: [
    { name: 'a GitHub workflow with ${{ }} expressions', files: ['rules/helm-template/github-workflow.yaml'] },
    { name: 'an Ansible playbook with Jinja', files: ['rules/helm-template/ansible-playbook.yaml'] },
    { name: 'a rendered manifest whose comments mention template actions', files: ['rules/helm-template/braces-in-comment.yaml'] },
  ],
  invalid: [
    {
      name: 'a chart template, reported once at its first action',
      files: ['rules/helm-template/chart-template.yaml'],
      findings: [
        {
          range: '4:9-4:11',
          message:
            'This file contains Helm template actions ({{ … }}), so Kube Stateful does not check it. Lint the rendered output of `helm template` instead.',
        },
      ],
    },
  ],
});

it('reports nothing else for a chart template', () => {
  const file = 'rules/helm-template/chart-template.yaml';
  assert.deepEqual(
    analyze(workspaceOf([file]), fixtureUri(file)).map((finding) => finding.ruleId),
    ['helm-template'],
  );
});
