import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/partition-blocks-rollout';
const OVERLAY = `${DIR}/overlay`;

testRule('partition-blocks-rollout', {
  valid: [
    { name: 'a canary partition below replicas, with ordinals starting at 5', files: [`${DIR}/canary-partition.yaml`] },
    { name: 'partition 0 with zero replicas', files: [`${DIR}/scaled-to-zero.yaml`] },
    { name: 'a partition written as a string (a type error for the schema checks)', files: [`${DIR}/partition-as-string.yaml`] },
    { name: 'a rollingUpdate block under OnDelete', files: [`${DIR}/on-delete-strategy.yaml`] },
    {
      name: 'a kustomize patch that sets the partition but leaves replicas to its base',
      files: [`${OVERLAY}/pause-rollout.yaml`, `${OVERLAY}/kustomization.yaml`],
    },
  ],
  invalid: [
    {
      name: 'partition equal to replicas',
      files: [`${DIR}/partition-equals-replicas.yaml`],
      findings: [
        {
          range: '11:18-11:19',
          message:
            'rollingUpdate.partition (3) is not below replicas (3), so a change to the pod template updates no pod: they all keep the old revision. Lower the partition to 2 to update one pod first, or to 0 to update them all.',
        },
      ],
    },
    {
      name: 'replicas left out count as 1',
      files: [`${DIR}/partition-without-replicas.yaml`],
      findings: [
        {
          range: '9:18-9:19',
          message:
            'rollingUpdate.partition (1) is not below replicas (1 when unset), so a change to the pod template updates no pod: they all keep the old revision. Lower the partition to 0 so that the pods are updated.',
        },
      ],
    },
    {
      name: 'ordinals.start does not move the bound: positions, not ordinals, are compared',
      files: [`${DIR}/ordinals-start-one.yaml`],
      findings: [
        {
          range: '14:18-14:19',
          message:
            "rollingUpdate.partition (3) is not below replicas (3), so a change to the pod template updates no pod: they all keep the old revision. The partition is compared with each pod's position (its ordinal minus ordinals.start, 1), not with its ordinal. Lower the partition to 2 to update one pod first, or to 0 to update them all.",
        },
      ],
    },
    {
      name: 'a kustomize patch that sets both values',
      files: [`${OVERLAY}/scale-down.yaml`, `${OVERLAY}/kustomization.yaml`],
      findings: [
        {
          range: '9:18-9:19',
          message:
            'rollingUpdate.partition (2) is not below replicas (2), so a change to the pod template updates no pod: they all keep the old revision. Lower the partition to 1 to update one pod first, or to 0 to update them all.',
        },
      ],
    },
  ],
});
