import type { ContainerPort, Probe } from 'kubernetes-types/core/v1';
import { containersOf, entriesOf, PROBE_FIELDS } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import type { Report } from '../types';
import type { PathSegment } from '../document/yaml-nodes';
import { describeContainer } from '../kubernetes/template-parts';


export const invalidEnumValue = defineResourceRule({
  id: 'invalid-enum-value',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A field that takes one of a fixed set of values has another value.',
  docs: {
    rationale:
      'Several fields accept only a few exact words, and the API server compares them case-sensitively: `podManagementPolicy` (`OrderedReady`, `Parallel`), `updateStrategy.type` (`RollingUpdate`, `OnDelete`), `persistentVolumeClaimRetentionPolicy.whenDeleted` and `whenScaled` (`Retain`, `Delete`), and in each container `imagePullPolicy` (`Always`, `IfNotPresent`, `Never`), `ports[].protocol` (`TCP`, `UDP`, `SCTP`) and the `httpGet.scheme` of probes (`HTTP`, `HTTPS`). The StatefulSet fields are rejected at once. The container fields belong to the pod template, which the API server only validates on create from Kubernetes 1.34; with older servers the StatefulSet is accepted and then every pod creation fails. An empty string is not reported: the API server replaces it with the default.',
    bad: 'spec:\n  podManagementPolicy: parallel\n  updateStrategy:\n    type: Rolling',
    good: 'spec:\n  podManagementPolicy: Parallel\n  updateStrategy:\n    type: RollingUpdate',
  },
  check({ resource }) {
    const reports: Report[] = [];
    const judge = (path: PathSegment[], value: unknown, field: string, allowed: readonly string[], owner?: string) => {
      // An empty string is defaulted by the API server; other types are the schema rules' to report.
      if (typeof value !== 'string' || value === '' || allowed.includes(value)) return;
      const intended = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
      const choices = listed(allowed);
      const what = `${field} '${value}'${owner ? ` of ${owner}` : ''}`;
      reports.push({
        range: resource.field(path)?.value ?? resource.nearest(path),
        message: intended
          ? `${what} is not valid: did you mean '${intended}'? Allowed values are ${choices} (case-sensitive).`
          : `${what} is not valid: allowed values are ${choices}.`,
        ...(intended ? { fix: { replacement: intended } } : {}),
      });
    };
    const spec = resource.object.spec;
    const retention = spec?.persistentVolumeClaimRetentionPolicy;
    judge(['spec', 'podManagementPolicy'], spec?.podManagementPolicy, 'podManagementPolicy', ['OrderedReady', 'Parallel']);
    judge(['spec', 'updateStrategy', 'type'], spec?.updateStrategy?.type, 'updateStrategy.type', ['RollingUpdate', 'OnDelete']);
    for (const field of ['whenDeleted', 'whenScaled'] as const) {
      judge(['spec', 'persistentVolumeClaimRetentionPolicy', field], retention?.[field], `persistentVolumeClaimRetentionPolicy.${field}`, [
        'Retain',
        'Delete',
      ]);
    }
    for (const entry of containersOf(resource)) {
      const { value: container, path } = entry;
      const owner = describeContainer(entry);
      judge([...path, 'imagePullPolicy'], container.imagePullPolicy, 'imagePullPolicy', ['Always', 'IfNotPresent', 'Never'], owner);
      for (const { value: port, path: portPath } of entriesOf<ContainerPort>(container.ports, [...path, 'ports'])) {
        judge([...portPath, 'protocol'], port.protocol, 'Port protocol', ['TCP', 'UDP', 'SCTP'], owner);
      }
      for (const probeName of PROBE_FIELDS) {
        const probe = container[probeName] as Probe | undefined;
        judge([...path, probeName, 'httpGet', 'scheme'], probe?.httpGet?.scheme, `${probeName}.httpGet.scheme`, ['HTTP', 'HTTPS'], owner);
      }
    }
    return reports;
  },
});

/** `'A', 'B' and 'C'` */
function listed(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

