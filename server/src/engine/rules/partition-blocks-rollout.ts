import { defineResourceRule } from '../rule';

const PARTITION_PATH = ['spec', 'updateStrategy', 'rollingUpdate', 'partition'];

export const partitionBlocksRollout = defineResourceRule({
  id: 'partition-blocks-rollout',
  kind: 'StatefulSet',
  severity: 'warning',
  description: '`rollingUpdate.partition` is not below `replicas`, so a template change updates no pod.',
  docs: {
    rationale:
      'During a rolling update the controller only replaces the pods whose position is at least the partition; the others keep the old revision, even when they are deleted and recreated. A partition equal to or above `replicas` (1 when unset) therefore stops every rollout: `kubectl apply` succeeds, the new revision is recorded, and no pod ever runs it. That is what a staged rollout looks like while it is paused, and a common mistake when it is left that way. The controller compares the partition with the position of a pod (its ordinal minus `spec.ordinals.start`), not with the ordinal itself, so a non-zero `ordinals.start` does not move this bound: with `replicas: 3` the partition must be below 3 whatever the start. The API server only rejects a negative partition.',
    bad: 'spec:\n  replicas: 3\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 3',
    good: 'spec:\n  replicas: 3\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 2   # pod 2 first; lower to 0 to finish the rollout',
  },
  check({ resource, partial }) {
    const spec = resource.object.spec;
    const partition = spec?.updateStrategy?.rollingUpdate?.partition as unknown;
    const type = spec?.updateStrategy?.type as unknown;
    // A rollingUpdate block under another strategy type is rejected by the API server: not this rule's case.
    if (type !== undefined && type !== 'RollingUpdate') return [];
    // Partition 0 never blocks anything, even with zero replicas.
    if (!isInteger(partition) || partition <= 0) return [];
    const written = spec?.replicas as unknown;
    // A patch that leaves replicas out takes them from its base, which this file cannot see.
    if (written === undefined && partial) return [];
    const replicas = written === undefined ? 1 : written;
    // Negative replicas are negative-value's to report.
    if (!isInteger(replicas) || replicas < 0 || partition < replicas) return [];
    const replicasText = written === undefined ? 'replicas (1 when unset)' : `replicas (${replicas})`;
    const start = spec?.ordinals?.start as unknown;
    const positions =
      isInteger(start) && start > 0
        ? ` The partition is compared with each pod's position (its ordinal minus ordinals.start, ${start}), not with its ordinal.`
        : '';
    const location = resource.field(PARTITION_PATH);
    return [
      {
        range: location?.value ?? resource.nearest(PARTITION_PATH),
        message: `rollingUpdate.partition (${partition}) is not below ${replicasText}, so a change to the pod template updates no pod: they all keep the old revision.${positions} ${advice(replicas)}`,
      },
    ];
  },
});

function advice(replicas: number): string {
  return replicas >= 2
    ? `Lower the partition to ${replicas - 1} to update one pod first, or to 0 to update them all.`
    : 'Lower the partition to 0 so that the pods are updated.';
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
