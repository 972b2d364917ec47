import { defineResourceRule } from '../rule';

const LIMIT_PATH = ['spec', 'revisionHistoryLimit'];

export const revisionHistoryLimitNegative = defineResourceRule({
  id: 'revision-history-limit-negative',
  kind: 'StatefulSet',
  severity: 'warning',
  description: '`spec.revisionHistoryLimit` is negative.',
  docs: {
    rationale:
      '`revisionHistoryLimit` is the number of old ControllerRevisions kept for `kubectl rollout undo` (10 by default). The API server accepts a negative value with only a warning (since Kubernetes 1.33), and the controller then keeps every revision, so they pile up with each template change. Before the fix backported to 1.29–1.32, a negative value crashed kube-controller-manager. Use a value of 0 or more; 0 keeps no history and so disables rollback.',
    bad: 'spec:\n  revisionHistoryLimit: -1',
    good: 'spec:\n  revisionHistoryLimit: 10',
  },
  check({ resource }) {
    const limit = resource.object.spec?.revisionHistoryLimit as unknown;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit >= 0) return [];
    const location = resource.field(LIMIT_PATH);
    return [
      {
        range: location?.value ?? resource.nearest(LIMIT_PATH),
        message: `revisionHistoryLimit is ${limit}: a negative limit keeps every old revision (the API server only warns), and older kube-controller-manager releases crashed on it. Set it to 0 or more; the default is 10.`,
      },
    ];
  },
});
