import { isMap, isNode, isScalar, type Pair } from 'yaml';
import type { Resource } from '../document/resource';
import type { SourceFile } from '../document/source-file';
import { isMergePair, spanOf } from '../document/yaml-nodes';
import type { Range } from '../types';
import type { Workspace } from '../workspace/workspace';
import { CLUSTER_SCOPED_KINDS } from './object-references';
import { objectExtent, valuePlace } from './places';

/** One object of a file as an outline shows it. */
export interface OutlineObject {
  /** `StatefulSet orders-db`. */
  name: string;
  kind: string;
  /** The namespace it lives in; none for a cluster-scoped kind. */
  namespace: string | undefined;
  range: Range;
  /** Its name, or its first line when it has none. */
  selectionRange: Range;
  /** Its top-level fields: `apiVersion`, `kind`, `metadata`, `spec`… */
  fields: { name: string; range: Range; selectionRange: Range }[];
}

/** The objects of a file in order, one per document or `kind: List` item. */
export function outlineOf(workspace: Workspace, file: SourceFile): OutlineObject[] {
  return file.documents.flatMap((document) => document.resources.map((resource) => outlineObject(workspace, resource)));
}

/** A workspace object as a symbol search lists it. */
export interface WorkspaceObject {
  uri: string;
  object: OutlineObject;
}

/** At most this many objects answer a symbol search: enough to pick from, little to send. */
export const MAX_WORKSPACE_OBJECTS = 500;

/**
 * The objects of the workspace whose `Kind name` or namespace holds the query's characters in
 * order, as editors match symbols (`odb` finds `orders-db`). Rendered chart outputs are left out:
 * an editor cannot open them.
 */
export function workspaceObjects(workspace: Workspace, query: string): WorkspaceObject[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const found: WorkspaceObject[] = [];
  for (const uri of workspace.uris()) {
    for (const resource of workspace.get(uri)?.resources ?? []) {
      const namespace = namespaceShown(workspace, resource);
      if (!inOrder(wanted, `${resource.kind}${resource.name}`) && !inOrder(wanted, namespace ?? '')) continue;
      found.push({ uri, object: outlineObject(workspace, resource) });
      if (found.length >= MAX_WORKSPACE_OBJECTS) return found;
    }
  }
  return found;
}

function outlineObject(workspace: Workspace, resource: Resource): OutlineObject {
  const range = objectExtent(resource);
  const fields = isMap(resource.node) ? (resource.node.items as Pair[]).flatMap((pair) => fieldOf(resource, pair)) : [];
  return {
    name: resource.name === '' ? resource.kind : `${resource.kind} ${resource.name}`,
    kind: resource.kind,
    namespace: namespaceShown(workspace, resource),
    range,
    selectionRange: valuePlace(resource, ['metadata', 'name'])?.range ?? fields[0]?.selectionRange ?? range,
    fields,
  };
}

function fieldOf(resource: Resource, pair: Pair): OutlineObject['fields'] {
  const key = spanOf(isScalar(pair.key) ? pair.key : undefined);
  // A `<<` merge brings fields in; it is not a field of its own.
  if (!key || !isScalar(pair.key) || isMergePair(pair)) return [];
  const end = spanOf(isNode(pair.value) ? pair.value : undefined)?.[1] ?? key[1];
  return [{ name: String(pair.key.value), range: resource.file.rangeOf(key[0], end), selectionRange: resource.file.rangeOf(key[0], key[1]) }];
}

function namespaceShown(workspace: Workspace, resource: Resource): string | undefined {
  return CLUSTER_SCOPED_KINDS.has(resource.kind) ? undefined : workspace.namespaceOf(resource);
}

/** Whether `text` holds the characters of `wanted` in order, ignoring case. */
function inOrder(wanted: string, text: string): boolean {
  const lower = text.toLowerCase();
  let from = 0;
  for (const character of wanted) {
    from = lower.indexOf(character, from) + 1;
    if (from === 0) return false;
  }
  return true;
}
