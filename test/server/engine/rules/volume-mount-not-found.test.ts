import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/volume-mount-not-found';

testRule('volume-mount-not-found', {
  valid: [
    { name: 'mounts of a volume and of a volumeClaimTemplate', files: ['rules/duplicate-mount-path/distinct-paths.yaml'] },
    {
      name: 'a kustomize patch mounting a volume of its base',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
    },
  ],
  invalid: [
    {
      name: 'unknown names in an init container and a container, with the names that exist',
      files: [`${DIR}/unknown-name.yaml`],
      findings: [
        {
          range: '19:21-19:27',
          message:
            "Volume mount 'pgdata' of init container 'init-permissions' names no volume or volumeClaimTemplate; the names that exist are 'config', 'data'. Fix the name, or add a volume or volumeClaimTemplate named 'pgdata'.",
        },
        {
          range: '29:21-29:24',
          message:
            "Volume mount 'tls' of container 'db' names no volume or volumeClaimTemplate; the names that exist are 'config', 'data'. Fix the name, or add a volume or volumeClaimTemplate named 'tls'.",
        },
      ],
    },
    {
      name: 'a StatefulSet with no volumes at all',
      files: [`${DIR}/no-volumes.yaml`],
      findings: [
        {
          range: '19:21-19:24',
          message:
            "Volume mount 'www' of container 'nginx' names no volume or volumeClaimTemplate; the StatefulSet defines no volumes and no volumeClaimTemplates. Fix the name, or add a volume or volumeClaimTemplate named 'www'.",
        },
      ],
    },
  ],
});
