import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/api-version-removed';

testRule('api-version-removed', {
  valid: [
    { name: 'apps/v1', files: ['rules/service-name-missing/headless-service-named.yaml'] },
    { name: 'a Deployment under apps/v1beta2', files: [`${DIR}/deployment-apps-v1beta2.yaml`] },
    {
      name: 'apps/v1beta2 when the target is Kubernetes 1.15, which still served it',
      files: [`${DIR}/apps-v1beta2.yaml`],
      config: { kubernetesVersion: { major: 1, minor: 15 } },
    },
  ],
  invalid: [
    {
      name: 'apps/v1beta2',
      files: [`${DIR}/apps-v1beta2.yaml`],
      findings: [
        { range: '1:13-1:25', message: "StatefulSet apiVersion 'apps/v1beta2' was removed in Kubernetes 1.16 and is no longer served. Use 'apps/v1'." },
      ],
    },
    {
      name: 'apps/v1beta1 in quotes',
      files: [`${DIR}/apps-v1beta1-quoted.yaml`],
      findings: [
        { range: '1:13-1:27', message: "StatefulSet apiVersion 'apps/v1beta1' was removed in Kubernetes 1.16 and is no longer served. Use 'apps/v1'." },
      ],
    },
  ],
});

it('api-version-removed offers apps/v1 as the replacement', () => {
  const [finding] = findingsOf('api-version-removed', { files: [`${DIR}/apps-v1beta2.yaml`] });
  assert.deepEqual(finding?.fix, { replacement: 'apps/v1' });
});
