import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { OVERLAY_FIELDS } from '../../../../server/src/engine/schema/overlay';
import { FIXTURES, findingsOf, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/unknown-field';
const NEWER_FIELDS = `${DIR}/fields-from-1.31-to-1.34.yaml`;

testRule('unknown-field', {
  valid: [
    { name: 'every field added from Kubernetes 1.31 to 1.34', files: [NEWER_FIELDS] },
    { name: 'a status block, and a custom resource that is not apps/v1', files: [`${DIR}/status-and-custom-resource.yaml`] },
    { name: 'a full StatefulSet with its Service', files: ['rules/service-name-missing/headless-service-named.yaml'] },
  ],
  invalid: [
    {
      name: 'typos and wrong case, with the field meant',
      files: [`${DIR}/typos.yaml`],
      findings: [
        {
          range: '6:3-6:14',
          message: "Unknown field 'servicename' in spec (StatefulSetSpec). Did you mean 'serviceName'? kubectl rejects fields the API does not define.",
        },
        {
          range: '15:7-15:17',
          message:
            "Unknown field 'contianers' in spec.template.spec (PodSpec). Did you mean 'containers'? kubectl rejects fields the API does not define.",
        },
        {
          range: '18:3-18:22',
          message:
            "Unknown field 'volumeClaimTemplate' in spec (StatefulSetSpec). Did you mean 'volumeClaimTemplates'? kubectl rejects fields the API does not define.",
        },
      ],
    },
    {
      name: 'a Service field in the wrong case, and one with no close match',
      files: [`${DIR}/no-close-match.yaml`],
      findings: [
        {
          range: '6:3-6:12',
          message: "Unknown field 'clusterIp' in spec (ServiceSpec). Did you mean 'clusterIP'? kubectl rejects fields the API does not define.",
        },
        {
          range: '7:3-7:16',
          message: "Unknown field 'loadBalancing' in spec (ServiceSpec). kubectl rejects fields the API does not define.",
        },
      ],
    },
  ],
});

it('carries the suggested field as fix data', () => {
  const [first] = findingsOf('unknown-field', { files: [`${DIR}/typos.yaml`] });
  assert.deepEqual(first.fix, { replacement: 'serviceName' });
});

it('has a fixture using each field the overlay adds', () => {
  const text = readFileSync(path.join(FIXTURES, NEWER_FIELDS), 'utf8');
  for (const field of OVERLAY_FIELDS) {
    const name = field.slice(field.lastIndexOf('.') + 1);
    assert.match(text, new RegExp(`^\\s*${name}:`, 'm'), `${field} is used in ${NEWER_FIELDS}`);
  }
});
