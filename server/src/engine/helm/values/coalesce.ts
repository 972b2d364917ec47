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
 * Puts a chart's defaults under the user's values, as Helm's coalescing does: a user value
 * wins; a user `null` deletes the default key; maps merge key by key, deeper keys too.
 * `user` is changed in place and returned.
 */
export function coalesceDefaults(user: GoMap, defaults: GoMap): GoMap {
  for (const [key, fallback] of defaults) {
    if (!user.has(key)) {
      // Helm copies the chart's values; templates that `set` must not change the chart's defaults.
      user.set(key, fallback instanceof Map ? copyMap(fallback) : fallback);
      copyEntrySource(user, defaults, key);
      continue;
    }
    const value = user.get(key) ?? null;
    if (value === null) {
      user.delete(key);
      containerSourceOf(user)?.entries.delete(key);
    } else if (value instanceof Map && fallback instanceof Map) {
      coalesceDefaults(value, fallback);
    }
  }
  return user;
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
  return copy;
}

/** Gives `target[key]` the span `from[key]` was written at, so values keep pointing at their file. */
function copyEntrySource(target: GoMap, from: GoMap, key: string): void {
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
