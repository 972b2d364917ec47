import { containersOf } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import { describeContainer } from '../kubernetes/template-parts';
import { isMapping } from '../document/values';
import type { Report } from '../types';

const PROBES = [
  { field: 'livenessProbe', kind: 'liveness', singleSuccess: true },
  { field: 'readinessProbe', kind: 'readiness', singleSuccess: false },
  { field: 'startupProbe', kind: 'startup', singleSuccess: true },
] as const;

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

export const probeInvalid = defineResourceRule({
  id: 'probe-invalid',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A probe has no handler or several, or a liveness or startup probe has a `successThreshold` other than 1.',
  docs: {
    rationale:
      'A probe checks a container in exactly one way: `exec`, `httpGet`, `tcpSocket` or `grpc`. The API server rejects a probe with none of them, and one with several, since it could not tell which to run. A liveness or startup probe counts the container healthy or started on its first success, so its `successThreshold` must be 1 (leaving it out, or 0, means 1); only readiness probes may ask for several successes in a row. Since Kubernetes 1.34 the API server validates the pod template when a StatefulSet is created; older servers accepted these mistakes, and every pod then failed to be created, visible only as `FailedCreate` events.',
    bad: 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  tcpSocket:\n    port: 8080\n  successThreshold: 3',
    good: 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\nreadinessProbe:\n  tcpSocket:\n    port: 8080\n  successThreshold: 3',
  },
  check({ resource, partial }) {
    const reports: Report[] = [];
    for (const container of containersOf(resource)) {
      for (const { field, kind, singleSuccess } of PROBES) {
        const probe = container.value[field] as unknown;
        // A probe that is not a mapping is a type error, left to the schema checks.
        if (!isMapping(probe)) continue;
        const path = [...container.path, field];
        const subject = `The ${kind} probe of ${describeContainer(container)}`;
        const handlers = HANDLERS.filter((handler) => probe[handler] !== undefined && probe[handler] !== null);
        // A patch's probe is merged into its base's, which may hold the handler.
        if (handlers.length === 0 && !partial) {
          reports.push({
            range: resource.field(path)?.key ?? resource.nearest(path),
            message: `${subject} has no handler; set one of exec, httpGet, tcpSocket or grpc.`,
          });
        }
        if (handlers.length > 1) {
          reports.push({
            range: resource.field(path)?.key ?? resource.nearest(path),
            message: `${subject} has ${handlers.length} handlers (${handlers.join(', ')}); a probe runs exactly one. Keep one of them.`,
          });
        }
        const threshold = probe.successThreshold;
        // 0 is defaulted to 1, negative-value reports values below 0, and a value that is not an
        // integer is a type error for the schema checks.
        if (singleSuccess && typeof threshold === 'number' && Number.isInteger(threshold) && threshold > 1) {
          const thresholdPath = [...path, 'successThreshold'];
          reports.push({
            range: resource.field(thresholdPath)?.value ?? resource.nearest(thresholdPath),
            message: `${subject} has successThreshold ${String(threshold)}, but ${kind} probes must use 1. Set it to 1 or leave it out.`,
          });
        }
      }
    }
    return reports;
  },
});
