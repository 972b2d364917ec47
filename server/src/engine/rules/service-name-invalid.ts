import { governingService, serviceNameRange } from '../kubernetes/governing-service';
import { defineResourceRule } from '../rule';

export const serviceNameInvalid = defineResourceRule({
  id: 'service-name-invalid',
  kind: 'StatefulSet',
  severity: 'error',
  description: '`spec.serviceName` is not a valid DNS-1123 label.',
  docs: {
    rationale:
      'The Service name becomes part of every pod\'s DNS name, so it must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit. Since Kubernetes 1.33 the API server rejects a new StatefulSet with an invalid `serviceName`; older servers accepted it and then failed to create the pods.',
    bad: 'spec:\n  serviceName: Web_Headless',
    good: 'spec:\n  serviceName: web-headless',
  },
  check(context) {
    const governing = governingService(context);
    if (governing.state !== 'invalid-name') return [];
    return [
      {
        range: serviceNameRange(context.resource),
        message: `serviceName '${governing.name}' is not a valid DNS-1123 label: use at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit.`,
      },
    ];
  },
});
