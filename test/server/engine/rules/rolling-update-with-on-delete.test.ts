import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/rolling-update-with-on-delete';

testRule('rolling-update-with-on-delete', {
  valid: [
    { name: 'RollingUpdate, given or defaulted, with a partition', files: [`${DIR}/rolling-update-with-partition.yaml`] },
    { name: 'OnDelete with an empty rollingUpdate key', files: [`${DIR}/on-delete-null-rolling-update.yaml`] },
    { name: 'OnDelete alone', files: ['rules/invalid-enum-value/allowed-and-empty.yaml'] },
  ],
  invalid: [
    {
      name: 'OnDelete with a partition',
      files: [`${DIR}/on-delete-with-partition.yaml`],
      findings: [
        {
          range: '9:5-9:18',
          message:
            "updateStrategy.rollingUpdate is only allowed when updateStrategy.type is 'RollingUpdate', and the type here is 'OnDelete': the API server rejects this. Remove rollingUpdate, or change the type to 'RollingUpdate'.",
        },
      ],
    },
  ],
});
