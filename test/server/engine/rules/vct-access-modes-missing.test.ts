import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/vct-access-modes-missing';
const ADVICE = 'has no accessModes; the API server requires at least one. Add accessModes: [ReadWriteOnce], or the mode your storage supports.';

testRule('vct-access-modes-missing', {
  valid: [
    { name: 'access modes given', files: ['rules/duplicate-mount-path/distinct-paths.yaml'] },
    { name: 'a single string, a type error for the schema rules', files: [`${DIR}/access-mode-string.yaml`] },
    {
      name: 'a kustomize patch that changes only the size',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
    },
  ],
  invalid: [
    {
      name: 'missing and empty: reported on the template spec key',
      files: [`${DIR}/missing-and-empty.yaml`],
      findings: [
        { range: '26:7-26:11', message: `volumeClaimTemplate 'data' ${ADVICE}` },
        { range: '32:7-32:11', message: `volumeClaimTemplate 'wal' ${ADVICE}` },
      ],
    },
    {
      name: 'a template without a spec: reported on its name',
      files: [`${DIR}/no-spec.yaml`],
      findings: [{ range: '23:15-23:19', message: `volumeClaimTemplate 'data' ${ADVICE}` }],
    },
  ],
});

it('carries the value to insert and which template lacks it as fix data', () => {
  const findings = findingsOf('vct-access-modes-missing', { files: [`${DIR}/missing-and-empty.yaml`] });
  assert.deepEqual(
    findings.map((finding) => finding.fix),
    [
      { insert: 'accessModes', value: ['ReadWriteOnce'], claimIndex: 0 },
      { insert: 'accessModes', value: ['ReadWriteOnce'], claimIndex: 1 },
    ],
  );
});
