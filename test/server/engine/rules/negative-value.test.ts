import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/negative-value';

testRule('negative-value', {
  valid: [
    {
      name: 'zeros, negative numbers in strings, and fields of other rules',
      files: [`${DIR}/zeros-and-strings.yaml`],
    },
    { name: 'the positive numbers of a real manifest', files: ['rules/service-name-missing/headless-service-named.yaml'] },
  ],
  invalid: [
    {
      name: 'negative StatefulSet fields, but not revisionHistoryLimit',
      files: [`${DIR}/spec-fields.yaml`],
      findings: [
        { range: '7:13-7:15', message: 'spec.replicas is -1: it must be 0 or more.' },
        { range: '8:20-8:22', message: 'spec.minReadySeconds is -5: it must be 0 or more.' },
        { range: '11:12-11:14', message: 'spec.ordinals.start is -1: it must be 0 or more.' },
        { range: '14:18-14:20', message: 'spec.updateStrategy.rollingUpdate.partition is -2: it must be 0 or more.' },
      ],
    },
    {
      name: 'negative probe numbers of init, regular and unnamed containers',
      files: [`${DIR}/probe-numbers.yaml`],
      findings: [
        { range: '22:28-22:30', message: "startupProbe.periodSeconds of init container 'proxy' is -1: it must be 0 or more." },
        { range: '29:34-29:37', message: "livenessProbe.initialDelaySeconds of container 'db' is -10: it must be 0 or more." },
        { range: '35:31-35:33', message: "readinessProbe.failureThreshold of container 'db' is -3: it must be 0 or more." },
        { range: '40:29-40:31', message: 'readinessProbe.timeoutSeconds of container 2 is -1: it must be 0 or more.' },
      ],
    },
  ],
});
