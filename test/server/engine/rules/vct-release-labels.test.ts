import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/vct-release-labels';
const WHY =
  'changes with each release, and claim templates cannot change on a live StatefulSet: every upgrade then fails with "updates to statefulset spec for fields other than … are forbidden". Keep it on the pod template and remove it here.';

testRule('vct-release-labels', {
  valid: [
    { name: 'stable claim labels, versioned labels on the pod template and the StatefulSet', files: [`${DIR}/stable-labels.yaml`] },
    { name: 'claim templates without labels', files: ['rules/vct-storage-missing/valid-sizes.yaml'] },
  ],
  invalid: [
    {
      name: 'the chart and app version labels, block and flow',
      files: [`${DIR}/chart-labels.yaml`],
      findings: [
        { range: '31:11-31:24', message: `Label 'helm.sh/chart: postgresql-12.1.6' of volumeClaimTemplate 'data' ${WHY}` },
        { range: '32:11-32:36', message: `Label 'app.kubernetes.io/version: 16.4.0' of volumeClaimTemplate 'data' ${WHY}` },
        { range: '40:31-40:36', message: `Label 'chart: postgresql' of volumeClaimTemplate 'wal' ${WHY}` },
      ],
    },
    {
      name: 'a value that is a chart name and version, and a numeric version',
      files: [`${DIR}/versioned-values.yaml`],
      findings: [
        { range: '30:11-30:20', message: `Label 'generator: redis-18.0.0-rc_1' of volumeClaimTemplate 'data' ${WHY}` },
        { range: '39:11-39:18', message: `Label 'version: 3' of volumeClaimTemplate 'logs' ${WHY}` },
      ],
    },
  ],
});

it('carries the template and the label to remove as fix data', () => {
  const findings = findingsOf('vct-release-labels', { files: [`${DIR}/chart-labels.yaml`] });
  assert.deepEqual(
    findings.map((finding) => finding.fix),
    [
      { claimIndex: 0, label: 'helm.sh/chart' },
      { claimIndex: 0, label: 'app.kubernetes.io/version' },
      { claimIndex: 1, label: 'chart' },
    ],
  );
});
