import { isMap, isScalar, isSeq, isAlias, type Node as YamlNode } from 'yaml';
import type { Origin, OriginStep } from '../helm/go/origin';

/**
 * The objects a build works on: plain YAML data where every key and value remembers where it
 * was written. Transformers and patches edit these trees in place; the printer turns them into
 * text whose pieces carry the same origins.
 */
export type Tree = TreeMap | TreeSeq | TreeScalar;

export type ScalarValue = string | number | boolean | null;

export interface TreeScalar {
  readonly type: 'scalar';
  value: ScalarValue;
  origin?: Origin;
}

export interface TreeEntry {
  key: string;
  keyOrigin?: Origin;
  value: Tree;
}

export interface TreeMap {
  readonly type: 'map';
  entries: TreeEntry[];
  origin?: Origin;
}

export interface TreeSeq {
  readonly type: 'seq';
  items: Tree[];
  origin?: Origin;
}

/** An origin copied from `uri` at the node's own characters. */
export function spanOrigin(uri: string, start: number, end: number): Origin {
  return { kind: 'text', span: { uri, start, end }, frames: [] };
}

/** An origin for a value a kustomization entry wrote, rather than copied. */
export function entryOrigin(uri: string, start: number, end: number): Origin {
  return { kind: 'action', span: { uri, start, end }, frames: [] };
}

/** `origin` with one more step of `via`; the value is no longer a copy of its span's text. */
export function withStep(origin: Origin | undefined, step: OriginStep): Origin {
  if (!origin) return { kind: 'action', span: step.span, frames: [] };
  return { ...origin, kind: 'action', via: [...(origin.via ?? []), step] };
}

/**
 * The tree of a `yaml` node, with origins in `uri`. `shift` moves offsets when the node was
 * parsed out of a string inside another file (an inline patch). Aliases are resolved.
 */
export function fromYaml(node: YamlNode | null | undefined, uri: string, shift: (offset: number) => number = (offset) => offset): Tree {
  const origin = (target: YamlNode | null | undefined) =>
    target?.range ? spanOrigin(uri, shift(target.range[0]), shift(target.range[1])) : undefined;
  const convert = (current: YamlNode | null | undefined, depth: number): Tree => {
    if (isAlias(current)) return { type: 'scalar', value: null, origin: origin(current) };
    if (isMap(current) && depth < 200) {
      const entries: TreeEntry[] = [];
      for (const pair of current.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key ?? '');
        const value = convert(pair.value as YamlNode | null, depth + 1);
        if (pair.value === null || pair.value === undefined) value.origin ??= origin(pair.key as YamlNode);
        const existing = entries.findIndex((entry) => entry.key === key);
        const entry = { key, keyOrigin: origin(pair.key as YamlNode), value };
        if (existing >= 0) entries[existing] = entry;
        else entries.push(entry);
      }
      return { type: 'map', entries, origin: origin(current) };
    }
    if (isSeq(current) && depth < 200) {
      return { type: 'seq', items: current.items.map((item) => convert(item as YamlNode, depth + 1)), origin: origin(current) };
    }
    if (isScalar(current)) return { type: 'scalar', value: scalarOf(current.value), origin: origin(current) };
    return { type: 'scalar', value: null, origin: origin(current) };
  };
  return convert(node, 0);
}

function scalarOf(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/** A tree of plain data, every node given `origin`. */
export function fromData(value: unknown, origin?: Origin): Tree {
  if (Array.isArray(value)) return { type: 'seq', items: value.map((item) => fromData(item, origin)), origin };
  if (typeof value === 'object' && value !== null) {
    return { type: 'map', entries: Object.entries(value).map(([key, item]) => ({ key, keyOrigin: origin, value: fromData(item, origin) })), origin };
  }
  return { type: 'scalar', value: scalarOf(value), origin };
}

/** The plain data of a tree. */
export function toData(tree: Tree): unknown {
  if (tree.type === 'scalar') return tree.value;
  if (tree.type === 'seq') return tree.items.map(toData);
  const data: Record<string, unknown> = {};
  for (const entry of tree.entries) data[entry.key] = toData(entry.value);
  return data;
}

export function clone<T extends Tree>(tree: T): T {
  if (tree.type === 'scalar') return { ...tree };
  if (tree.type === 'seq') return { ...tree, items: tree.items.map(clone) };
  return { ...tree, entries: tree.entries.map((entry) => ({ ...entry, value: clone(entry.value) })) };
}

export function emptyMap(origin?: Origin): TreeMap {
  return { type: 'map', entries: [], origin };
}

export function scalar(value: ScalarValue, origin?: Origin): TreeScalar {
  return { type: 'scalar', value, origin };
}

export function entryOf(map: TreeMap, key: string): TreeEntry | undefined {
  return map.entries.find((entry) => entry.key === key);
}

export function child(tree: Tree | undefined, key: string): Tree | undefined {
  return tree?.type === 'map' ? entryOf(tree, key)?.value : undefined;
}

/** The node at a path of keys, none when a step is missing or not a map. */
export function at(tree: Tree | undefined, path: readonly string[]): Tree | undefined {
  let current = tree;
  for (const key of path) current = child(current, key);
  return current;
}

export function mapAt(tree: Tree | undefined, path: readonly string[]): TreeMap | undefined {
  const found = at(tree, path);
  return found?.type === 'map' ? found : undefined;
}

/** The string at a path; numbers and booleans as written. */
export function textAt(tree: Tree | undefined, path: readonly string[]): string | undefined {
  const found = at(tree, path);
  return found?.type === 'scalar' && found.value !== null ? String(found.value) : undefined;
}

/** Sets `key` to `value`, keeping the entry's place and key origin when it exists. */
export function put(map: TreeMap, key: string, value: Tree, keyOrigin?: Origin): void {
  const existing = entryOf(map, key);
  if (existing) existing.value = value;
  else map.entries.push({ key, keyOrigin: keyOrigin ?? value.origin, value });
}

export function remove(map: TreeMap, key: string): boolean {
  const index = map.entries.findIndex((entry) => entry.key === key);
  if (index < 0) return false;
  map.entries.splice(index, 1);
  return true;
}

/** The map at `key`, made (with `origin`) when missing or not a map. */
export function mapChild(map: TreeMap, key: string, origin?: Origin): TreeMap {
  const existing = child(map, key);
  if (existing?.type === 'map') return existing;
  const made = emptyMap(origin);
  put(map, key, made, origin);
  return made;
}
