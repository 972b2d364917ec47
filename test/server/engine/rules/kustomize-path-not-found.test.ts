import { testRule } from '../../../helpers/rule-tester';

const BASE = ['rules/patch-replaces-claim-templates/base/statefulset.yaml', 'rules/patch-replaces-claim-templates/base/kustomization.yaml'];

testRule('kustomize-path-not-found', {
  valid: [{ name: 'every resource exists', files: ['rules/kustomize-path-not-found/present/kustomization.yaml', ...BASE], kustomize: true }],
  invalid: [
    {
      name: 'a resource file that is not there',
      files: ['rules/kustomize-path-not-found/missing/kustomization.yaml', ...BASE],
      kustomize: true,
      findings: [{ range: '3:5-3:17', message: "'service.yaml' does not exist." }],
    },
  ],
});
