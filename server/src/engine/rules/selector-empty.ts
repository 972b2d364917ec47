import { defineResourceRule } from '../rule';

export const selectorEmpty = defineResourceRule({
  id: 'selector-empty',
  kind: 'StatefulSet',
  severity: 'error',
  description: '`spec.selector` has neither `matchLabels` nor `matchExpressions`.',
  docs: {
    rationale:
      'An empty label selector would select every pod of the namespace, so the API server rejects a StatefulSet whose `spec.selector` has no `matchLabels` entry and no `matchExpressions` requirement ("empty selector is invalid for statefulset"). Give it the labels of the pod template. The selector cannot be changed after creation, so choose labels that identify these pods alone.',
    bad: 'spec:\n  selector: {}\n  template:\n    metadata:\n      labels:\n        app: web',
    good: 'spec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web',
  },
  check({ resource, partial }) {
    const selector = resource.object.spec?.selector as unknown;
    if (partial || typeof selector !== 'object' || selector === null || Array.isArray(selector)) return [];
    const { matchLabels, matchExpressions } = selector as Record<string, unknown>;
    if (!isEmptyMap(matchLabels) || !isEmptyList(matchExpressions)) return [];
    const field = resource.field(['spec', 'selector']);
    return [
      {
        range: field?.pair ?? resource.nearest(['spec', 'selector']),
        message:
          'spec.selector is empty: the API server rejects a StatefulSet selector without matchLabels or matchExpressions. Add matchLabels with the labels of the pod template.',
      },
    ];
  },
});

/** Absent, null or `{}`; a value of another type is the schema rules' to report. */
function isEmptyMap(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

function isEmptyList(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}
