import { isAlias, isMap as isYamlMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { SourceSpan } from '../go/origin';
import { RecentVersions } from '../../workspace/recently-used';
import { setContainerSource, type GoMap, type GoValue } from '../go/values';

/** What reading a values file gave: its top-level map, and what was wrong with the text. */
export interface ValuesRead {
  readonly values: GoMap;
  readonly problems: readonly ValuesProblem[];
}

export interface ValuesProblem {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/**
 * Reads a values file the way Helm does: yaml.v2 (YAML 1.1, so `on`/`yes`/`y` are booleans and
 * `0777` is octal), then JSON, so every number is a float64 and every key a string. Each map and
 * list remembers where its entries were written, so output can point back at values lines.
 * Bad YAML gives problems with positions and an empty map, never a throw.
 */
export function readValues(uri: string, text: string): ValuesRead {
  // yaml.v2 decodes the first document of a stream and ignores the rest, as Helm then does.
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return { values: new Map(), problems: [] };
  if (doc.errors.length > 0) {
    return {
      values: new Map(),
      problems: doc.errors.map((error) => ({ uri, start: error.pos[0], end: error.pos[1], message: `values file ${uri}: ${error.message}` })),
    };
  }
  const reader = new NodeReader(uri, doc);
  const value = doc.contents === null ? null : reader.read(doc.contents);
  if (value instanceof Map) return { values: value, problems: [] };
  if (value === null) return { values: new Map(), problems: [] };
  // Helm unmarshals into a map, so a list or scalar at the top is an error.
  const range = doc.contents?.range ?? [0, 0];
  return { values: new Map(), problems: [{ uri, start: range[0], end: range[1], message: `values file ${uri}: the top level must be a map` }] };
}

/** The last two versions of each of the values files read most recently. */
const cache = new RecentVersions<ValuesRead>(64, () => 2);

/**
 * `readValues`, remembered by URI and text: a chart's values.yaml is read for every render,
 * and an editor renders on every keystroke. The result is shared, so callers must never
 * change it; coalescing copies what it keeps.
 */
export function readValuesShared(uri: string, text: string): ValuesRead {
  return cache.get(uri, text, () => readValues(uri, text));
}

class NodeReader {
  constructor(
    private readonly uri: string,
    private readonly doc: Document,
  ) {}

  read(node: Node | null | undefined, depth = 0): GoValue {
    if (node === null || node === undefined) return null;
    // Aliases are expanded as yaml.v2 does; the depth bound stops alias bombs that loop.
    if (depth > 1000) return null;
    if (isAlias(node)) return this.read(node.resolve(this.doc) as Node | undefined, depth + 1);
    if (isScalar(node)) return scalarValue(node.value, node.source);
    if (isSeq(node)) {
      const list: GoValue[] = [];
      const entries = new Map<string | number, SourceSpan>();
      node.items.forEach((item, index) => {
        list.push(this.read(item as Node, depth + 1));
        const range = (item as Node | null)?.range;
        if (range) entries.set(index, { uri: this.uri, start: range[0], end: range[1] });
      });
      setContainerSource(list, { uri: this.uri, entries });
      return list;
    }
    if (isYamlMap(node)) {
      const map: GoMap = new Map();
      const entries = new Map<string | number, SourceSpan>();
      const merged: GoMap[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        if (isScalar(keyNode) && (typeof keyNode.value === 'symbol' || keyNode.value === '<<') && keyNode.source === '<<') {
          // YAML 1.1 merge keys: the merged maps give only the keys the map does not set itself.
          const value = this.read(pair.value as Node, depth + 1);
          for (const item of Array.isArray(value) ? value : [value]) if (item instanceof Map) merged.push(item);
          continue;
        }
        const key = keyText(keyNode === null ? null : this.read(keyNode, depth + 1));
        map.set(key, this.read(pair.value as Node, depth + 1));
        const start = keyNode?.range?.[0];
        const end = (pair.value as Node | null)?.range?.[1] ?? keyNode?.range?.[1];
        if (start !== undefined && end !== undefined) entries.set(key, { uri: this.uri, start, end });
      }
      for (const source of merged) for (const [key, value] of source) if (!map.has(key)) map.set(key, value);
      setContainerSource(map, { uri: this.uri, entries });
      return map;
    }
    return null;
  }
}

function scalarValue(value: unknown, source: string | undefined): GoValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // yaml.v2 keeps timestamps as their text when decoding into interface{}.
  if (value instanceof Date) return source ?? value.toISOString();
  return String(value);
}

/** How JSON names a YAML key that is not a string, as the YAML-to-JSON step does. */
function keyText(key: GoValue): string {
  if (typeof key === 'string') return key;
  if (key === null) return 'null';
  if (typeof key === 'boolean' || typeof key === 'number' || typeof key === 'bigint') return String(key);
  return String(key);
}
