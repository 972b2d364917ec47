import { fieldTree } from '../kustomization';
import type { Layer } from '../layer';
import type { BuildResource } from '../resource';
import { child, put, scalar, textAt, type Tree, type TreeMap } from '../tree';

interface ImageRule {
  readonly name: string;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
  readonly entry: Tree;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers']);

/**
 * `images:` rewrites the image of every container and init container in any object (kustomize
 * also walks unknown kinds for such lists) and pod volumes' image references. The new value
 * points at the `images` entry that set it.
 */
export function applyImages(layer: Layer, resources: readonly BuildResource[]): void {
  const images = fieldTree(layer.kustomization, 'images');
  if (images?.type !== 'seq') return;
  const rules: ImageRule[] = images.items.flatMap((entry) => {
    const name = textAt(entry, ['name']);
    return name ? [{ name, newName: textAt(entry, ['newName']), newTag: textAt(entry, ['newTag']), digest: textAt(entry, ['digest']), entry }] : [];
  });
  for (const resource of resources) walk(resource.tree, rules, false);
}

function walk(node: Tree, rules: readonly ImageRule[], inContainerList: boolean): void {
  if (node.type === 'seq') {
    for (const item of node.items) walk(item, rules, inContainerList);
    return;
  }
  if (node.type !== 'map') return;
  if (inContainerList) rewrite(node, 'image', rules);
  const image = child(node, 'image');
  if (image?.type === 'map' && child(node, 'name') !== undefined) rewrite(image, 'reference', rules);
  for (const entry of node.entries) walk(entry.value, rules, CONTAINER_LISTS.has(entry.key) && entry.value.type === 'seq');
}

function rewrite(holder: TreeMap, key: string, rules: readonly ImageRule[]): void {
  const current = textAt(holder, [key]);
  if (current === undefined) return;
  const { name, tag, digest } = splitImage(current);
  const rule = rules.find((candidate) => candidate.name === name);
  if (!rule) return;
  let suffix = digest ? `@${digest}` : tag ? `:${tag}` : '';
  if (rule.newTag !== undefined) suffix = `:${rule.newTag}`;
  if (rule.digest !== undefined) suffix = `@${rule.digest}`;
  const origin = rule.entry.origin && { ...rule.entry.origin, kind: 'action' as const };
  put(holder, key, scalar(`${rule.newName ?? name}${suffix}`, origin));
}

/** An image reference's repository, tag and digest; a colon before the last `/` is a registry port. */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}
