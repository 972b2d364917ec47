import { testRule } from '../../../helpers/rule-tester';

const BASE = ['rules/patch-replaces-claim-templates/base/statefulset.yaml', 'rules/patch-replaces-claim-templates/base/kustomization.yaml'];

testRule('kustomize-invalid', {
  valid: [{ name: 'a JSON patch that applies', files: ['rules/patch-target-not-found/matching/kustomization.yaml', ...BASE], kustomize: true }],
  invalid: [
    {
      name: 'a JSON patch replacing a field the StatefulSet does not have',
      files: ['rules/kustomize-invalid/kustomization.yaml', ...BASE],
      kustomize: true,
      findings: [{ range: '4:5-10:15', message: "The JSON patch does not apply to StatefulSet 'db': '/spec/replicas' does not exist, so it cannot be replaced." }],
    },
  ],
});
