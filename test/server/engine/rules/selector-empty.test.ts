import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/selector-empty';
const MESSAGE =
  'spec.selector is empty: the API server rejects a StatefulSet selector without matchLabels or matchExpressions. Add matchLabels with the labels of the pod template.';

testRule('selector-empty', {
  valid: [
    { name: 'matchLabels', files: ['rules/service-name-missing/headless-service-named.yaml'] },
    { name: 'matchExpressions only, with empty matchLabels', files: [`${DIR}/match-expressions-only.yaml`] },
    { name: 'no selector, and matchLabels of the wrong type', files: [`${DIR}/no-selector-or-wrong-type.yaml`] },
    {
      name: 'an empty selector in a kustomize patch',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
    },
  ],
  invalid: [
    { name: 'selector: {}', files: [`${DIR}/empty-map.yaml`], findings: [{ range: '7:3-7:15', message: MESSAGE }] },
    {
      name: 'empty matchLabels and matchExpressions',
      files: [`${DIR}/empty-members.yaml`],
      findings: [{ range: '7:3-9:25', message: MESSAGE }],
    },
  ],
});
