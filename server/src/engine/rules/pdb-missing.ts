import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { selectionKeys } from '../workspace/dependencies';
import { formatLabels, labelSelectorSelects, labelsOf, type Labels } from '../kubernetes/label-selector';
import type { Resource } from '../document/resource';
import { defineResourceRule } from '../rule';
import { isMapping } from '../document/values';

const REPLICAS_PATH = ['spec', 'replicas'];

export const pdbMissing = defineResourceRule({
  id: 'pdb-missing',
  kind: 'StatefulSet',
  severity: 'info',
  description: 'A StatefulSet with two or more replicas has no PodDisruptionBudget.',
  docs: {
    rationale:
      'Node drains, cluster upgrades and autoscaler scale-downs evict pods through the eviction API, which only holds back when a PodDisruptionBudget covers them. Without one, a drain may evict several members of a replicated database or quorum at once, and the set loses its quorum or its data redundancy until they are back. Kube Stateful looks, in every file of the workspace, for a PodDisruptionBudget in the StatefulSet\'s namespace whose selector matches the pod template labels. A budget only covers pods of its own namespace. Sets with fewer than two replicas are not checked.',
    bad: 'kind: StatefulSet\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: db',
    good: 'kind: StatefulSet\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: db\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: db',
  },
  check({ resource, namespace, partial, workspace }) {
    // The base of a patch, elsewhere, may come with its own budget.
    if (partial) return [];
    // Without a pod template the object is a fragment: there are no pods to judge.
    const template: unknown = resource.object.spec?.template;
    if (!isMapping(template)) return [];
    const replicas = resource.object.spec?.replicas as unknown;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 2) return [];
    const labels = labelsOf(resource.object.spec?.template?.metadata?.labels);
    const candidates = new Set(selectionKeys(labels).flatMap((key) => workspace.providersOf(key)));
    const selecting = [...candidates].filter((budget): budget is Resource<PodDisruptionBudget> => budget.is('PodDisruptionBudget') && selects(budget, labels));
    if (selecting.some((budget) => workspace.namespaceOf(budget) === namespace)) return [];
    const others = [...new Set(selecting.map((budget) => `'${workspace.namespaceOf(budget)}'`))].sort();
    const elsewhere =
      others.length > 0
        ? ` A budget in namespace${others.length > 1 ? 's' : ''} ${others.join(', ')} matches the labels, but a budget only covers pods of its own namespace.`
        : '';
    return [
      {
        range: resource.field(REPLICAS_PATH)?.value ?? resource.nearest(REPLICAS_PATH),
        message: `No PodDisruptionBudget in namespace '${namespace}' selects the pods of this StatefulSet (${formatLabels(labels)}), so a node drain or upgrade may evict several of its ${replicas} replicas at once.${elsewhere} Add one with maxUnavailable: 1 and a selector matching the pod labels.`,
      },
    ];
  },
});

function selects(budget: Resource<PodDisruptionBudget>, labels: Labels): boolean {
  const selector = budget.object.spec?.selector as unknown;
  return isMapping(selector) && labelSelectorSelects(selector as LabelSelector, labels);
}

