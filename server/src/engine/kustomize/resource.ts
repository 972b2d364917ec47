import { parseWithinNestingLimit } from '../document/nesting';
import type { Origin } from '../helm/go/origin';
import { child, fromYaml, mapAt, put, scalar, textAt, withStep, type TreeMap, type TreeScalar } from './tree';
import type { Problems } from './problems';

/** How a generated ConfigMap or Secret is finished at the top of the build. */
export interface Generated {
  hash: boolean;
  /** The generator's `- name:` entry, where the hash suffix points. */
  readonly entry: Origin;
}

/**
 * One object of a build, with the history kustomize keeps of it: the names and kinds it had
 * before a transformer changed them (references and patches still find it by those), and the
 * prefixes and suffixes it was given, innermost first (a reference is only rewritten to an
 * object renamed alike).
 */
export interface BuildResource {
  readonly tree: TreeMap;
  readonly previous: { name: string; kind: string; namespace: string | undefined }[];
  readonly prefixes: string[];
  readonly suffixes: string[];
  generated?: Generated;
}

export function newResource(tree: TreeMap, generated?: Generated): BuildResource {
  return { tree, previous: [], prefixes: [], suffixes: [], generated };
}

export const kindOf = (resource: BuildResource): string => textAt(resource.tree, ['kind']) ?? '';
export const nameOf = (resource: BuildResource): string => textAt(resource.tree, ['metadata', 'name']) ?? '';
export const namespaceOf = (resource: BuildResource): string | undefined => textAt(resource.tree, ['metadata', 'namespace']);

/** The API group and version of `apiVersion` (`apps/v1` → apps, v1; `v1` → core group ''). */
export function groupVersionOf(resource: BuildResource): { group: string; version: string } {
  const apiVersion = textAt(resource.tree, ['apiVersion']) ?? '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Every name the object was known by, the current one first. */
export function namesOf(resource: BuildResource): string[] {
  return [nameOf(resource), ...resource.previous.map((id) => id.name).reverse()];
}

export function originalNameOf(resource: BuildResource): string {
  return resource.previous[0]?.name ?? nameOf(resource);
}

export function originalNamespaceOf(resource: BuildResource): string | undefined {
  return resource.previous.length > 0 ? resource.previous[0].namespace : namespaceOf(resource);
}

/** Records the current identity before a transformer or patch changes it. */
export function rememberIdentity(resource: BuildResource): void {
  resource.previous.push({ name: nameOf(resource), kind: kindOf(resource), namespace: namespaceOf(resource) });
}

/** Renames the object, keeping the old name's origin with `step` added to show who changed it. */
export function rename(resource: BuildResource, name: string, step: { span: Origin['span']; message: string }): void {
  rememberIdentity(resource);
  const metadata = mapAt(resource.tree, ['metadata']);
  if (!metadata) return;
  const old = child(metadata, 'name') as TreeScalar | undefined;
  put(metadata, 'name', scalar(name, withStep(old?.origin, step)));
}

/**
 * The objects of a resource file: each YAML document that is a map, with the items of a `List`
 * taken out. A document that is not an object is a problem; an empty one is skipped.
 */
export function readResources(uri: string, text: string, problems: Problems): TreeMap[] {
  const { documents, tooDeep } = parseWithinNestingLimit(text, { uniqueKeys: false, prettyErrors: false });
  if (tooDeep) {
    problems.add(uri, [0, 0], 'error', 'kustomize-invalid', 'The file nests too deeply to be read.');
    return [];
  }
  const resources: TreeMap[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      problems.add(uri, error.pos, 'error', 'kustomize-invalid', `Not valid YAML: ${error.message.split('\n')[0]}`);
      continue;
    }
    if (document.contents === null) continue;
    const tree = fromYaml(document.contents, uri);
    if (tree.type !== 'map') {
      problems.add(uri, document.range ? [document.range[0], document.range[1]] : undefined, 'error', 'kustomize-invalid', 'A resource document must be a Kubernetes object (a map).');
      continue;
    }
    const items = child(tree, 'items');
    if (textAt(tree, ['kind'])?.endsWith('List') && items?.type === 'seq') {
      for (const item of items.items) if (item.type === 'map') resources.push(item);
      continue;
    }
    resources.push(tree);
  }
  return resources;
}
