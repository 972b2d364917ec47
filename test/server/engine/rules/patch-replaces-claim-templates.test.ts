import { testRule } from '../../../helpers/rule-tester';

const BASE = ['rules/patch-replaces-claim-templates/base/statefulset.yaml', 'rules/patch-replaces-claim-templates/base/kustomization.yaml'];
const overlay = (name: string) => [`rules/patch-replaces-claim-templates/${name}/storage.yaml`, `rules/patch-replaces-claim-templates/${name}/kustomization.yaml`, ...BASE];

testRule('patch-replaces-claim-templates', {
  valid: [
    { name: 'a patch repeating the whole list with a bigger size', files: overlay('repeats-list'), kustomize: true },
    { name: 'the base itself', files: BASE, kustomize: true },
  ],
  invalid: [
    {
      name: 'a patch of one claim template: the other is dropped, the kept one loses its class and modes',
      files: overlay('drops-logs'),
      kustomize: true,
      findings: [
        {
          range: '6:3-6:23',
          message:
            "This patch replaces the whole volumeClaimTemplates list of StatefulSet 'db': it drops 'logs'; 'data' loses spec.accessModes, spec.storageClassName. Repeat the full list, or use a JSON 6902 patch for one field.",
          related: [{ file: 'rules/patch-replaces-claim-templates/base/statefulset.yaml', range: '19:5-33:25' }],
        },
      ],
    },
  ],
});
