import { testRule } from '../../../helpers/rule-tester';

const STATEFULSET = 'rules/service-not-found/statefulset.yaml';

testRule('service-not-found', {
  valid: [
    { name: 'the headless Service is in another file', files: [STATEFULSET, 'rules/service-not-found/headless-service.yaml'] },
  ],
  invalid: [
    {
      name: 'no Service of that name anywhere',
      files: [STATEFULSET],
      findings: [
        {
          range: '6:16-6:18',
          message:
            "No Service named 'db' governs this StatefulSet in namespace 'default'. Create a headless Service (clusterIP: None) named 'db' in 'default' whose selector matches the pod labels app=db.",
        },
      ],
    },
    {
      name: "only another project's Service of that name, which selects that project's pods",
      files: [STATEFULSET, 'rules/service-not-found/other-project/statefulset-and-service.yaml'],
      findings: [
        {
          range: '6:16-6:18',
          message:
            "No Service named 'db' governs this StatefulSet in namespace 'default'. The Service 'db' in 'statefulset-and-service.yaml' selects the pods of another StatefulSet, not these. Create a headless Service (clusterIP: None) named 'db' in 'default' whose selector matches the pod labels app=db.",
        },
      ],
    },
    {
      name: 'only a fragment naming the Service, without a spec',
      files: [STATEFULSET, 'rules/service-not-found/service-without-spec.yaml'],
      findings: [
        {
          range: '6:16-6:18',
          message:
            "No Service named 'db' governs this StatefulSet in namespace 'default'. Create a headless Service (clusterIP: None) named 'db' in 'default' whose selector matches the pod labels app=db.",
        },
      ],
    },
  ],
});
