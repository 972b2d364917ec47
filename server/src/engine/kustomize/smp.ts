import { KEY_DEFAULTS, listStrategy, type ListStrategy } from './merge-keys';
import { child, clone, entryOf, remove, type Tree, type TreeMap, type TreeSeq } from './tree';

/** What the merge needs of the object it patches, to look up how its lists merge. */
export interface MergeSchema {
  readonly group: string;
  readonly kind: string;
}

const PATCH = '$patch';
const ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';

/**
 * Applies a strategic-merge patch to `target` in place, as kustomize does: maps merge key by
 * key, `null` deletes, lists of known kinds merge on their keys (the patch's elements first, in
 * its order, then the target's others), every other list is replaced, and `$patch: delete` or
 * `replace` act on the map or element that holds them. Values taken from the patch keep the
 * patch's origins. Returns undefined when the patch deletes the whole object.
 */
export function strategicMerge(target: TreeMap, patch: TreeMap, schema: MergeSchema): TreeMap | undefined {
  return mergeMap(target, patch, schema, []);
}

function mergeMap(target: TreeMap, patch: TreeMap, schema: MergeSchema, path: readonly string[]): TreeMap | undefined {
  const directive = directiveOf(patch);
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return cleaned(patch) as TreeMap;
  for (const entry of patch.entries) {
    if (entry.key.startsWith('$')) continue;
    const existing = entryOf(target, entry.key);
    const value = entry.value;
    if (value.type === 'scalar' && value.value === null) {
      remove(target, entry.key);
      continue;
    }
    if (!existing) {
      if (value.type !== 'map' || directiveOf(value) !== 'delete') target.entries.push({ key: entry.key, keyOrigin: entry.keyOrigin, value: cleaned(value) });
      continue;
    }
    const merged = mergeValue(existing.value, value, schema, [...path, entry.key]);
    if (merged === undefined) remove(target, entry.key);
    else if (merged !== existing.value) {
      // A value the patch replaced was written by the patch's line, key and all.
      existing.value = merged;
      existing.keyOrigin = entry.keyOrigin;
    }
  }
  for (const entry of patch.entries) {
    if (entry.key.startsWith(DELETE_FROM)) deleteFromList(target, entry.key.slice(DELETE_FROM.length), entry.value);
  }
  for (const entry of patch.entries) {
    if (entry.key.startsWith(ORDER)) reorder(target, entry.key.slice(ORDER.length), entry.value, listStrategy(schema.group, schema.kind, [...path, entry.key.slice(ORDER.length)]));
  }
  return target;
}

function mergeValue(target: Tree, patch: Tree, schema: MergeSchema, path: readonly string[]): Tree | undefined {
  if (patch.type === 'map') return target.type === 'map' ? mergeMap(target, patch, schema, path) : directiveOf(patch) === 'delete' ? undefined : cleaned(patch);
  if (patch.type === 'seq' && target.type === 'seq') return mergeList(target, patch, listStrategy(schema.group, schema.kind, path), schema, path);
  return cleaned(patch);
}

function mergeList(target: TreeSeq, patch: TreeSeq, strategy: ListStrategy, schema: MergeSchema, path: readonly string[]): TreeSeq {
  const replaceWhole = patch.items.some((item) => item.type === 'map' && directiveOf(item) === 'replace');
  if (replaceWhole) return { ...cleaned(patch), items: patch.items.filter((item) => !(item.type === 'map' && directiveOf(item) === 'replace')).map(cleaned) } as TreeSeq;
  if (strategy === 'replace') return cleaned(patch) as TreeSeq;
  if (strategy === 'set') {
    const items = [...target.items];
    for (const item of patch.items) if (!items.some((existing) => sameScalar(existing, item))) items.unshift(cleaned(item));
    target.items = items;
    return target;
  }
  const { keys } = strategy;
  const remaining = [...target.items];
  const merged: Tree[] = [];
  for (const item of patch.items) {
    const index = remaining.findIndex((existing) => matchesKeys(existing, item, keys));
    const found = index >= 0 ? remaining.splice(index, 1)[0] : undefined;
    if (item.type === 'map' && directiveOf(item) === 'delete') continue;
    if (found && found.type === 'map' && item.type === 'map') {
      const result = mergeMap(found, item, schema, path);
      if (result) merged.push(result);
    } else merged.push(cleaned(item));
  }
  target.items = [...merged, ...remaining];
  return target;
}

function matchesKeys(existing: Tree, item: Tree, keys: readonly string[]): boolean {
  if (existing.type !== 'map' || item.type !== 'map') return false;
  const present = keys.filter((key) => child(item, key) !== undefined);
  if (present.length === 0) return false;
  return keys.every((key) => keyText(existing, key) === keyText(item, key));
}

function keyText(map: TreeMap, key: string): string | undefined {
  const value = child(map, key);
  if (value?.type === 'scalar' && value.value !== null) return String(value.value);
  return KEY_DEFAULTS[key];
}

function sameScalar(a: Tree, b: Tree): boolean {
  return a.type === 'scalar' && b.type === 'scalar' && a.value === b.value;
}

function directiveOf(map: TreeMap): string | undefined {
  const value = child(map, PATCH);
  return value?.type === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

/** A copy of a patch value without directives and without the `null`s that only mean "delete". */
function cleaned(tree: Tree): Tree {
  if (tree.type === 'scalar') return clone(tree);
  if (tree.type === 'seq') return { ...tree, items: tree.items.map(cleaned) };
  return {
    ...tree,
    entries: tree.entries
      .filter((entry) => !entry.key.startsWith('$') && !(entry.value.type === 'scalar' && entry.value.value === null))
      .map((entry) => ({ ...entry, value: cleaned(entry.value) })),
  };
}

/** `$deleteFromPrimitiveList/field: [a, b]` takes those strings out of a list of strings. */
function deleteFromList(target: TreeMap, field: string, values: Tree): void {
  const list = child(target, field);
  if (list?.type !== 'seq' || values.type !== 'seq') return;
  list.items = list.items.filter((item) => !values.items.some((value) => sameScalar(item, value)));
}

/** `$setElementOrder/field` puts a merged list's elements in the order it names; others keep their place after them. */
function reorder(target: TreeMap, field: string, order: Tree, strategy: ListStrategy): void {
  const list = child(target, field);
  if (list?.type !== 'seq' || order.type !== 'seq') return;
  const remaining = [...list.items];
  const ordered: Tree[] = [];
  for (const wanted of order.items) {
    const index = remaining.findIndex((item) => (typeof strategy === 'object' ? matchesKeys(item, wanted, strategy.keys) : sameScalar(item, wanted)));
    if (index >= 0) ordered.push(remaining.splice(index, 1)[0]);
  }
  list.items = [...ordered, ...remaining];
}
