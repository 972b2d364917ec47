import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/vct-unmounted';

testRule('vct-unmounted', {
  valid: [
    {
      name: 'a claim mounted by an init container only, and a block claim used through volumeDevices',
      files: [`${DIR}/mounted-by-init-container.yaml`],
    },
    { name: 'a kustomize patch whose containers are in the base', files: [`${DIR}/claim-patch.yaml`, `${DIR}/kustomization.yaml`] },
  ],
  invalid: [
    {
      name: 'a template renamed while the mount kept the old name',
      files: [`${DIR}/template-renamed.yaml`],
      findings: [
        {
          range: '23:15-23:22',
          message:
            "No container mounts the volumeClaimTemplate 'datadir': each pod still gets a claim, but nothing in the pod writes to it. Add a volumeMounts entry with name: datadir to the container that stores the data, or remove the template.",
        },
      ],
    },
  ],
});
