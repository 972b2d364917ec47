import { defineResourceRule } from '../rule';

export const rollingUpdateWithOnDelete = defineResourceRule({
  id: 'rolling-update-with-on-delete',
  kind: 'StatefulSet',
  severity: 'error',
  description: '`updateStrategy.rollingUpdate` is set while `updateStrategy.type` is `OnDelete`.',
  docs: {
    rationale:
      'The `rollingUpdate` settings (`partition`, `maxUnavailable`) steer how the controller replaces pods during a rolling update. With `type: OnDelete` the controller never replaces pods itself (a pod gets the new template only when you delete it), so the API server rejects a StatefulSet that has both ("only allowed for updateStrategy \'RollingUpdate\'"). Remove the `rollingUpdate` block, or use `type: RollingUpdate` with a `partition` to hold updates back.',
    bad: 'spec:\n  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      partition: 2',
    good: 'spec:\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 2',
  },
  check({ resource }) {
    const strategy = resource.object.spec?.updateStrategy;
    // `rollingUpdate: null` is no block at all (a patch may write it to remove the base's).
    if (strategy?.type !== 'OnDelete' || strategy.rollingUpdate === undefined || strategy.rollingUpdate === null) return [];
    const path = ['spec', 'updateStrategy', 'rollingUpdate'];
    return [
      {
        range: resource.field(path)?.key ?? resource.nearest(path),
        message:
          "updateStrategy.rollingUpdate is only allowed when updateStrategy.type is 'RollingUpdate', and the type here is 'OnDelete': the API server rejects this. Remove rollingUpdate, or change the type to 'RollingUpdate'.",
      },
    ];
  },
});
