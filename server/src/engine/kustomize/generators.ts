import type { Node as YamlNode } from 'yaml';
import type { Origin } from '../helm/go/origin';
import { base64Encode } from '../helm/functions/encoding';
import { resolveUri } from './files';
import { fieldTree, mapItems, spanOf } from './kustomization';
import type { Layer } from './layer';
import { kindOf, namesOf, newResource, type BuildResource } from './resource';
import { child, clone, emptyMap, entryOrigin, fromYaml, put, scalar, spanOrigin, textAt, type Tree, type TreeMap } from './tree';

/** One key of generated data and where its value was written. */
interface DataItem {
  readonly key: string;
  readonly value: string;
  readonly keyOrigin: Origin;
  readonly valueOrigin: Origin;
}

interface Options {
  readonly labels?: TreeMap;
  readonly annotations?: TreeMap;
  readonly disableHash: boolean;
  readonly immutable?: Tree;
}

const KINDS = [
  { field: 'configMapGenerator', kind: 'ConfigMap' },
  { field: 'secretGenerator', kind: 'Secret' },
] as const;

/**
 * `configMapGenerator` and `secretGenerator`: each entry makes an object from literals, env
 * files and files, or with `behavior: merge` / `replace` changes one a base generated. Its
 * `metadata.name` points at the entry's `name:`, each data key at the literal, env line or file
 * it came from. The hash suffix is added at the end of the whole build.
 */
export function applyGenerators(layer: Layer, resources: BuildResource[]): void {
  const defaults = optionsOf(fieldTree(layer.kustomization, 'generatorOptions'), undefined);
  for (const { field, kind } of KINDS) {
    for (const node of mapItems(layer.kustomization, field, layer.problems)) generate(layer, resources, kind, node, defaults);
  }
}

function generate(layer: Layer, resources: BuildResource[], kind: 'ConfigMap' | 'Secret', node: YamlNode, defaults: Options): void {
  const { uri } = layer.kustomization;
  const entry = fromYaml(node, uri) as TreeMap;
  const nameNode = child(entry, 'name');
  const name = textAt(entry, ['name']);
  const entryAt = entry.origin ?? entryOrigin(uri, 0, 0);
  if (!name) {
    layer.problems.add(uri, spanOf(node), 'error', 'kustomize-invalid', `A ${kind} generator needs a 'name'.`);
    return;
  }
  const options = optionsOf(child(entry, 'options'), defaults);
  const data = dataOf(layer, entry, kind);
  const behavior = textAt(entry, ['behavior']) ?? 'create';
  const namespace = textAt(entry, ['namespace']);
  if (behavior === 'merge' || behavior === 'replace') {
    const existing = resources.find((resource) => kindOf(resource) === kind && namesOf(resource).includes(name) && (namespace === undefined || textAt(resource.tree, ['metadata', 'namespace']) === namespace));
    if (!existing) {
      layer.problems.add(uri, spanOf(node), 'error', 'kustomize-invalid', `'behavior: ${behavior}' needs a ${kind} '${name}' from a base, and there is none.`);
      return;
    }
    if (behavior === 'replace') put(existing.tree, 'data', emptyMap(entryAt));
    writeData(existing.tree, kind, data, entryAt);
    addMetadata(existing.tree, options);
    if (existing.generated) existing.generated.hash = !options.disableHash;
    else existing.generated = { hash: !options.disableHash, entry: nameNode?.origin ?? entryAt };
    return;
  }
  if (behavior !== 'create') {
    layer.problems.add(uri, spanOf(node), 'error', 'kustomize-invalid', `'${behavior}' is not a generator behavior: use create, merge or replace.`);
    return;
  }
  const nameOrigin = nameNode?.origin && { ...nameNode.origin, kind: 'action' as const };
  const tree = emptyMap(entryAt);
  put(tree, 'apiVersion', scalar('v1', entryAt));
  put(tree, 'kind', scalar(kind, entryAt));
  const metadata = emptyMap(entryAt);
  put(metadata, 'name', scalar(name, nameOrigin), nameOrigin);
  if (namespace !== undefined) put(metadata, 'namespace', clone(child(entry, 'namespace')!));
  put(tree, 'metadata', metadata);
  writeData(tree, kind, data, entryAt);
  if (kind === 'Secret') put(tree, 'type', child(entry, 'type') ? clone(child(entry, 'type')!) : scalar('Opaque', entryAt));
  addMetadata(tree, options);
  if (options.immutable) put(tree, 'immutable', clone(options.immutable));
  resources.push(newResource(tree, { hash: !options.disableHash, entry: nameOrigin ?? entryAt }));
}

function writeData(tree: TreeMap, kind: string, data: readonly DataItem[], origin: Origin): void {
  if (data.length === 0) return;
  let target = child(tree, 'data');
  if (target?.type !== 'map') {
    target = emptyMap(origin);
    put(tree, 'data', target);
  }
  for (const item of data) {
    const value = kind === 'Secret' ? secretValue(item.value) : item.value;
    put(target, item.key, scalar(value, kind === 'Secret' ? { ...item.valueOrigin, kind: 'action' } : item.valueOrigin), item.keyOrigin);
  }
}

function addMetadata(tree: TreeMap, options: Options): void {
  const metadata = child(tree, 'metadata') as TreeMap;
  for (const [key, pairs] of [['labels', options.labels], ['annotations', options.annotations]] as const) {
    if (!pairs || pairs.entries.length === 0) continue;
    let target = child(metadata, key);
    if (target?.type !== 'map') {
      target = emptyMap(pairs.origin);
      put(metadata, key, target, pairs.origin);
    }
    for (const pair of pairs.entries) put(target, pair.key, clone(pair.value), pair.keyOrigin);
  }
}

/** An entry's own options over `generatorOptions`: labels and annotations add up, flags override. */
function optionsOf(tree: Tree | undefined, defaults: Options | undefined): Options {
  const labels = child(tree, 'labels');
  const annotations = child(tree, 'annotations');
  const disable = textAt(tree, ['disableNameSuffixHash']);
  return {
    labels: merged(defaults?.labels, labels?.type === 'map' ? labels : undefined),
    annotations: merged(defaults?.annotations, annotations?.type === 'map' ? annotations : undefined),
    disableHash: disable === undefined ? (defaults?.disableHash ?? false) : disable === 'true',
    immutable: child(tree, 'immutable') ?? defaults?.immutable,
  };
}

function merged(base: TreeMap | undefined, over: TreeMap | undefined): TreeMap | undefined {
  if (!base || !over) return over ?? base;
  const result = clone(base);
  for (const entry of over.entries) put(result, entry.key, clone(entry.value), entry.keyOrigin);
  return result;
}

/** The data of a generator entry: literals, then env files, then files, as kustomize reads them. */
function dataOf(layer: Layer, entry: TreeMap, kind: string): DataItem[] {
  const items: DataItem[] = [];
  for (const literal of listOf(child(entry, 'literals'))) {
    const text = literal.type === 'scalar' ? String(literal.value ?? '') : '';
    const origin = literal.origin ?? entryOrigin(layer.kustomization.uri, 0, 0);
    const equals = text.indexOf('=');
    if (equals <= 0) {
      layer.problems.add(layer.kustomization.uri, [origin.span.start, origin.span.end], 'error', 'kustomize-invalid', `A literal must read key=value; '${text}' does not.`);
      continue;
    }
    items.push({ key: text.slice(0, equals), value: unquoted(text.slice(equals + 1)), keyOrigin: origin, valueOrigin: { ...origin, kind: 'action' } });
  }
  const envs = [...listOf(child(entry, 'envs')), ...(child(entry, 'env') ? [child(entry, 'env')!] : [])];
  for (const env of envs) {
    const file = readListed(layer, env, `${kind} env file`);
    if (file) items.push(...envItems(file.uri, file.text));
  }
  for (const source of listOf(child(entry, 'files'))) {
    const text = source.type === 'scalar' ? String(source.value ?? '') : '';
    const equals = text.indexOf('=');
    const path = equals >= 0 ? text.slice(equals + 1) : text;
    const file = readListed(layer, source, `${kind} file`, path);
    if (!file) continue;
    const key = equals >= 0 ? text.slice(0, equals) : path.slice(path.lastIndexOf('/') + 1);
    const keyOrigin = source.origin ?? entryOrigin(layer.kustomization.uri, 0, 0);
    items.push({ key, value: file.text, keyOrigin, valueOrigin: spanOrigin(file.uri, 0, file.text.length) });
  }
  return items;
}

function listOf(tree: Tree | undefined): Tree[] {
  return tree?.type === 'seq' ? tree.items : [];
}

/** The file an entry names, read relative to the kustomization; a problem on the entry when missing. */
function readListed(layer: Layer, item: Tree, what: string, path = item.type === 'scalar' ? String(item.value ?? '') : ''): { uri: string; text: string } | undefined {
  const uri = resolveUri(layer.kustomization.folder, path.trim());
  const text = path.trim() === '' ? undefined : layer.files.read(uri);
  if (text === undefined) {
    const span = item.origin?.span;
    layer.problems.add(layer.kustomization.uri, span && [span.start, span.end], 'error', 'kustomize-path-not-found', `The ${what} '${path}' does not exist.`);
    return undefined;
  }
  return { uri, text: text.startsWith('\ufeff') ? text.slice(1) : text };
}

/** `KEY=value` lines of an env file, blank lines and `#` comments skipped, each with its line as origin. */
function envItems(uri: string, text: string): DataItem[] {
  const items: DataItem[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const start = offset + (line.length - line.trimStart().length);
    offset += raw.length + 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) continue;
    const origin = spanOrigin(uri, start, start + trimmed.length);
    items.push({ key: trimmed.slice(0, equals), value: trimmed.slice(equals + 1), keyOrigin: spanOrigin(uri, start, start + equals), valueOrigin: { ...origin, kind: 'action' } });
  }
  return items;
}

/** A literal's value without one pair of matching quotes around it. */
function unquoted(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}


/**
 * A Secret value as kustomize writes it: base64, and once that reaches 70 characters, cut into
 * lines of 70 with a line break after each, the last too. The hash is taken over this text.
 */
function secretValue(value: string): string {
  const encoded = base64Encode(value);
  if (encoded.length < 70) return encoded;
  return encoded.replace(/.{1,70}/g, (line) => `${line}\n`);
}
