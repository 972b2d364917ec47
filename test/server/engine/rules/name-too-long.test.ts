import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/name-too-long';

testRule('name-too-long', {
  valid: [
    { name: 'a name of exactly 52 characters', files: ['rules/invalid-name/names-at-the-limits.yaml'] },
    { name: 'long names that invalid-name reports instead', files: [`${DIR}/names-invalid-name-reports.yaml`] },
    { name: 'long names of other things', files: [`${DIR}/long-name-elsewhere.yaml`] },
  ],
  invalid: [
    {
      name: 'a name of 53 characters',
      files: [`${DIR}/name-53-characters.yaml`],
      findings: [
        {
          range: '4:9-4:62',
          message:
            "StatefulSet name 'analytics-clickhouse-replicated-cluster-primary-shard' has 53 characters: its pods get the label 'controller-revision-hash: analytics-clickhouse-replicated-cluster-primary-shard-<hash>', which would exceed the 63 characters a label value may have, so no pod can be created. Use at most 52 characters.",
        },
      ],
    },
    {
      name: 'a name of 60 characters',
      files: [`${DIR}/name-60-characters.yaml`],
      findings: [
        {
          range: '4:9-4:69',
          message:
            "StatefulSet name 'observability-prometheus-long-term-storage-receiver-ingester' has 60 characters: its pods get the label 'controller-revision-hash: observability-prometheus-long-term-storage-receiver-ingester-<hash>', which would exceed the 63 characters a label value may have, so no pod can be created. Use at most 52 characters.",
        },
      ],
    },
  ],
});
