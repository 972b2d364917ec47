import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/vct-storage-missing';
const MISSING = 'requests no storage (spec.resources.requests.storage); the API server requires a size. Add one, such as storage: 1Gi.';
const NOT_POSITIVE = 'the size must be greater than zero. Set a size such as 1Gi.';
const NOT_A_QUANTITY = 'is not a Kubernetes quantity: write a number with a suffix such as 10Gi, 500Mi or 10G.';

testRule('vct-storage-missing', {
  valid: [
    { name: 'binary and decimal suffixes, fractions, exponents and plain bytes', files: [`${DIR}/valid-sizes.yaml`] },
    {
      name: 'a kustomize patch that leaves the size to its base',
      files: [`${DIR}/overlay/storage-class-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
    },
  ],
  invalid: [
    {
      name: 'no storage request: reported on the nearest key',
      files: [`${DIR}/missing.yaml`],
      findings: [
        { range: '31:11-31:19', message: `volumeClaimTemplate 'data' ${MISSING}` },
        { range: '37:9-37:18', message: `volumeClaimTemplate 'wal' ${MISSING}` },
        { range: '40:7-40:11', message: `volumeClaimTemplate 'logs' ${MISSING}` },
      ],
    },
    {
      name: 'a template without a spec: reported on its name',
      files: ['rules/vct-access-modes-missing/no-spec.yaml'],
      findings: [{ range: '23:15-23:19', message: `volumeClaimTemplate 'data' ${MISSING}` }],
    },
    {
      name: 'zero and negative sizes',
      files: [`${DIR}/not-above-zero.yaml`],
      findings: [
        { range: '30:22-30:23', message: `volumeClaimTemplate 'data' requests storage '0'; ${NOT_POSITIVE}` },
        { range: '37:22-37:26', message: `volumeClaimTemplate 'wal' requests storage '-1Gi'; ${NOT_POSITIVE}` },
      ],
    },
    {
      name: 'sizes that are not quantities',
      files: [`${DIR}/not-a-quantity.yaml`],
      findings: [
        { range: '30:22-30:26', message: `Storage size '10GB' of volumeClaimTemplate 'data' ${NOT_A_QUANTITY}` },
        { range: '37:22-37:26', message: `Storage size '1 Gi' of volumeClaimTemplate 'wal' ${NOT_A_QUANTITY}` },
      ],
    },
    {
      name: 'a malformed size set by a kustomize patch',
      files: [`${DIR}/overlay/size-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
      findings: [{ range: '13:22-13:27', message: `Storage size '100GB' of volumeClaimTemplate 'data' ${NOT_A_QUANTITY}` }],
    },
  ],
});

it('carries the value to insert and which template lacks it as fix data', () => {
  const findings = findingsOf('vct-storage-missing', { files: [`${DIR}/missing.yaml`] });
  assert.deepEqual(
    findings.map((finding) => finding.fix?.claimIndex),
    [0, 1, 2],
  );
  assert.deepEqual(findings[0].fix, { insert: 'storage', value: '1Gi', claimIndex: 0 });
});
