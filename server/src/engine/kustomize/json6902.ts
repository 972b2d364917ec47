import { child, clone, textAt, toData, type Tree, type TreeMap } from './tree';

/** One JSON Patch operation (RFC 6902), its `value` kept as a tree so that it keeps the patch's origins. */
export interface PatchOperation {
  readonly op: string;
  readonly path: string;
  readonly from?: string;
  readonly value?: Tree;
}

/** Why an operation could not be applied; kustomize fails the build on it. */
export class JsonPatchError extends Error {}

/** The operations of a patch document: a list of maps with `op` and `path`. */
export function operationsOf(tree: Tree): PatchOperation[] {
  if (tree.type !== 'seq') throw new JsonPatchError('A JSON 6902 patch must be a list of operations.');
  return tree.items.map((item, index) => {
    const op = textAt(item, ['op']);
    const path = textAt(item, ['path']);
    if (item.type !== 'map' || !op || path === undefined) throw new JsonPatchError(`Operation ${index + 1} needs an 'op' and a 'path'.`);
    return { op, path, from: textAt(item, ['from']), value: child(item, 'value') };
  });
}

/**
 * Applies the operations in order to `document` and returns the result (the root itself may be
 * replaced). Throws `JsonPatchError` on a path that does not resolve or a failed `test`, as
 * kustomize stops there.
 */
export function applyJsonPatch(document: Tree, operations: readonly PatchOperation[]): Tree {
  let root = document;
  for (const operation of operations) root = apply(root, operation);
  return root;
}

function apply(root: Tree, operation: PatchOperation): Tree {
  const path = pointer(operation.path);
  switch (operation.op) {
    case 'add':
      return insert(root, path, valueOf(operation));
    case 'remove':
      return take(root, path).root;
    case 'replace':
      return replace(root, path, valueOf(operation));
    case 'move': {
      const from = pointer(required(operation.from, 'move'));
      const taken = take(root, from);
      return insert(taken.root, path, taken.value);
    }
    case 'copy': {
      const from = pointer(required(operation.from, 'copy'));
      return insert(root, path, clone(resolve(root, from)));
    }
    case 'test':
      if (JSON.stringify(sorted(toData(resolve(root, path)))) !== JSON.stringify(sorted(toData(valueOf(operation))))) throw new JsonPatchError(`The test at '${operation.path}' failed.`);
      return root;
    default:
      throw new JsonPatchError(`'${operation.op}' is not a JSON patch operation.`);
  }
}

function valueOf(operation: PatchOperation): Tree {
  if (!operation.value) throw new JsonPatchError(`'${operation.op}' at '${operation.path}' needs a value.`);
  return clone(operation.value);
}

function required(from: string | undefined, op: string): string {
  if (from === undefined) throw new JsonPatchError(`'${op}' needs a 'from'.`);
  return from;
}

/** The reference tokens of a JSON pointer, unescaped. */
export function pointer(text: string): string[] {
  if (text === '') return [];
  if (!text.startsWith('/')) throw new JsonPatchError(`'${text}' is not a JSON pointer: it must start with '/'.`);
  return text.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolve(root: Tree, path: readonly string[]): Tree {
  let current: Tree = root;
  for (const token of path) {
    const next = step(current, token);
    if (!next) throw new JsonPatchError(`'/${path.join('/')}' does not exist.`);
    current = next;
  }
  return current;
}

function step(node: Tree, token: string): Tree | undefined {
  if (node.type === 'map') return child(node, token);
  if (node.type === 'seq') {
    const index = indexOf(token, node.items.length - 1);
    return index === undefined ? undefined : node.items[index];
  }
  return undefined;
}

function indexOf(token: string, max: number): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const index = Number(token);
  return index <= max ? index : undefined;
}

function insert(root: Tree, path: readonly string[], value: Tree): Tree {
  if (path.length === 0) return value;
  const parent = resolve(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent.type === 'map') {
    const existing = parent.entries.find((entry) => entry.key === last);
    if (existing) {
      existing.value = value;
      existing.keyOrigin = value.origin;
    } else parent.entries.push({ key: last, keyOrigin: value.origin, value });
    return root;
  }
  if (parent.type === 'seq') {
    const index = last === '-' ? parent.items.length : indexOf(last, parent.items.length);
    if (index === undefined) throw new JsonPatchError(`'/${path.join('/')}' is not a position in the list.`);
    parent.items.splice(index, 0, value);
    return root;
  }
  throw new JsonPatchError(`'/${path.slice(0, -1).join('/')}' holds a value, not a map or list.`);
}

/** Replaces an existing value where it stands, so a map keeps its key's place and origin. */
function replace(root: Tree, path: readonly string[], value: Tree): Tree {
  if (path.length === 0) return value;
  const parent = resolve(root, path.slice(0, -1));
  const last = path[path.length - 1];
  const entry = parent.type === 'map' ? parent.entries.find((candidate) => candidate.key === last) : undefined;
  const index = parent.type === 'seq' ? indexOf(last, parent.items.length - 1) : undefined;
  if (entry) {
    entry.value = value;
    entry.keyOrigin = value.origin;
  } else if (parent.type === 'seq' && index !== undefined) parent.items[index] = value;
  else throw new JsonPatchError(`'/${path.join('/')}' does not exist, so it cannot be replaced.`);
  return root;
}

/** Data with map keys in order, so that two equal values print alike. */
function sorted(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(sorted);
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(Object.keys(data).sort().map((key) => [key, sorted((data as Record<string, unknown>)[key])]));
}

function take(root: Tree, path: readonly string[]): { root: Tree; value: Tree } {
  if (path.length === 0) throw new JsonPatchError('The whole document cannot be removed.');
  const parent = resolve(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent.type === 'map') {
    const index = parent.entries.findIndex((entry) => entry.key === last);
    if (index < 0) throw new JsonPatchError(`'/${path.join('/')}' does not exist.`);
    return { root, value: parent.entries.splice(index, 1)[0].value };
  }
  if (parent.type === 'seq') {
    const index = indexOf(last, parent.items.length - 1);
    if (index === undefined) throw new JsonPatchError(`'/${path.join('/')}' does not exist.`);
    return { root, value: parent.items.splice(index, 1)[0] };
  }
  throw new JsonPatchError(`'/${path.join('/')}' does not exist.`);
}

/** Whether a patched root is still an object. */
export function isObject(tree: Tree): tree is TreeMap {
  return tree.type === 'map';
}
