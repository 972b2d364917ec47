import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/resources-request-exceeds-limit';
const ADVICE = 'the API server rejects a request larger than the limit. Lower the request or raise the limit.';

testRule('resources-request-exceeds-limit', {
  valid: [
    {
      name: 'equal amounts spelled differently, smaller requests, lone requests or limits, unreadable amounts',
      files: [`${DIR}/within-limits.yaml`],
    },
  ],
  invalid: [
    {
      name: 'requests above limits in an init container and a container, compared by value',
      files: [`${DIR}/requests-above-limits.yaml`],
      findings: [
        { range: '20:34-20:37', message: `The ephemeral-storage request of init container 'restore' (2Gi) is above its limit (2G); ${ADVICE}` },
        { range: '28:20-28:21', message: `The cpu request of container 'db' (2) is above its limit (1500m); ${ADVICE}` },
        { range: '29:23-29:26', message: `The memory request of container 'db' (1Gi) is above its limit (1000Mi); ${ADVICE}` },
        { range: '30:30-30:35', message: `The hugepages-2Mi request of container 'db' (200Mi) is above its limit (100Mi); ${ADVICE}` },
      ],
    },
    {
      name: 'pod-level resources',
      files: [`${DIR}/pod-level.yaml`],
      findings: [{ range: '17:19-17:22', message: `The memory request of the pod (4Gi) is above its limit (3Gi); ${ADVICE}` }],
    },
  ],
});
