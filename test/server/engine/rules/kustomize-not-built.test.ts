import { testRule } from '../../../helpers/rule-tester';

const BASE = ['rules/patch-replaces-claim-templates/base/statefulset.yaml', 'rules/patch-replaces-claim-templates/base/kustomization.yaml'];

testRule('kustomize-not-built', {
  valid: [{ name: 'a kustomization of resources only', files: ['rules/kustomize-path-not-found/present/kustomization.yaml', ...BASE], kustomize: true }],
  invalid: [
    {
      name: "'vars', once on its line",
      files: ['rules/kustomize-not-built/kustomization.yaml', ...BASE],
      kustomize: true,
      findings: [{ range: '3:1-3:5', message: "Vars are not built in-process: the objects are checked without what 'vars' would change." }],
    },
  ],
});
