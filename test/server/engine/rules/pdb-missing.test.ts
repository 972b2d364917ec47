import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/pdb-missing';
const STATEFULSET = `${DIR}/statefulset.yaml`;
const MESSAGE =
  "No PodDisruptionBudget in namespace 'default' selects the pods of this StatefulSet (app=zk, tier=coordination), so a node drain or upgrade may evict several of its 3 replicas at once.";
const ADVICE = ' Add one with maxUnavailable: 1 and a selector matching the pod labels.';

testRule('pdb-missing', {
  valid: [
    { name: 'a budget in another file selecting through matchExpressions', files: [STATEFULSET, `${DIR}/pdb-match-expressions.yaml`] },
    { name: 'a policy/v1 budget with an empty selector, which selects every pod', files: [STATEFULSET, `${DIR}/pdb-empty-selector.yaml`] },
    { name: 'one replica, written or left out', files: [`${DIR}/single-replica.yaml`] },
    { name: 'a kustomize patch, whose base may have a budget', files: [`${DIR}/scale-patch.yaml`, `${DIR}/kustomization.yaml`] },
  ],
  invalid: [
    { name: 'no budget at all', files: [STATEFULSET], findings: [{ range: '7:13-7:14', message: MESSAGE + ADVICE }] },
    {
      name: 'budgets for other labels, and one without a selector',
      files: [STATEFULSET, `${DIR}/pdb-other-labels.yaml`],
      findings: [{ range: '7:13-7:14', message: MESSAGE + ADVICE }],
    },
    {
      name: 'a matching budget in another namespace',
      files: [STATEFULSET, `${DIR}/pdb-in-other-namespace.yaml`],
      findings: [
        {
          range: '7:13-7:14',
          message: `${MESSAGE} A budget in namespace 'coordination' matches the labels, but a budget only covers pods of its own namespace.${ADVICE}`,
        },
      ],
    },
  ],
});
