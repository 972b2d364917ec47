import { defineResourceRule } from '../rule';

const GRACE_PATH = ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'];

export const terminationGraceZero = defineResourceRule({
  id: 'termination-grace-zero',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'The pod template sets `terminationGracePeriodSeconds: 0`.',
  docs: {
    rationale:
      'A StatefulSet promises at most one pod per identity, and graceful deletion is what keeps that promise: the pod\'s name stays in the API until its containers have stopped. With a grace period of 0 even a plain `kubectl delete pod` behaves like a force deletion: the name can be freed while the containers still run on the node, and the controller then starts the replacement, with the same name and the same volume, so two copies of one member may write to the same data. The containers also get no chance to shut down. The Kubernetes documentation calls this unsafe and strongly discouraged for StatefulSet pods; the API server accepts it. Give the application time to stop cleanly instead (the default is 30 seconds).',
    bad: 'spec:\n  template:\n    spec:\n      terminationGracePeriodSeconds: 0',
    good: 'spec:\n  template:\n    spec:\n      terminationGracePeriodSeconds: 30',
  },
  check({ resource }) {
    if (resource.object.spec?.template?.spec?.terminationGracePeriodSeconds !== 0) return [];
    const location = resource.field(GRACE_PATH);
    return [
      {
        range: location?.value ?? resource.nearest(GRACE_PATH),
        message:
          'terminationGracePeriodSeconds is 0: a deleted pod may be removed while its containers still run, and its replacement would then run beside it with the same identity and volume. Give the pods time to stop cleanly (the default is 30 seconds).',
      },
    ];
  },
});
