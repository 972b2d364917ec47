import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/probe-invalid';
const NO_HANDLER = 'has no handler; set one of exec, httpGet, tcpSocket or grpc.';

testRule('probe-invalid', {
  valid: [
    {
      name: 'readiness asking for several successes, 0 read as 1, a null handler, a negative threshold',
      files: [`${DIR}/valid-probes.yaml`],
    },
  ],
  invalid: [
    {
      name: 'no handler, in a sidecar init container too, and two handlers: reported on the probe key',
      files: [`${DIR}/handlers.yaml`],
      findings: [
        { range: '19:11-19:23', message: `The startup probe of init container 'proxy' ${NO_HANDLER}` },
        {
          range: '27:11-27:24',
          message: "The liveness probe of container 'db' has 2 handlers (exec, tcpSocket); a probe runs exactly one. Keep one of them.",
        },
        { range: '32:11-32:25', message: `The readiness probe of container 'db' ${NO_HANDLER}` },
      ],
    },
    {
      name: 'liveness and startup successThreshold above 1: reported on the value',
      files: [`${DIR}/success-threshold.yaml`],
      findings: [
        {
          range: '24:31-24:32',
          message: "The liveness probe of container 'db' has successThreshold 3, but liveness probes must use 1. Set it to 1 or leave it out.",
        },
        {
          range: '28:31-28:32',
          message: "The startup probe of container 'db' has successThreshold 2, but startup probes must use 1. Set it to 1 or leave it out.",
        },
      ],
    },
    {
      name: 'a kustomize patch: the handler is left to the base, the threshold it sets is checked',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
      findings: [
        {
          range: '13:31-13:32',
          message: "The liveness probe of container 'db' has successThreshold 2, but liveness probes must use 1. Set it to 1 or leave it out.",
        },
      ],
    },
  ],
});
