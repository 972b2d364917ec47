import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/selector-invalid';

testRule('selector-invalid', {
  valid: [
    { name: 'every operator with the values it takes', files: [`${DIR}/valid-operators.yaml`] },
    { name: 'no matchExpressions', files: ['rules/service-name-missing/headless-service-named.yaml'] },
  ],
  invalid: [
    {
      name: 'unknown operators and values that do not fit the operator',
      files: [`${DIR}/operators.yaml`],
      findings: [
        {
          range: '10:19-10:21',
          message:
            "Selector operator 'in' for key 'app' is not valid: did you mean 'In'? Operators are 'In', 'NotIn', 'Exists' or 'DoesNotExist' (case-sensitive).",
        },
        {
          range: '13:19-13:25',
          message: "Selector operator 'Equals' for key 'tier' is not valid: use 'In', 'NotIn', 'Exists' or 'DoesNotExist' (case-sensitive).",
        },
        { range: '16:19-16:21', message: "Selector operator 'In' for key 'track' needs at least one value in 'values'." },
        { range: '19:9-19:19', message: "Selector operator 'NotIn' for key 'zone' has an empty 'values' list: it needs at least one value." },
        {
          range: '22:9-22:25',
          message:
            "Selector operator 'Exists' for key 'canary' takes no values: remove 'values', or use 'In' to compare the label with the values listed.",
        },
        {
          range: '24:19-24:21',
          message: "Selector operator '' for key 'legacy' is not valid: use 'In', 'NotIn', 'Exists' or 'DoesNotExist' (case-sensitive).",
        },
      ],
    },
    {
      name: 'an empty values list in a kustomize patch, but not missing values',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
      findings: [
        { range: '13:9-13:19', message: "Selector operator 'In' for key 'tier' has an empty 'values' list: it needs at least one value." },
      ],
    },
  ],
});

it('selector-invalid offers the right case of a miscased operator, and nothing for an unknown one', () => {
  const findings = findingsOf('selector-invalid', { files: [`${DIR}/operators.yaml`] });
  assert.deepEqual(
    findings.map((finding) => finding.fix),
    [{ replacement: 'In' }, undefined, undefined, undefined, undefined, undefined],
  );
});
