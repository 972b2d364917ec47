import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/anti-affinity-missing';
const message = (replicas: number) =>
  `Nothing spreads the ${replicas} pods of this StatefulSet over nodes: there is no podAntiAffinity term and no topologySpreadConstraints, so several of them may land on one node and fail together. Add a preferred podAntiAffinity term on kubernetes.io/hostname that selects the pod labels, or a topology spread constraint.`;

testRule('anti-affinity-missing', {
  valid: [
    { name: 'preferred or required anti-affinity, or a topology spread constraint', files: [`${DIR}/spread.yaml`] },
    { name: 'one replica, written or left out', files: [`${DIR}/single-replica.yaml`] },
    { name: 'a kustomize patch, whose base may spread the pods', files: [`${DIR}/scale-patch.yaml`, `${DIR}/kustomization.yaml`] },
  ],
  invalid: [
    { name: 'three replicas and no affinity', files: [`${DIR}/no-spreading.yaml`], findings: [{ range: '7:13-7:14', message: message(3) }] },
    {
      name: 'podAffinity only, and an empty list of anti-affinity terms',
      files: [`${DIR}/pod-affinity-only.yaml`],
      findings: [{ range: '8:13-8:14', message: message(5) }],
    },
  ],
});
