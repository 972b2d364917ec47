import type { Probe } from 'kubernetes-types/core/v1';
import { containersOf, PROBE_FIELDS } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import type { Report } from '../types';
import type { PathSegment } from '../document/yaml-nodes';
import { describeContainer } from '../kubernetes/template-parts';

const PROBE_NUMBERS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

export const negativeValue = defineResourceRule({
  id: 'negative-value',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A count or duration that must be 0 or more is negative.',
  docs: {
    rationale:
      '`replicas`, `minReadySeconds`, `ordinals.start`, `updateStrategy.rollingUpdate.partition` and the numbers of liveness, readiness and startup probes (`initialDelaySeconds`, `timeoutSeconds`, `periodSeconds`, `successThreshold`, `failureThreshold`) cannot be negative. The API server rejects a negative StatefulSet field at once. Probe numbers belong to the pod template, which the API server only validates on create from Kubernetes 1.34; with older servers the StatefulSet is accepted and then every pod creation fails. A negative `revisionHistoryLimit` is only a warning and has its own rule, `revision-history-limit-negative`.',
    bad: 'spec:\n  replicas: -1\n  template:\n    spec:\n      containers:\n        - name: web\n          livenessProbe:\n            periodSeconds: -10',
    good: 'spec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: web\n          livenessProbe:\n            periodSeconds: 10',
  },
  check({ resource }) {
    const reports: Report[] = [];
    const judge = (path: PathSegment[], value: unknown, what: string) => {
      // Strings and other types are the schema rules' to report.
      if (typeof value !== 'number' || !(value < 0)) return;
      reports.push({
        range: resource.field(path)?.value ?? resource.nearest(path),
        message: `${what} is ${value}: it must be 0 or more.`,
      });
    };
    const spec = resource.object.spec;
    const specFields: [PathSegment[], unknown][] = [
      [['spec', 'replicas'], spec?.replicas],
      [['spec', 'minReadySeconds'], spec?.minReadySeconds],
      [['spec', 'ordinals', 'start'], spec?.ordinals?.start],
      [['spec', 'updateStrategy', 'rollingUpdate', 'partition'], spec?.updateStrategy?.rollingUpdate?.partition],
    ];
    for (const [path, value] of specFields) judge(path, value, path.join('.'));
    for (const entry of containersOf(resource)) {
      const { value: container, path } = entry;
      for (const probeName of PROBE_FIELDS) {
        const probe = container[probeName] as Probe | undefined;
        if (typeof probe !== 'object' || probe === null) continue;
        for (const field of PROBE_NUMBERS) {
          judge([...path, probeName, field], probe[field], `${probeName}.${field} of ${describeContainer(entry)}`);
        }
      }
    }
    return reports;
  },
});
