import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';

export type Labels = Record<string, string>;

/** Reads a label map from user YAML, keeping only string-like values. */
export function labelsOf(value: unknown): Labels {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const labels: Labels = {};
  for (const [key, label] of Object.entries(value)) {
    if (typeof label === 'string' || typeof label === 'number' || typeof label === 'boolean') labels[key] = String(label);
  }
  return labels;
}

/** True when the map-style selector of a Service picks these labels: every pair must be present. */
export function mapSelects(selector: Labels, labels: Labels): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/**
 * The set-based selector of workloads: every matchLabels pair and every matchExpressions
 * requirement must hold. Unknown operators select nothing, as the API server would reject them.
 */
export function labelSelectorSelects(selector: LabelSelector, labels: Labels): boolean {
  if (!mapSelects(labelsOf(selector.matchLabels), labels)) return false;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return expressions.every((requirement) => requirementHolds(requirement, labels));
}

function requirementHolds(requirement: LabelSelectorRequirement, labels: Labels): boolean {
  if (typeof requirement !== 'object' || requirement === null) return false;
  const key = String(requirement.key ?? '');
  const values = Array.isArray(requirement.values) ? requirement.values.map(String) : [];
  const present = Object.prototype.hasOwnProperty.call(labels, key);
  switch (requirement.operator) {
    case 'In':
      return present && values.includes(labels[key]);
    case 'NotIn':
      return !present || !values.includes(labels[key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

/** `app=web, tier=db`, or `(none)`, for messages. */
export function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '(none)' : entries.map(([key, value]) => `${key}=${value}`).join(', ');
}

/** A readable form of a set-based selector for messages. */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.entries(labelsOf(selector.matchLabels)).map(([key, value]) => `${key}=${value}`);
  for (const requirement of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
    // Written as found, even half-typed: a missing key or a value that is not text must not read as `undefined`.
    const key = typeof requirement?.key === 'string' ? requirement.key : '(no key)';
    const values = Array.isArray(requirement?.values) ? requirement.values.map(textOfValue).join(', ') : '';
    parts.push(
      requirement?.operator === 'In' || requirement?.operator === 'NotIn'
        ? `${key} ${requirement.operator === 'In' ? 'in' : 'notin'} (${values})`
        : `${requirement?.operator === 'DoesNotExist' ? '!' : ''}${key}`,
    );
  }
  return parts.length === 0 ? '(empty)' : parts.join(', ');
}

function textOfValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
