import type { Rope } from '../helm/go/rope';
import { applyGenerators } from './generators';
import { nameHash } from './hash';
import { kustomizationIn, relativeTo, resolveUri, type BuildFiles } from './files';
import { listField, loadKustomization, type Item, type Kustomization } from './kustomization';
import type { Layer } from './layer';
import { fixNameReferences } from './name-references';
import { legacyOrder } from './order';
import { applyLegacyJson6902, applyLegacyStrategicMerge, applyPatches, type AppliedPatch } from './patches';
import { ParseCache } from './parse-cache';
import { printObjects } from './print';
import { Problems, type BuildProblem } from './problems';
import { groupVersionOf, kindOf, nameOf, namespaceOf, newResource, readResources, rename, type BuildResource } from './resource';
import { applyAffixes } from './transformers/affixes';
import { applyImages } from './transformers/images';
import { applyLabelsAndAnnotations } from './transformers/labels';
import { applyNamespace } from './transformers/namespace';
import { applyReplicas } from './transformers/replicas';
import { at, clone, fromYaml, textAt, type TreeMap } from './tree';

export interface BuildOptions {
  /**
   * The order when the kustomization sets no `sortOptions`: `none` keeps the order objects were
   * accumulated in, as kustomize's library does (and its tests expect); `legacy` sorts by kind
   * as the `kustomize build` command does by default.
   */
  readonly order?: 'none' | 'legacy';
  /** What earlier builds parsed; a rebuild then parses only the files that changed. */
  readonly cache?: ParseCache;
}

/** One object of the output and its characters in the printed text. */
export interface BuiltObject {
  readonly tree: TreeMap;
  readonly start: number;
  readonly end: number;
}

export interface KustomizeBuild {
  /** The kustomization file built. */
  readonly uri: string;
  readonly objects: readonly BuiltObject[];
  /** The printed output; its segments carry the origin of each key and value. */
  readonly text: Rope;
  readonly problems: readonly BuildProblem[];
  readonly patches: readonly AppliedPatch[];
  /** Every file the build read, kustomizations included: an edit to any of them changes the build. */
  readonly inputs: readonly string[];
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^git@|^(github|gitlab|bitbucket)\.(com|org)\/|\?ref=/i;
const LOCAL_CONFIG = 'config.kubernetes.io/local-config';

interface Context {
  readonly files: BuildFiles;
  readonly cache: ParseCache;
  readonly problems: Problems;
  readonly patches: AppliedPatch[];
  readonly root: string;
}

/**
 * Builds the kustomization in `folder` as `kustomize build` would, in-process: never throws on
 * bad input, and reports what it could not do as problems beside the output.
 */
export function buildKustomization(source: BuildFiles, folder: string, options: BuildOptions = {}): KustomizeBuild {
  const inputs = new Set<string>();
  const files: BuildFiles = {
    read: (uri) => {
      const text = source.read(uri);
      if (text !== undefined) inputs.add(uri);
      return text;
    },
    isFolder: (uri) => source.isFolder(uri),
  };
  const context: Context = { files, cache: options.cache ?? new ParseCache(), problems: new Problems(), patches: [], root: folder };
  const uri = kustomizationIn(files, folder) ?? `${folder}/kustomization.yaml`;
  const resources = buildFolder(context, folder, undefined, []);
  finish(resources);
  const ordered = orderOf(context, uri, options.order ?? 'none', resources);
  const { text, starts } = printObjects(ordered.map((resource) => resource.tree));
  const objects = ordered.map((resource, index) => ({ tree: resource.tree, start: starts[index], end: index + 1 < starts.length ? starts[index + 1] - 4 : text.length }));
  return { uri, objects, text, problems: context.problems.list, patches: context.patches, inputs: [...inputs] };
}

function buildFolder(context: Context, folder: string, from: { uri: string; item: Item } | undefined, chain: readonly string[]): BuildResource[] {
  const uri = kustomizationIn(context.files, folder);
  if (!uri) {
    if (from) context.problems.add(from.uri, from.item.span, 'error', 'kustomize-path-not-found', `'${from.item.text}' is a folder without a kustomization.yaml.`);
    else context.problems.add(`${folder}/kustomization.yaml`, [0, 0], 'error', 'kustomize-path-not-found', 'The folder holds no kustomization.yaml.');
    return [];
  }
  if (chain.includes(folder)) {
    context.problems.add(from!.uri, from!.item.span, 'error', 'kustomize-invalid', `'${from!.item.text}' includes a kustomization that is already being built: the resources form a cycle.`);
    return [];
  }
  const kustomization = loadCached(context, uri);
  if (!kustomization) return [];
  if (kustomization.isComponent && from) {
    context.problems.add(from.uri, from.item.span, 'error', 'kustomize-invalid', `'${from.item.text}' is a Component: list it under 'components', not 'resources'.`);
  }
  return apply(context, kustomization, [], [...chain, folder]);
}

/**
 * One kustomization over `resources` (empty for a kustomization, what is built so far for a
 * component), in kustomize's order: resources, generators, components, then the transformers.
 */
function apply(context: Context, kustomization: Kustomization, resources: BuildResource[], chain: readonly string[]): BuildResource[] {
  const layer: Layer = { kustomization, files: context.files, cache: context.cache, problems: context.problems, display: (uri) => relativeTo(context.root, uri) };
  for (const item of [...listField(kustomization, 'resources', context.problems), ...listField(kustomization, 'bases', context.problems)]) {
    add(context, resources, include(context, kustomization, item, chain));
  }
  applyGenerators(layer, resources);
  for (const item of listField(kustomization, 'components', context.problems)) includeComponent(context, kustomization, item, resources, chain);
  applyLegacyStrategicMerge(layer, resources, context.patches);
  applyPatches(layer, resources, context.patches);
  applyNamespace(layer, resources);
  applyAffixes(layer, resources);
  applyLabelsAndAnnotations(layer, resources);
  applyLegacyJson6902(layer, resources, context.patches);
  applyReplicas(layer, resources);
  applyImages(layer, resources);
  return resources;
}

function include(context: Context, kustomization: Kustomization, item: Item, chain: readonly string[]): BuildResource[] {
  if (REMOTE.test(item.text)) {
    context.problems.add(kustomization.uri, item.span, 'info', 'kustomize-not-built', `Remote resources are not fetched: the build leaves out '${item.text}'.`);
    return [];
  }
  const target = resolveUri(kustomization.folder, item.text);
  const text = context.files.read(target);
  if (text !== undefined) {
    const trees = context.cache.get(`resources ${target}`, text, context.problems, (problems) => readResources(target, text, problems));
    return trees.map((tree) => newResource(clone(tree))).filter((resource) => identified(context, target, resource));
  }
  if (context.files.isFolder(target)) return buildFolder(context, target, { uri: kustomization.uri, item }, chain);
  context.problems.add(kustomization.uri, item.span, 'error', 'kustomize-path-not-found', `'${item.text}' does not exist.`);
  return [];
}

function includeComponent(context: Context, kustomization: Kustomization, item: Item, resources: BuildResource[], chain: readonly string[]): void {
  const folder = resolveUri(kustomization.folder, item.text);
  const uri = kustomizationIn(context.files, folder);
  if (!uri) {
    const exists = context.files.isFolder(folder);
    context.problems.add(kustomization.uri, item.span, 'error', 'kustomize-path-not-found', exists ? `'${item.text}' is a folder without a kustomization.yaml.` : `'${item.text}' does not exist.`);
    return;
  }
  if (chain.includes(folder)) {
    context.problems.add(kustomization.uri, item.span, 'error', 'kustomize-invalid', `'${item.text}' is already being built: the components form a cycle.`);
    return;
  }
  const component = loadCached(context, uri);
  if (!component) return;
  if (!component.isComponent) context.problems.add(kustomization.uri, item.span, 'error', 'kustomize-invalid', `'${item.text}' is not a Component (kind: Component).`);
  apply(context, component, resources, [...chain, folder]);
}

/** The objects in the order the top kustomization's `sortOptions` asks for, else in `fallback` order. */
function orderOf(context: Context, uri: string, fallback: 'none' | 'legacy', resources: BuildResource[]): BuildResource[] {
  const sortOptions = context.files.read(uri) === undefined ? undefined : loadCached(context, uri)?.fields.get('sortOptions');
  const tree = sortOptions && fromYaml(sortOptions.value, uri);
  const order = textAt(tree, ['order']) ?? (tree ? 'legacy' : fallback === 'none' ? 'fifo' : 'legacy');
  if (order === 'fifo') return resources;
  const listed = (key: string) => {
    const list = at(tree, ['legacySortOptions', key]);
    return list?.type === 'seq' ? list.items.map((item) => textAt(item, []) ?? '') : undefined;
  };
  return legacyOrder(resources, listed('orderFirst'), listed('orderLast'));
}

function loadCached(context: Context, uri: string): Kustomization | undefined {
  const text = context.files.read(uri)!;
  return context.cache.get(`kustomization ${uri}`, text, context.problems, (problems) => loadKustomization(uri, text, problems));
}

/** kustomize needs a kind and a name on every object it reads. */
function identified(context: Context, uri: string, resource: BuildResource): boolean {
  if (kindOf(resource) !== '' && nameOf(resource) !== '') return true;
  const span = resource.tree.origin?.span;
  context.problems.add(uri, span && [span.start, span.start], 'error', 'kustomize-invalid', `This object has no ${kindOf(resource) === '' ? 'kind' : 'metadata.name'}; kustomize cannot build it.`);
  return false;
}

/** Adds objects to a kustomization's set; a second object with the same id is an error, as in kustomize. */
function add(context: Context, resources: BuildResource[], added: readonly BuildResource[]): void {
  const ids = new Set(resources.map(idOf));
  for (const resource of added) {
    const id = idOf(resource);
    if (ids.has(id)) {
      const span = resource.tree.origin?.span;
      context.problems.add(span?.uri ?? context.root, span && [span.start, span.start], 'error', 'kustomize-invalid', `${kindOf(resource)} '${nameOf(resource)}' is already in the build; kustomize rejects a second object with the same kind, name and namespace.`);
      continue;
    }
    ids.add(id);
    resources.push(resource);
  }
}

function idOf(resource: BuildResource): string {
  const { group } = groupVersionOf(resource);
  return `${group}|${kindOf(resource)}|${namespaceOf(resource) ?? ''}|${nameOf(resource)}`;
}

/** What only the outermost kustomization does: hash suffixes, then references, then dropping local-only objects. */
function finish(resources: BuildResource[]): void {
  for (const resource of resources) {
    if (!resource.generated?.hash) continue;
    const { span } = resource.generated.entry;
    rename(resource, `${nameOf(resource)}-${nameHash(resource.tree)}`, { span, message: 'hash of the data appended by this generator' });
  }
  fixNameReferences(resources);
  for (let index = resources.length - 1; index >= 0; index--) {
    if (textAt(resources[index].tree, ['metadata', 'annotations', LOCAL_CONFIG]) === 'true') resources.splice(index, 1);
  }
}
