import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import { parseWithinNestingLimit } from '../document/nesting';
import { entryOrigin, fromYaml, type Tree } from './tree';
import { folderOf } from './files';
import type { Problems } from './problems';

/** The fields the build reads, by their lower-case spelling: kustomize matches keys case-insensitively. */
const BUILT_FIELDS = [
  'apiVersion', 'kind', 'metadata', 'resources', 'bases', 'components', 'namespace', 'namePrefix', 'nameSuffix',
  'commonLabels', 'labels', 'commonAnnotations', 'images', 'replicas', 'patches', 'patchesStrategicMerge',
  'patchesJson6902', 'configMapGenerator', 'secretGenerator', 'generatorOptions', 'buildMetadata', 'sortOptions',
];
/** Fields kustomize knows that this build leaves out, with what each is. */
const UNBUILT_FIELDS: Record<string, string> = {
  vars: 'vars',
  replacements: 'replacements',
  helmCharts: 'Helm charts',
  helmGlobals: 'Helm charts',
  helmChartInflationGenerator: 'Helm charts',
  transformers: 'transformer plugins',
  generators: 'generator plugins',
  validators: 'validator plugins',
  configurations: 'custom field specs (configurations)',
  openapi: 'custom OpenAPI schemas',
  crds: 'custom resource definitions for field specs (crds)',
};
const CANONICAL = new Map([...BUILT_FIELDS, ...Object.keys(UNBUILT_FIELDS)].map((name) => [name.toLowerCase(), name]));

/** One field of a kustomization: its key and value nodes in the file. */
export interface Field {
  readonly pair: Pair;
  readonly value: YamlNode | null;
}

/** A scalar item of a list field, with its characters in the file. */
export interface Item {
  readonly text: string;
  readonly span: [number, number];
}

export interface Kustomization {
  readonly uri: string;
  readonly folder: string;
  readonly text: string;
  readonly isComponent: boolean;
  readonly fields: ReadonlyMap<string, Field>;
}

/**
 * Reads a kustomization: a problem, not an exception, for text that is not YAML or not a map,
 * and for fields kustomize would reject; one information problem for each field this build
 * does not carry out, so the rest can still be built.
 */
export function loadKustomization(uri: string, text: string, problems: Problems): Kustomization | undefined {
  const { documents, tooDeep } = parseWithinNestingLimit(text, { uniqueKeys: false, prettyErrors: false });
  if (tooDeep) {
    problems.add(uri, [0, 0], 'error', 'kustomize-invalid', 'The kustomization nests too deeply to be read.');
    return undefined;
  }
  const [document, second] = documents;
  if (second) {
    problems.add(uri, second.range ? [second.range[0], second.range[1]] : [0, 0], 'error', 'kustomize-invalid', 'A kustomization is a single YAML document; this file holds more than one.');
    return undefined;
  }
  const error = document.errors[0];
  if (error) {
    problems.add(uri, error.pos, 'error', 'kustomize-invalid', `The kustomization is not valid YAML: ${error.message.split('\n')[0]}`);
    return undefined;
  }
  const root = document.contents;
  if (root !== null && !isMap(root)) {
    problems.add(uri, spanOf(root), 'error', 'kustomize-invalid', 'A kustomization must be a map of fields.');
    return undefined;
  }
  const fields = new Map<string, Field>();
  for (const pair of root?.items ?? []) {
    const written = isScalar(pair.key) ? String(pair.key.value) : '';
    const name = CANONICAL.get(written.toLowerCase());
    const keySpan = spanOf(pair.key as YamlNode);
    if (!name) {
      problems.add(uri, keySpan, 'error', 'kustomize-invalid', `'${written}' is not a kustomization field; kustomize rejects the file.`);
      continue;
    }
    if (UNBUILT_FIELDS[name]) {
      problems.add(uri, keySpan, 'info', 'kustomize-not-built', `${capitalized(UNBUILT_FIELDS[name])} are not built in-process: the objects are checked without what '${written}' would change.`);
      continue;
    }
    fields.set(name, { pair, value: pair.value as YamlNode | null });
  }
  const kind = fields.get('kind')?.value;
  return { uri, folder: folderOf(uri), text, isComponent: isScalar(kind) && kind.value === 'Component', fields };
}

export function spanOf(node: YamlNode | null | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** The characters of a whole field, key to value, where an entry's effects point. */
export function fieldSpan(field: Field): [number, number] {
  const key = spanOf(field.pair.key as YamlNode) ?? [0, 0];
  const value = spanOf(field.value);
  return [key[0], value ? value[1] : key[1]];
}

export function fieldOrigin(kustomization: Kustomization, field: Field) {
  const [start, end] = fieldSpan(field);
  return entryOrigin(kustomization.uri, start, end);
}

/** A field's value as a tree, with origins in the kustomization. */
export function fieldTree(kustomization: Kustomization, name: string): Tree | undefined {
  const field = kustomization.fields.get(name);
  return field ? fromYaml(field.value, kustomization.uri) : undefined;
}

/** The items of a list field; none when it is absent or null, and a problem when it is not a list. */
function listItems(kustomization: Kustomization, name: string, problems: Problems): YamlNode[] {
  const field = kustomization.fields.get(name);
  if (!field || field.value === null || (isScalar(field.value) && field.value.value === null)) return [];
  if (isSeq(field.value)) return field.value.items as YamlNode[];
  problems.add(kustomization.uri, spanOf(field.value), 'error', 'kustomize-invalid', `'${name}' must be a list.`);
  return [];
}

/** The scalar items of a list field (`resources`, `patchesStrategicMerge`); a problem for anything else. */
export function listField(kustomization: Kustomization, name: string, problems: Problems): Item[] {
  const items: Item[] = [];
  for (const item of listItems(kustomization, name, problems)) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') items.push({ text: item.value.trim(), span: spanOf(item) ?? [0, 0] });
    else problems.add(kustomization.uri, spanOf(item), 'error', 'kustomize-invalid', `Each entry of '${name}' must be a path.`);
  }
  return items;
}

/** The items of a list field that are maps (`patches`, generators), as yaml nodes. */
export function mapItems(kustomization: Kustomization, name: string, problems: Problems): YamlNode[] {
  return listItems(kustomization, name, problems).filter((item) => {
    if (!isMap(item)) problems.add(kustomization.uri, spanOf(item), 'error', 'kustomize-invalid', `Each entry of '${name}' must be a map.`);
    return isMap(item);
  });
}

/** A scalar field's text (`namespace`, `namePrefix`), with its span. */
export function scalarField(kustomization: Kustomization, name: string): Item | undefined {
  const field = kustomization.fields.get(name);
  if (!field || !isScalar(field.value) || field.value.value === null) return undefined;
  return { text: String(field.value.value), span: spanOf(field.value) ?? [0, 0] };
}

function capitalized(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
