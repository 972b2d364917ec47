import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/restart-policy-not-always';

testRule('restart-policy-not-always', {
  valid: [
    { name: 'Always, an empty string, and a sidecar init container', files: [`${DIR}/always-and-empty.yaml`] },
    { name: 'no restartPolicy', files: ['rules/service-name-missing/headless-service-named.yaml'] },
    { name: 'OnFailure in a Job', files: [`${DIR}/job-on-failure.yaml`] },
  ],
  invalid: [
    {
      name: 'OnFailure',
      files: [`${DIR}/on-failure.yaml`],
      findings: [
        {
          range: '15:22-15:31',
          message: "restartPolicy 'OnFailure' is not allowed in a StatefulSet's pod template: only 'Always' is. Set it to 'Always' or remove it.",
        },
      ],
    },
    {
      name: 'always in lowercase',
      files: [`${DIR}/lowercase-always.yaml`],
      findings: [
        {
          range: '15:22-15:30',
          message: "restartPolicy 'always' is not allowed in a StatefulSet's pod template: only 'Always' is. Set it to 'Always' or remove it.",
        },
      ],
    },
  ],
});

it('restart-policy-not-always offers Always as the replacement', () => {
  const [finding] = findingsOf('restart-policy-not-always', { files: [`${DIR}/on-failure.yaml`] });
  assert.deepEqual(finding?.fix, { replacement: 'Always' });
});
