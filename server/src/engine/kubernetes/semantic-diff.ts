import { isMapping } from '../document/values';
import type { PathSegment } from '../document/yaml-nodes';
import { compareQuantities, parseQuantity } from './quantity';

/*
 * What the API server counts as a change between two versions of an object, after the
 * manner of apimachinery's `Semantic.DeepEqual`: quantities by value, an empty list or map the
 * same as a missing one, key order of no account. Defaults are the caller's to apply first.
 */

export interface FieldChange {
  /** From the object's root, such as `['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage']`. */
  path: PathSegment[];
  /** Undefined where the field is missing on that side. */
  before: unknown;
  after: unknown;
}

/** The maps whose values are quantities: a container's or a claim's requests and limits. */
const QUANTITY_MAPS = new Set(['requests', 'limits', 'capacity']);

/** Missing, null, `[]`, and a map of nothing but such values all mean "not set" to the server. */
export function isUnset(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isMapping(value) && Object.values(value).every(isUnset);
}

/** The leaf fields that differ, each once; a list or map set on one side only is one change. */
export function semanticChanges(before: unknown, after: unknown, path: PathSegment[] = []): FieldChange[] {
  if (isUnset(before) && isUnset(after)) return [];
  if (isUnset(before) || isUnset(after)) return [{ path, before: unsetAsUndefined(before), after: unsetAsUndefined(after) }];
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: FieldChange[] = [];
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      changes.push(...semanticChanges(before[index], after[index], [...path, index]));
    }
    return changes;
  }
  if (isMapping(before) && isMapping(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => semanticChanges(before[key], after[key], [...path, key]));
  }
  return sameScalar(before, after, path) ? [] : [{ path, before, after }];
}

function sameScalar(before: unknown, after: unknown, path: PathSegment[]): boolean {
  if (before === after) return true;
  const holder = path[path.length - 2];
  if (typeof holder === 'string' && QUANTITY_MAPS.has(holder)) {
    const [left, right] = [parseQuantity(before), parseQuantity(after)];
    return left !== undefined && right !== undefined && compareQuantities(left, right) === 0;
  }
  return false;
}

function unsetAsUndefined(value: unknown): unknown {
  return isUnset(value) ? undefined : value;
}

/** A copy of a mapping without some keys, for comparing all but the fields that may change. */
export function without(value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (!isMapping(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

/** A copy of a mapping with a default where the field is unset, as the server fills it in before comparing. */
export function withDefault(value: Record<string, unknown>, key: string, fallback: unknown): Record<string, unknown> {
  return isUnset(value[key]) ? { ...value, [key]: fallback } : value;
}
