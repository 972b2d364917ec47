import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/selector-template-mismatch';

testRule('selector-template-mismatch', {
  valid: [
    { name: 'matchExpressions with every operator that hold', files: [`${DIR}/match-expressions-select.yaml`] },
    { name: 'matchLabels equal to the template labels', files: ['rules/service-name-missing/headless-service-named.yaml'] },
  ],
  invalid: [
    {
      name: 'matchLabels differ from the template labels',
      files: [`${DIR}/match-labels-differ.yaml`],
      findings: [
        {
          range: '12:7-12:13',
          message:
            'spec.selector (app=web) does not select the pod template labels (app=nginx); the API server rejects this. Change the template labels so that the selector matches them.',
        },
      ],
    },
    {
      name: 'a NotIn requirement the labels break',
      files: [`${DIR}/match-expression-not-in-fails.yaml`],
      findings: [
        {
          range: '14:7-14:13',
          message:
            'spec.selector (track notin (legacy)) does not select the pod template labels (app=web, track=legacy); the API server rejects this. Change the template labels so that the selector matches them.',
        },
      ],
    },
    {
      name: 'a StatefulSet inside a kind: List',
      files: [`${DIR}/labels-in-list-item.yaml`],
      findings: [
        {
          range: '15:11-15:17',
          message:
            'spec.selector (app=web) does not select the pod template labels (app=website); the API server rejects this. Change the template labels so that the selector matches them.',
        },
      ],
    },
  ],
});
