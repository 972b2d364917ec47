import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/containers-missing';
const ADVICE = 'its pods need at least one container. Add one with a name and an image.';

testRule('containers-missing', {
  valid: [
    { name: 'a template with a container', files: ['rules/service-name-missing/headless-service-named.yaml'] },
    {
      name: 'a kustomize patch, whose base has the containers',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
    },
    { name: 'no template at all, which required-field-missing reports', files: [`${DIR}/no-template.yaml`] },
    { name: 'containers written as a mapping, a type error for the schema rules', files: [`${DIR}/containers-map.yaml`] },
  ],
  invalid: [
    {
      name: 'an empty list: reported on the whole field',
      files: [`${DIR}/empty-list.yaml`],
      findings: [{ range: '15:7-15:21', message: `StatefulSet 'web' has an empty containers list; ${ADVICE}` }],
    },
    {
      name: 'a key with no value',
      files: [`${DIR}/containers-null.yaml`],
      findings: [{ range: '15:7-15:18', message: `StatefulSet 'web' has no spec.template.spec.containers; ${ADVICE}` }],
    },
    {
      name: 'only init containers: reported on the pod spec key',
      files: [`${DIR}/init-containers-only.yaml`],
      findings: [{ range: '14:5-14:9', message: `StatefulSet 'web' has no spec.template.spec.containers; ${ADVICE}` }],
    },
    {
      name: 'a template without a pod spec: reported on the template key',
      files: [`${DIR}/template-without-spec.yaml`],
      findings: [{ range: '10:3-10:11', message: `StatefulSet 'web' has no spec.template.spec.containers; ${ADVICE}` }],
    },
  ],
});
