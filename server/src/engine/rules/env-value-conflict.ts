import { containersOf } from '../kubernetes/pod-template';
import { textOf } from '../document/resource';
import { defineResourceRule } from '../rule';
import type { Report } from '../types';
import { describeContainer, describeEnvVar, envOf } from '../kubernetes/template-parts';
import { isMapping } from '../document/values';

/** The sources a `valueFrom` may name, one at a time; `fileKeyRef` arrived in Kubernetes 1.34. */
const SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];

export const envValueConflict = defineResourceRule({
  id: 'env-value-conflict',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'An env var sets both `value` and `valueFrom`, or its `valueFrom` names no source or several.',
  docs: {
    rationale:
      'An env var takes its value from exactly one place: a literal `value`, or a `valueFrom` naming one source (`fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`). The API server rejects a non-empty `value` next to `valueFrom`, a `valueFrom` with no source, and one with several, since it could not tell which was meant. Since Kubernetes 1.34 it validates the pod template when a StatefulSet is created; older servers accepted these mistakes, and every pod then failed to be created, visible only as `FailedCreate` events.',
    bad: 'env:\n  - name: DB_PASSWORD\n    value: changeme\n    valueFrom:\n      secretKeyRef:\n        name: db-credentials\n        key: password',
    good: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-credentials\n        key: password',
  },
  check({ resource, partial }) {
    const reports: Report[] = [];
    for (const container of containersOf(resource)) {
      for (const env of envOf(container)) {
        const valueFrom = env.value.valueFrom as unknown;
        // A valueFrom that is not a mapping is a type error, left to the schema checks.
        if (!isMapping(valueFrom)) continue;
        const path = [...env.path, 'valueFrom'];
        const range = resource.field(path)?.key ?? resource.nearest(path);
        const sources = SOURCES.filter((source) => valueFrom[source] !== undefined && valueFrom[source] !== null);
        const subject = `${describeEnvVar(env)} of ${describeContainer(container)}`;
        const message = conflictOf(subject, textOf(env.value.value) ?? '', sources, partial);
        if (message) reports.push({ range, message });
      }
    }
    return reports;
  },
});

/**
 * The one problem reported for an entry: fixing a value set next to valueFrom settles the
 * source count too. The variable's value never goes into a message: it may be a credential.
 */
function conflictOf(subject: string, value: string, sources: string[], partial: boolean): string | undefined {
  if (value !== '') return `Both value and valueFrom are set on ${subject}; the API server rejects this. Keep only one of them.`;
  // A patch's valueFrom is merged into its base's, which may hold the source.
  if (sources.length === 0 && !partial) {
    return `The valueFrom of ${subject} names no source; set one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.`;
  }
  if (sources.length > 1) {
    return `The valueFrom of ${subject} names ${sources.length} sources (${sources.join(', ')}); the API server allows only one. Keep one of them.`;
  }
  return undefined;
}
