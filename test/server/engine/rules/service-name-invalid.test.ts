import { testRule } from '../../../helpers/rule-tester';

const ADVICE = "is not a valid DNS-1123 label: use at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit.";

testRule('service-name-invalid', {
  valid: [{ name: 'a lowercase label', files: ['rules/service-name-missing/headless-service-named.yaml'] }],
  invalid: [
    {
      name: 'uppercase letters and an underscore',
      files: ['rules/service-name-invalid/uppercase-and-underscore.yaml'],
      findings: [{ range: '6:16-6:28', message: `serviceName 'Web_Headless' ${ADVICE}` }],
    },
    {
      name: 'longer than 63 characters',
      files: ['rules/service-name-invalid/longer-than-63.yaml'],
      findings: [
        {
          range: '6:16-6:82',
          message: `serviceName 'a-headless-service-name-that-goes-on-well-past-the-dns-label-limit' ${ADVICE}`,
        },
      ],
    },
  ],
});
