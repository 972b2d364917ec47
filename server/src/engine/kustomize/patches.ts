import { visit, type Node as YamlNode, type Scalar } from 'yaml';
import { parseWithinNestingLimit } from '../document/nesting';
import { resolveUri } from './files';
import { applyJsonPatch, JsonPatchError, operationsOf, type PatchOperation } from './json6902';
import { listField, mapItems, spanOf, type Kustomization } from './kustomization';
import type { Layer } from './layer';
import type { Problems } from './problems';
import { groupVersionOf, kindOf, nameOf, namespaceOf, namesOf, type BuildResource } from './resource';
import { selects, TargetError, targetOf, type Target } from './selector';
import { strategicMerge } from './smp';
import { at, child, clone, fromYaml, mapChild, put, textAt, type Tree, type TreeMap } from './tree';

/** A patch as the build applied it: which kustomization entry, and the objects it changed. */
export interface AppliedPatch {
  /** The kustomization and the characters of the entry naming the patch. */
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly type: 'strategic-merge' | 'json6902';
  /** The patch document's own origin: its file, or the inline text. */
  readonly patch: Tree;
  readonly target: Target | undefined;
  readonly matched: readonly BuildResource[];
  /**
   * For a strategic-merge patch that sets `spec.volumeClaimTemplates`, which replaces the whole
   * list: each matched object's list before the patch, for telling what the patch dropped.
   */
  readonly claimTemplatesBefore?: readonly (Tree | undefined)[];
}

interface PatchSource {
  readonly documents: Tree[];
  readonly span: [number, number];
}

interface PatchOptions {
  readonly allowNameChange: boolean;
  readonly allowKindChange: boolean;
}

const NO_OPTIONS: PatchOptions = { allowNameChange: false, allowKindChange: false };

/** `patchesStrategicMerge`: files (or inline YAML) of strategic-merge patches, each matched by its own kind and name. */
export function applyLegacyStrategicMerge(layer: Layer, resources: BuildResource[], applied: AppliedPatch[]): void {
  for (const item of listField(layer.kustomization, 'patchesStrategicMerge', layer.problems)) {
    const source = item.text.includes('\n') ? inlineSource(layer, item.span) : fileSource(layer, item.text, item.span);
    for (const document of source?.documents ?? []) {
      if (document.type === 'map') applyStrategic(layer, resources, document, undefined, NO_OPTIONS, source!.span, applied);
    }
  }
}

/** `patches`: each a file or inline patch, strategic merge or JSON 6902 (a list of operations), optionally with a target. */
export function applyPatches(layer: Layer, resources: BuildResource[], applied: AppliedPatch[]): void {
  for (const node of mapItems(layer.kustomization, 'patches', layer.problems)) {
    const entry = fromYaml(node, layer.kustomization.uri) as TreeMap;
    const span = spanOf(node) ?? [0, 0];
    const source = sourceOf(layer, entry, span);
    if (!source) continue;
    const target = readTarget(layer, entry, span);
    if (target === null) continue;
    const options = { allowNameChange: textAt(entry, ['options', 'allowNameChange']) === 'true', allowKindChange: textAt(entry, ['options', 'allowKindChange']) === 'true' };
    const [first] = source.documents;
    if (first?.type === 'seq') {
      if (!target) layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-invalid', 'A JSON 6902 patch needs a target.');
      else applyJson(layer, resources, first, target, span, applied);
      continue;
    }
    for (const document of source.documents) if (document.type === 'map') applyStrategic(layer, resources, document, target, options, span, applied);
  }
}

/** `patchesJson6902`: JSON 6902 operations with a target, from a file or inline. */
export function applyLegacyJson6902(layer: Layer, resources: BuildResource[], applied: AppliedPatch[]): void {
  for (const node of mapItems(layer.kustomization, 'patchesJson6902', layer.problems)) {
    const entry = fromYaml(node, layer.kustomization.uri) as TreeMap;
    const span = spanOf(node) ?? [0, 0];
    const target = readTarget(layer, entry, span);
    if (!target) {
      if (target === undefined) layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-invalid', "A 'patchesJson6902' entry needs a target.");
      continue;
    }
    const source = sourceOf(layer, entry, span);
    const [document] = source?.documents ?? [];
    if (document) applyJson(layer, resources, document, target, span, applied);
  }
}

function readTarget(layer: Layer, entry: TreeMap, span: [number, number]): Target | undefined | null {
  const target = targetOf(child(entry, 'target'));
  if (target?.labelSelector === undefined) return target;
  try {
    selects(target, { tree: { type: 'map', entries: [] }, previous: [], prefixes: [], suffixes: [] });
    return target;
  } catch (error) {
    layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-invalid', (error as Error).message);
    return null;
  }
}

function sourceOf(layer: Layer, entry: TreeMap, span: [number, number]): PatchSource | undefined {
  const path = child(entry, 'path');
  const inline = child(entry, 'patch');
  if (path?.type === 'scalar' && typeof path.value === 'string') {
    const pathSpan = path.origin ? ([path.origin.span.start, path.origin.span.end] as [number, number]) : span;
    return fileSource(layer, path.value, pathSpan);
  }
  if (inline?.origin) return inlineSource(layer, [inline.origin.span.start, inline.origin.span.end]);
  layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-invalid', "A patch needs a 'path' or a 'patch'.");
  return undefined;
}

function fileSource(layer: Layer, path: string, span: [number, number]): PatchSource | undefined {
  const uri = resolveUri(layer.kustomization.folder, path.trim());
  const text = layer.files.read(uri);
  if (text === undefined) {
    layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-path-not-found', `The patch file '${path}' does not exist.`);
    return undefined;
  }
  const documents = layer.cache.get(`patch ${uri} ${layer.kustomization.uri} ${span[0]}`, text, layer.problems, (problems) => parsePatch(layer.kustomization.uri, problems, text, uri, span, (offset) => offset));
  return documents && { documents, span };
}

/** A patch written inside the kustomization: its nodes point at their own lines there. */
function inlineSource(layer: Layer, span: [number, number]): PatchSource | undefined {
  const { kustomization } = layer;
  const node = scalarAt(kustomization, span[0]);
  if (!node || typeof node.value !== 'string') return undefined;
  const text = node.value;
  const documents = layer.cache.get(`inline patch ${kustomization.uri} ${span[0]}`, text, layer.problems, (problems) =>
    parsePatch(kustomization.uri, problems, text, kustomization.uri, span, inlineOffsets(kustomization.text, node)),
  );
  return documents && { documents, span };
}

function scalarAt(kustomization: Kustomization, start: number): Scalar | undefined {
  let found: Scalar | undefined;
  for (const field of kustomization.fields.values()) {
    visit(field.value, {
      Scalar(_, node) {
        if (node.range?.[0] !== start) return undefined;
        found = node;
        return visit.BREAK;
      },
    });
    if (found) return found;
  }
  return undefined;
}

/**
 * Maps offsets in a block scalar's value to offsets in the file: a literal block keeps each line,
 * less its indentation. Other styles map to the scalar's start, which is all that is known.
 */
function inlineOffsets(text: string, node: Scalar): (offset: number) => number {
  const [start, end] = node.range ?? [0, 0];
  if (node.type !== 'BLOCK_LITERAL') return () => start;
  const lineStarts: number[] = [];
  for (let at = text.indexOf('\n', start) + 1; at > 0 && at < end; at = text.indexOf('\n', at) + 1) lineStarts.push(at);
  const value = String(node.value);
  const indent = Math.min(...lineStarts.map((at) => text.slice(at, text.indexOf('\n', at) < 0 ? end : text.indexOf('\n', at))).filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  const valueLineStarts = [0];
  for (let at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) valueLineStarts.push(at + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < valueLineStarts.length && valueLineStarts[line + 1] <= offset) line++;
    const lineStart = lineStarts[line];
    return lineStart === undefined ? end : Math.min(lineStart + (Number.isFinite(indent) ? indent : 0) + offset - valueLineStarts[line], end);
  };
}

/** The documents of a patch; problems go on the kustomization entry that names it. */
function parsePatch(entryUri: string, problems: Problems, text: string, uri: string, span: [number, number], shift: (offset: number) => number): Tree[] | undefined {
  const parsed = parseWithinNestingLimit(text, { uniqueKeys: false, prettyErrors: false });
  if (parsed.tooDeep) {
    problems.add(entryUri, span, 'error', 'kustomize-invalid', 'The patch nests too deeply to be read.');
    return undefined;
  }
  const documents: Tree[] = [];
  for (const document of parsed.documents) {
    if (document.errors.length > 0) {
      problems.add(entryUri, span, 'error', 'kustomize-invalid', `The patch is not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
      return undefined;
    }
    if (document.contents !== null) documents.push(fromYaml(document.contents as YamlNode, uri, shift));
  }
  return documents;
}

function applyStrategic(layer: Layer, resources: BuildResource[], patch: TreeMap, target: Target | undefined, options: PatchOptions, span: [number, number], applied: AppliedPatch[]): void {
  const matched = target ? selected(layer, resources, target, span) : byOwnId(resources, patch);
  if (!target && matched.length === 0) {
    const described = `${textAt(patch, ['kind']) ?? 'an object'} '${textAt(patch, ['metadata', 'name']) ?? ''}'`;
    layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-invalid', `The patch is for ${described}, which is not in the build; kustomize fails on it.`);
  }
  const setsClaimTemplates = at(patch, ['spec', 'volumeClaimTemplates']) !== undefined;
  const claimTemplatesBefore = setsClaimTemplates ? matched.map((resource) => at(resource.tree, ['spec', 'volumeClaimTemplates'])) : undefined;
  applied.push({ uri: layer.kustomization.uri, start: span[0], end: span[1], type: 'strategic-merge', patch, target, matched, ...(claimTemplatesBefore ? { claimTemplatesBefore } : {}) });
  for (const resource of matched) {
    const body = withoutIdentity(patch);
    const name = textAt(patch, ['metadata', 'name']);
    const kind = textAt(patch, ['kind']);
    const { group } = groupVersionOf(resource);
    const before = { name: nameOf(resource), kind: kindOf(resource), namespace: namespaceOf(resource) };
    const result = strategicMerge(resource.tree, body, { group, kind: kindOf(resource) });
    if (!result) {
      resources.splice(resources.indexOf(resource), 1);
      continue;
    }
    if (result !== resource.tree) resource.tree.entries = result.entries;
    const renamed = options.allowNameChange && name !== undefined && name !== before.name;
    const rekinded = options.allowKindChange && kind !== undefined && kind !== before.kind;
    if (renamed || rekinded) resource.previous.push(before);
    if (renamed) put(mapChild(resource.tree, 'metadata'), 'name', clone(at(patch, ['metadata', 'name'])!));
    if (rekinded) put(resource.tree, 'kind', clone(child(patch, 'kind')!));
  }
}

/** A patch body without the fields that only say which object it is for. */
function withoutIdentity(patch: TreeMap): TreeMap {
  const body: TreeMap = { ...patch, entries: patch.entries.filter((entry) => entry.key !== 'apiVersion' && entry.key !== 'kind') };
  const metadata = child(body, 'metadata');
  if (metadata?.type === 'map') {
    const kept: TreeMap = { ...metadata, entries: metadata.entries.filter((entry) => entry.key !== 'name' && entry.key !== 'namespace') };
    body.entries = body.entries.map((entry) => (entry.key === 'metadata' ? { ...entry, value: kept } : entry));
  }
  return body;
}

/** The objects an untargeted strategic-merge patch is for: same kind and a name they have or had. */
function byOwnId(resources: readonly BuildResource[], patch: TreeMap): BuildResource[] {
  const kind = textAt(patch, ['kind']);
  const name = textAt(patch, ['metadata', 'name']);
  const namespace = textAt(patch, ['metadata', 'namespace']);
  const apiVersion = textAt(patch, ['apiVersion']);
  const group = apiVersion?.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : apiVersion === undefined ? undefined : '';
  return resources.filter(
    (resource) =>
      kindOf(resource) === kind &&
      name !== undefined &&
      namesOf(resource).includes(name) &&
      (group === undefined || groupVersionOf(resource).group === group) &&
      (namespace === undefined || namespaceOf(resource) === namespace || resource.previous.some((id) => id.namespace === namespace)),
  );
}

function selected(layer: Layer, resources: readonly BuildResource[], target: Target, span: [number, number]): BuildResource[] {
  try {
    return resources.filter((resource) => selects(target, resource));
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-invalid', error.message);
    return [];
  }
}

function applyJson(layer: Layer, resources: BuildResource[], document: Tree, target: Target, span: [number, number], applied: AppliedPatch[]): void {
  let operations: PatchOperation[];
  try {
    operations = operationsOf(document);
  } catch (error) {
    layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-invalid', (error as Error).message);
    return;
  }
  const matched = selected(layer, resources, target, span);
  applied.push({ uri: layer.kustomization.uri, start: span[0], end: span[1], type: 'json6902', patch: document, target, matched });
  for (const resource of matched) {
    const before = { name: nameOf(resource), kind: kindOf(resource), namespace: namespaceOf(resource) };
    try {
      const result = applyJsonPatch(resource.tree, operations);
      if (result.type !== 'map') throw new JsonPatchError('The patch leaves something that is not an object.');
      resource.tree.entries = result.entries;
    } catch (error) {
      if (!(error instanceof JsonPatchError)) throw error;
      layer.problems.add(layer.kustomization.uri, span, 'error', 'kustomize-invalid', `The JSON patch does not apply to ${before.kind} '${before.name}': ${error.message}`);
      continue;
    }
    if (nameOf(resource) !== before.name || kindOf(resource) !== before.kind || namespaceOf(resource) !== before.namespace) resource.previous.push(before);
  }
}
