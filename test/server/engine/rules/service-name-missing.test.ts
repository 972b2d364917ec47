import { testRule } from '../../../helpers/rule-tester';

testRule('service-name-missing', {
  valid: [
    { name: 'a serviceName naming a headless Service', files: ['rules/service-name-missing/headless-service-named.yaml'] },
    { name: 'a Deployment, which has no serviceName', files: ['rules/service-name-missing/deployment-without-service-name.yaml'] },
  ],
  invalid: [
    {
      name: 'no serviceName: reported on the spec key',
      files: ['rules/service-name-missing/no-service-name.yaml'],
      findings: [
        {
          range: '5:1-5:5',
          message:
            "StatefulSet 'web' has no spec.serviceName, so its pods get no stable DNS names. Set it to a headless Service (clusterIP: None) that selects the pods.",
        },
      ],
    },
    {
      name: 'an empty serviceName: reported on the empty field',
      files: ['rules/service-name-missing/empty-service-name.yaml'],
      findings: [
        {
          range: '6:3-6:18',
          message:
            "StatefulSet 'web' has an empty spec.serviceName, so its pods get no stable DNS names. Set it to a headless Service (clusterIP: None) that selects the pods.",
        },
      ],
    },
  ],
});
