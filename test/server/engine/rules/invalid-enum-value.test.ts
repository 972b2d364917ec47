import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/invalid-enum-value';

testRule('invalid-enum-value', {
  valid: [
    { name: 'every allowed value, and empty strings the API server defaults', files: [`${DIR}/allowed-and-empty.yaml`] },
    { name: 'no such field set', files: ['rules/service-name-missing/headless-service-named.yaml'] },
  ],
  invalid: [
    {
      name: 'StatefulSet fields, miscased or unknown',
      files: [`${DIR}/spec-fields.yaml`],
      findings: [
        {
          range: '7:24-7:32',
          message:
            "podManagementPolicy 'parallel' is not valid: did you mean 'Parallel'? Allowed values are 'OrderedReady' and 'Parallel' (case-sensitive).",
        },
        { range: '9:11-9:18', message: "updateStrategy.type 'Rolling' is not valid: allowed values are 'RollingUpdate' and 'OnDelete'." },
        {
          range: '11:18-11:24',
          message:
            "persistentVolumeClaimRetentionPolicy.whenDeleted 'delete' is not valid: did you mean 'Delete'? Allowed values are 'Retain' and 'Delete' (case-sensitive).",
        },
        {
          range: '12:17-12:25',
          message: "persistentVolumeClaimRetentionPolicy.whenScaled 'Retained' is not valid: allowed values are 'Retain' and 'Delete'.",
        },
      ],
    },
    {
      name: 'container fields, init containers and probes included',
      files: [`${DIR}/container-fields.yaml`],
      findings: [
        {
          range: '18:28-18:37',
          message: "imagePullPolicy 'Sometimes' of init container 'init' is not valid: allowed values are 'Always', 'IfNotPresent' and 'Never'.",
        },
        {
          range: '22:28-22:34',
          message:
            "imagePullPolicy 'always' of container 'web' is not valid: did you mean 'Always'? Allowed values are 'Always', 'IfNotPresent' and 'Never' (case-sensitive).",
        },
        {
          range: '25:25-25:28',
          message:
            "Port protocol 'tcp' of container 'web' is not valid: did you mean 'TCP'? Allowed values are 'TCP', 'UDP' and 'SCTP' (case-sensitive).",
        },
        { range: '27:25-27:30', message: "Port protocol 'HTTPS' of container 'web' is not valid: allowed values are 'TCP', 'UDP' and 'SCTP'." },
        {
          range: '32:23-32:28',
          message:
            "livenessProbe.httpGet.scheme 'https' of container 'web' is not valid: did you mean 'HTTPS'? Allowed values are 'HTTP' and 'HTTPS' (case-sensitive).",
        },
        {
          range: '37:23-37:28',
          message: "readinessProbe.httpGet.scheme 'HTTP2' of container 'web' is not valid: allowed values are 'HTTP' and 'HTTPS'.",
        },
      ],
    },
  ],
});

it('invalid-enum-value offers the allowed spelling only for a case-only mistake', () => {
  const fixes = (file: string) => findingsOf('invalid-enum-value', { files: [`${DIR}/${file}`] }).map((finding) => finding.fix);
  assert.deepEqual(fixes('spec-fields.yaml'), [{ replacement: 'Parallel' }, undefined, { replacement: 'Delete' }, undefined]);
  assert.deepEqual(fixes('container-fields.yaml'), [
    undefined,
    { replacement: 'Always' },
    { replacement: 'TCP' },
    undefined,
    { replacement: 'HTTPS' },
    undefined,
  ]);
});
