import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { formatLabels, formatSelector, labelSelectorSelects, labelsOf } from '../kubernetes/label-selector';
import { defineResourceRule } from '../rule';

export const selectorTemplateMismatch = defineResourceRule({
  id: 'selector-template-mismatch',
  kind: 'StatefulSet',
  severity: 'error',
  description: '`spec.selector` does not select the pod template labels.',
  docs: {
    rationale:
      'The API server rejects a StatefulSet whose `spec.selector` does not match `spec.template.metadata.labels`: the controller would create pods it then could not find. Every `matchLabels` pair must be among the template labels, and every `matchExpressions` requirement (`In`, `NotIn`, `Exists`, `DoesNotExist`) must hold for them. The selector is immutable after creation, so change the template labels rather than the selector of a live StatefulSet.',
    bad: 'spec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: nginx',
    good: 'spec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web',
  },
  check({ resource, partial }) {
    const selector = resource.object.spec?.selector as unknown;
    if (partial || !isNonEmptySelector(selector)) return [];
    const labels = labelsOf(resource.object.spec?.template?.metadata?.labels);
    if (labelSelectorSelects(selector, labels)) return [];
    const labelsField = resource.field(['spec', 'template', 'metadata', 'labels']);
    return [
      {
        range: labelsField?.key ?? resource.nearest(['spec', 'template', 'metadata', 'labels']),
        message: `spec.selector (${formatSelector(selector)}) does not select the pod template labels (${formatLabels(labels)}); the API server rejects this. Change the template labels so that the selector matches them.`,
        fix: { selectorLabels: labelsOf(selector.matchLabels) },
      },
    ];
  },
});

/** An empty or missing selector is a different problem, reported by its own rule. */
function isNonEmptySelector(selector: unknown): selector is LabelSelector {
  if (typeof selector !== 'object' || selector === null) return false;
  const { matchLabels, matchExpressions } = selector as LabelSelector;
  return Object.keys(labelsOf(matchLabels)).length > 0 || (Array.isArray(matchExpressions) && matchExpressions.length > 0);
}
