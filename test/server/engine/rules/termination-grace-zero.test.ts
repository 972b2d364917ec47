import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/termination-grace-zero';

testRule('termination-grace-zero', {
  valid: [
    { name: 'a pod grace period of 1 and a probe-level grace period of 0', files: [`${DIR}/probe-grace-zero.yaml`] },
    { name: 'a 0 written as a string (a type error for the schema checks)', files: [`${DIR}/grace-zero-string.yaml`] },
  ],
  invalid: [
    {
      name: 'terminationGracePeriodSeconds: 0 in the pod template',
      files: [`${DIR}/grace-zero.yaml`],
      findings: [
        {
          range: '15:38-15:39',
          message:
            'terminationGracePeriodSeconds is 0: a deleted pod may be removed while its containers still run, and its replacement would then run beside it with the same identity and volume. Give the pods time to stop cleanly (the default is 30 seconds).',
        },
      ],
    },
  ],
});
