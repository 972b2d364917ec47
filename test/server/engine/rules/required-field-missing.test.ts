import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/required-field-missing';

testRule('required-field-missing', {
  valid: [
    { name: 'a complete StatefulSet', files: ['rules/service-name-missing/headless-service-named.yaml'] },
    { name: 'a status block without the fields the server writes', files: ['rules/unknown-field/status-and-custom-resource.yaml'] },
    { name: 'fields that a dedicated rule reports', files: [`${DIR}/fields-left-to-other-rules.yaml`] },
    {
      name: 'a kustomize patch, whose base supplies the rest',
      files: ['kustomize/overlays/prod/statefulset-patch.yaml', 'kustomize/overlays/prod/kustomization.yaml'],
    },
  ],
  invalid: [
    {
      name: 'a container without image, a port without number and an env var without name',
      files: [`${DIR}/container-without-image.yaml`],
      findings: [
        {
          range: '16:11-16:25',
          message:
            "Required field 'image' is missing in spec.template.spec.containers[0] (Container); the API server rejects the object without it.",
        },
        {
          range: '18:15-18:29',
          message:
            "Required field 'containerPort' is missing in spec.template.spec.containers[0].ports[0] (ContainerPort); the API server rejects the object without it.",
        },
        {
          range: '20:15-20:28',
          message:
            "Required field 'name' is missing in spec.template.spec.containers[0].env[0] (EnvVar); the API server rejects the object without it.",
        },
      ],
    },
    {
      name: 'a StatefulSet without a pod template',
      files: [`${DIR}/no-template.yaml`],
      findings: [
        {
          range: '5:1-5:5',
          message: "Required field 'template' is missing in spec (StatefulSetSpec); the API server rejects the object without it.",
        },
      ],
    },
  ],
});
