import { testRule } from '../../../helpers/rule-tester';

const BASE = ['rules/patch-replaces-claim-templates/base/statefulset.yaml', 'rules/patch-replaces-claim-templates/base/kustomization.yaml'];

testRule('patch-target-not-found', {
  valid: [{ name: 'a target naming the StatefulSet', files: ['rules/patch-target-not-found/matching/kustomization.yaml', ...BASE], kustomize: true }],
  invalid: [
    {
      name: 'a misspelled target name',
      files: ['rules/patch-target-not-found/misspelled/kustomization.yaml', ...BASE],
      kustomize: true,
      findings: [{ range: '4:5-10:16', message: "The patch's target (kind StatefulSet, name dbb) selects no object of the build, so kustomize skips the patch silently." }],
    },
  ],
});
