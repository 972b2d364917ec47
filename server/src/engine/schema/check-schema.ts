import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { Resource } from '../document/resource';
import type { TextFile } from '../document/text-file';
import { isMergePair, resolveNode, spanOf, type PathSegment } from '../document/yaml-nodes';
import type { Range } from '../types';
import type { FieldShape } from './field-table-types';
import { requiredFieldsOf, rootTypeOf, typeEntry } from './field-table';

export type SchemaProblem =
  | { kind: 'unknown-field'; key: string; typeId: string; range: Range; path: PathSegment[] }
  | { kind: 'type-mismatch'; expected: FieldShape; actual: string; range: Range; path: PathSegment[] }
  | { kind: 'required-field-missing'; field: string; typeId: string; range: Range; path: PathSegment[] };

/** The problems of each object, with the file version their ranges are positions in. */
const cache = new WeakMap<Resource, { file: TextFile; problems: SchemaProblem[] }>();

/**
 * Compares an object's YAML with the field table, once per parsed object and file version:
 * keys its type does not have, values of the wrong shape, and required fields left out. Objects
 * whose apiVersion and kind the table does not cover (custom resources, removed API versions)
 * are not judged.
 */
export function schemaProblems(resource: Resource): SchemaProblem[] {
  const cached = cache.get(resource);
  if (cached?.file === resource.file) return cached.problems;
  const problems: SchemaProblem[] = [];
  const root = rootTypeOf(resource.apiVersion, resource.kind);
  if (root) new SchemaWalker(resource, problems).object(resource.node, root, []);
  cache.set(resource, { file: resource.file, problems });
  return problems;
}

class SchemaWalker {
  constructor(
    private readonly resource: Resource,
    private readonly problems: SchemaProblem[],
  ) {}

  /** `path` is the walk's stack of keys and indexes: extended and restored around each step, and copied into a problem. */
  object(node: Node, typeId: string, path: PathSegment[]): void {
    const entry = typeEntry(typeId);
    const map = resolveNode(this.resource.document, node);
    if (!entry || !isMap(map)) return;
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      // A merge key brings in fields checked where their anchor is defined.
      if (!isPair(pair) || !isScalar(pair.key) || isMergePair(pair)) continue;
      const key = String(pair.key.value);
      const field = entry.fields[key];
      if (!field) {
        this.problems.push({ kind: 'unknown-field', key, typeId, range: this.rangeOf(pair.key), path: [...path, key] });
      } else if (pair.value) {
        path.push(key);
        this.value(pair.value, field, path);
        path.pop();
      }
    }
    // The server writes status: what it leaves out is not the author's to supply.
    if (path[0] === 'status') return;
    for (const name of requiredFieldsOf(typeId)) {
      if (!hasKey(map, name) && !mergedKeys(this.resource, map).has(name)) {
        this.problems.push({ kind: 'required-field-missing', field: name, typeId, range: this.ownerRange(map, path), path: [...path] });
      }
    }
  }

  private value(node: Node, shape: FieldShape, path: PathSegment[]): void {
    const target = resolveNode(this.resource.document, node);
    if (!target || (isScalar(target) && target.value === null)) return;
    if (!fits(shape, target)) {
      this.problems.push({ kind: 'type-mismatch', expected: shape, actual: describe(target), range: this.rangeOf(node), path: [...path] });
      return;
    }
    if (shape.type === 'object') this.object(target, shape.ref, path);
    else if (shape.type === 'array' && isSeq(target)) {
      target.items.forEach((item, index) => {
        if (!item) return;
        path.push(index);
        this.value(item as Node, shape.items, path);
        path.pop();
      });
    } else if (shape.type === 'map' && isMap(target)) {
      for (const pair of target.items as Pair<Node, Node | null>[]) {
        if (isScalar(pair.key) && pair.value && !isMergePair(pair)) {
          path.push(String(pair.key.value));
          this.value(pair.value, shape.values, path);
          path.pop();
        }
      }
    }
  }

  private rangeOf(node: Node): Range {
    const span = spanOf(node) ?? [0, 0];
    return this.resource.file.rangeOf(span[0], span[1]);
  }

  /** Where to say something is missing: the key holding the object, or its first line in a list. */
  private ownerRange(map: Node, path: PathSegment[]): Range {
    if (path.length === 0) return this.resource.nearest(['kind']);
    const last = path[path.length - 1];
    if (typeof last === 'string') return this.resource.field(path)?.key ?? this.resource.nearest(path);
    const first = isMap(map) ? (map.items[0] as Pair<Node, Node | null> | undefined) : undefined;
    const firstKey = spanOf(first?.key as Node | undefined);
    const firstValue = spanOf(first?.value ?? undefined);
    return firstKey ? this.resource.file.rangeOf(firstKey[0], firstValue?.[1] ?? firstKey[1]) : this.rangeOf(map);
  }
}

function hasKey(map: Node, name: string): boolean {
  return isMap(map) && (map.items as Pair<Node, Node | null>[]).some((pair) => isScalar(pair.key) && !isMergePair(pair) && String(pair.key.value) === name);
}

function mergedKeys(resource: Resource, map: Node): Set<string> {
  const keys = new Set<string>();
  if (!isMap(map)) return keys;
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    if (!isMergePair(pair)) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const merged = resolveNode(resource.document, source);
      if (isMap(merged)) for (const item of merged.items) if (isScalar(item.key)) keys.add(String(item.key.value));
    }
  }
  return keys;
}

function fits(shape: FieldShape, node: Node): boolean {
  const scalar = isScalar(node) ? (node as Scalar).value : undefined;
  switch (shape.type) {
    case 'any':
      return true;
    case 'string':
      return typeof scalar === 'string';
    case 'integer':
      return typeof scalar === 'number' && Number.isInteger(scalar);
    case 'boolean':
      return typeof scalar === 'boolean';
    case 'int-or-string':
      return typeof scalar === 'string' || (typeof scalar === 'number' && Number.isInteger(scalar));
    case 'quantity':
      return typeof scalar === 'string' || typeof scalar === 'number';
    case 'object':
    case 'map':
      return isMap(node);
    case 'array':
      return isSeq(node);
  }
}

/** What a node holds, in the words of a message. */
function describe(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? 'a number' : 'a decimal number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a string';
}
