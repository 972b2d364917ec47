import type { SourceSpan } from '../go/origin';
import { containerSourceOf, setContainerSource, type GoMap, type GoValue } from '../go/values';

/**
 * Merges user values files in order, as `helm template -f a -f b` does: a later file wins,
 * maps merge key by key, anything else is replaced. The first map is changed in place.
 */
export function mergeUserValues(base: GoMap, next: GoMap): GoMap {
  for (const [key, value] of next) {
    const current = base.get(key);
    if (current instanceof Map && value instanceof Map) mergeUserValues(current, value);
    else {
      // A copy, so that merging a later file never changes the map an earlier one was read into.
      base.set(key, value instanceof Map ? copyMap(value) : value);
      copyEntrySource(base, next, key);
    }
  }
  return base;
}

/**
 * Nulls a chart's own values.yaml wrote, by the chart (its values URI) that wrote them. Helm
 * treats them unlike a user's nulls (helm/helm issue 9027): over a subchart's default they are
 * a plain null value, not a deletion, and the chart that wrote them does not see them.
 */
const chartNulls = new WeakMap<GoMap, Map<string, string>>();

function markChartNull(map: GoMap, key: string, owner: string): void {
  let marks = chartNulls.get(map);
  if (!marks) chartNulls.set(map, (marks = new Map()));
  marks.set(key, owner);
}

function markChartNulls(map: GoMap, owner: string): void {
  for (const [key, value] of map) {
    if (value === null) markChartNull(map, key, owner);
    else if (value instanceof Map) markChartNulls(value, owner);
  }
}

/**
 * Puts a chart's defaults under the user's values, as Helm's coalescing does: a user value
 * wins; a user `null` deletes the default key, while a null from a parent chart's defaults
 * stays null over it; maps merge key by key, deeper keys too. `owner` names the chart whose
 * defaults these are, so that its nulls are told from the user's. `user` is changed in place
 * and returned.
 */
export function coalesceDefaults(user: GoMap, defaults: GoMap, owner?: string): GoMap {
  for (const [key, fallback] of defaults) {
    if (!user.has(key)) {
      // Helm copies the chart's values; templates that `set` must not change the chart's defaults.
      const copy = fallback instanceof Map ? copyMap(fallback) : fallback;
      user.set(key, copy);
      copyEntrySource(user, defaults, key);
      if (owner !== undefined && copy === null) markChartNull(user, key, owner);
      else if (owner !== undefined && copy instanceof Map) markChartNulls(copy, owner);
      continue;
    }
    const value = user.get(key) ?? null;
    if (value === null) {
      if (chartNulls.get(user)?.has(key)) continue;
      user.delete(key);
      containerSourceOf(user)?.entries.delete(key);
    } else if (value instanceof Map && fallback instanceof Map) {
      coalesceDefaults(value, fallback, owner);
    }
  }
  return user;
}

/**
 * Drops the nulls `owner`'s values.yaml wrote from what that chart sees, leaving those under
 * `keep` (its subcharts' keys, whose values are the subcharts' to read).
 */
export function dropChartNulls(values: GoMap, owner: string, keep: ReadonlySet<string> = new Set()): void {
  const marks = chartNulls.get(values);
  for (const [key, value] of values) {
    if (keep.has(key)) continue;
    if (value === null && marks?.get(key) === owner) {
      values.delete(key);
      containerSourceOf(values)?.entries.delete(key);
    } else if (value instanceof Map) dropChartNulls(value, owner);
  }
}

/**
 * Copies the parent's `global` down into a subchart's values. The parent's entries win over
 * those the subchart already has; maps merge key by key.
 */
export function copyGlobals(child: GoMap, parent: GoMap): void {
  const parentGlobal = parent.get('global');
  if (!(parentGlobal instanceof Map)) return;
  const existing = child.get('global');
  const childGlobal: GoMap = existing instanceof Map ? existing : new Map();
  for (const [key, value] of parentGlobal) {
    const current = childGlobal.get(key);
    if (value instanceof Map) {
      if (current === undefined) childGlobal.set(key, copyMap(value));
      else if (current instanceof Map) childGlobal.set(key, coalesceDefaults(copyMap(value), current));
      // A map over a non-map is skipped, as Helm does (it only warns).
    } else if (!(current instanceof Map)) {
      childGlobal.set(key, value);
    }
    copyEntrySource(childGlobal, parentGlobal, key);
  }
  child.set('global', childGlobal);
}

/** A copy of a map, deep in maps, that keeps where each entry was written. */
export function copyMap(map: GoMap): GoMap {
  const copy: GoMap = new Map();
  for (const [key, value] of map) copy.set(key, value instanceof Map ? copyMap(value) : value);
  const source = containerSourceOf(map);
  if (source) setContainerSource(copy, { uri: source.uri, entries: new Map(source.entries) });
  const marks = chartNulls.get(map);
  if (marks) chartNulls.set(copy, new Map(marks));
  return copy;
}

/**
 * Gives `target[key]` the span `from[key]` was written at, so values keep pointing at their
 * file, and the chart that wrote it when it is a chart's null.
 */
function copyEntrySource(target: GoMap, from: GoMap, key: string): void {
  const owner = chartNulls.get(from)?.get(key);
  if (owner !== undefined) markChartNull(target, key, owner);
  const span: SourceSpan | undefined = containerSourceOf(from)?.entries.get(key);
  let source = containerSourceOf(target);
  if (!span) {
    source?.entries.delete(key);
    return;
  }
  if (!source) {
    source = { uri: span.uri, entries: new Map() };
    setContainerSource(target, source);
  }
  source.entries.set(key, span);
}

/** The value at a dotted path (`redis.enabled`), or undefined when some part is missing. */
export function valueAtPath(values: GoMap, path: string): GoValue | undefined {
  let current: GoValue | undefined = values;
  for (const part of path.split('.')) {
    if (!(current instanceof Map) || !current.has(part)) return undefined;
    current = current.get(part);
  }
  return current;
}
