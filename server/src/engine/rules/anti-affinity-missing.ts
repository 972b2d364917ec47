import { defineResourceRule } from '../rule';
import { isMapping } from '../document/values';

const REPLICAS_PATH = ['spec', 'replicas'];

export const antiAffinityMissing = defineResourceRule({
  id: 'anti-affinity-missing',
  kind: 'StatefulSet',
  severity: 'info',
  description: 'A StatefulSet with two or more replicas does not spread its pods: no podAntiAffinity and no topologySpreadConstraints.',
  docs: {
    rationale:
      'Replicas of a database or a quorum only protect the data when they fail independently. Without `podAntiAffinity` or `topologySpreadConstraints` the scheduler is free to place several pods of the set, or all of them, on one node, and losing that node then loses several members at once. A preferred anti-affinity term on `kubernetes.io/hostname` that selects the pods\' own labels is the usual remedy; use a required term only if the cluster always has enough nodes, or pods stay Pending. Sets with fewer than two replicas are not checked.',
    bad: 'spec:\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers: [...]',
    good: 'spec:\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                topologyKey: kubernetes.io/hostname\n                labelSelector:\n                  matchLabels:\n                    app: db\n      containers: [...]',
  },
  check({ resource, partial }) {
    // The base of a patch may spread the pods already.
    if (partial) return [];
    // Without a pod template the object is a fragment: there are no pods to judge.
    const template: unknown = resource.object.spec?.template;
    if (!isMapping(template)) return [];
    const spec = resource.object.spec;
    const replicas = spec?.replicas as unknown;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 2) return [];
    const podSpec = spec?.template?.spec;
    const antiAffinity = podSpec?.affinity?.podAntiAffinity;
    const spread = [
      antiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      antiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
      podSpec?.topologySpreadConstraints,
    ];
    if (spread.some((terms) => Array.isArray(terms) && terms.length > 0)) return [];
    return [
      {
        range: resource.field(REPLICAS_PATH)?.value ?? resource.nearest(REPLICAS_PATH),
        message: `Nothing spreads the ${replicas} pods of this StatefulSet over nodes: there is no podAntiAffinity term and no topologySpreadConstraints, so several of them may land on one node and fail together. Add a preferred podAntiAffinity term on kubernetes.io/hostname that selects the pod labels, or a topology spread constraint.`,
      },
    ];
  },
});

