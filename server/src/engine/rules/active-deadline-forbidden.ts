import { POD_SPEC_PATH } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';

const PATH = [...POD_SPEC_PATH, 'activeDeadlineSeconds'];

export const activeDeadlineForbidden = defineResourceRule({
  id: 'active-deadline-forbidden',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'The pod template sets `activeDeadlineSeconds`, which StatefulSets do not support.',
  docs: {
    rationale:
      '`activeDeadlineSeconds` makes the kubelet kill a pod after a fixed time, which suits a Job but not a StatefulSet, whose pods are meant to run until replaced. The API server rejects a StatefulSet whose pod template sets it ("activeDeadlineSeconds in StatefulSet is not Supported"). Remove the field; to bound a task, run it in a Job.',
    bad: 'spec:\n  template:\n    spec:\n      activeDeadlineSeconds: 3600',
    good: 'spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27',
  },
  check({ resource }) {
    const deadline = resource.object.spec?.template?.spec?.activeDeadlineSeconds as unknown;
    // `activeDeadlineSeconds: null` leaves the field unset.
    if (deadline === undefined || deadline === null) return [];
    return [
      {
        range: resource.field(PATH)?.pair ?? resource.nearest(PATH),
        message:
          "activeDeadlineSeconds is not supported in a StatefulSet's pod template: the API server rejects it. Remove it; a task that must end after a deadline belongs in a Job.",
      },
    ];
  },
});
