import { parseAllDocuments } from 'yaml';
import { formatFloatG } from '../go/format';
import { Rope } from '../go/rope';
import { GoError, isList, isMap, type GoMap, type GoValue } from '../go/values';
import { text, type FunctionGroup } from './common';
import { jsonText, toJsonValue, toYamlRope, yamlKeyOrder } from './yaml-emit';

/** Plain data read by the `yaml` or JSON parser, as Helm sees it after its trip through JSON: numbers are float64, keys strings. */
export function fromParsed(value: unknown): GoValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (Array.isArray(value)) return value.map(fromParsed);
  if (value instanceof Map) {
    const out: GoMap = new Map();
    for (const [key, element] of value) out.set(keyText(key), fromParsed(element));
    return out;
  }
  if (typeof value === 'object') {
    const out: GoMap = new Map();
    for (const [key, element] of Object.entries(value as Record<string, unknown>)) out.set(key, fromParsed(element));
    return out;
  }
  return String(value);
}

function keyText(key: unknown): string {
  if (typeof key === 'number') return Number.isInteger(key) ? String(key) : formatFloatG(key);
  if (key === null || key === undefined) return 'null';
  return String(key);
}

/** The first YAML document, read with YAML 1.1's booleans and numbers as yaml.v2 reads them. */
function parseYaml(source: string): GoValue {
  const documents = parseAllDocuments(source, { version: '1.1', uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [documents];
  const first = list[0];
  if (!first) return null;
  if (first.errors.length > 0) throw new GoError(`error converting YAML to JSON: yaml: ${first.errors[0]!.message.split('\n')[0]}`);
  return fromParsed(first.toJS({ mapAsMap: true, maxAliasCount: 1000 }));
}

function unmarshalError(value: GoValue, wanted: string): GoError {
  const got = isMap(value) ? 'object' : isList(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : 'number';
  return new GoError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${got} into Go value of type ${wanted}`);
}

function mapOrError(read: () => GoValue): GoMap {
  try {
    const value = read();
    if (value === null) return new Map();
    if (!isMap(value)) throw unmarshalError(value, 'map[string]interface {}');
    return value;
  } catch (error) {
    if (error instanceof GoError || error instanceof SyntaxError) return new Map([['Error', (error as Error).message]]);
    throw error;
  }
}

function listOrError(read: () => GoValue): GoValue[] {
  try {
    const value = read();
    if (value === null) return [];
    if (!isList(value)) throw unmarshalError(value, '[]interface {}');
    return value;
  } catch (error) {
    if (error instanceof GoError || error instanceof SyntaxError) return [(error as Error).message];
    throw error;
  }
}

function parseJson(source: string): GoValue {
  try {
    return fromParsed(JSON.parse(source));
  } catch (error) {
    throw new GoError(error instanceof Error ? error.message : String(error));
  }
}

function json(value: GoValue, indent: boolean, escapeHtml: boolean): string {
  return jsonText(toJsonValue(value), { indent, escapeHtml });
}

/** Helm's and Sprig's non-`must` encoders give "" when the value cannot be encoded. */
function orEmpty<T extends GoValue>(encode: () => T): T | string {
  try {
    return encode();
  } catch (error) {
    if (error instanceof GoError) return '';
    throw error;
  }
}

// ---- TOML, as Helm's `toToml` writes it: scalars of a table first, then its sub-tables ----

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

function tomlString(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
}

function tomlScalar(value: GoValue): string {
  if (value === null) throw new GoError('toml: cannot encode a nil value');
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return Number.isInteger(value) && Math.abs(value) < 1e16 ? value.toFixed(1) : String(value);
  }
  if (typeof value === 'string' || value instanceof Rope) return tomlString(typeof value === 'string' ? value : value.text);
  if (isList(value)) return '[' + value.map(tomlScalar).join(', ') + ']';
  throw new GoError('toml: unsupported value');
}

function isTable(value: GoValue): value is GoMap {
  return isMap(value);
}

function isTableArray(value: GoValue): value is GoMap[] {
  return isList(value) && value.length > 0 && value.every(isMap);
}

function writeToml(table: GoMap, path: string[], out: string[]): void {
  const keys = [...table.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const value = table.get(key)!;
    if (value === null || isTable(value) || isTableArray(value)) continue;
    out.push(`${tomlKey(key)} = ${tomlScalar(value)}`);
  }
  for (const key of keys) {
    const value = table.get(key)!;
    const name = [...path, tomlKey(key)];
    if (isTable(value)) {
      out.push('', `[${name.join('.')}]`);
      writeToml(value, name, out);
    } else if (isTableArray(value)) {
      for (const element of value) {
        out.push('', `[[${name.join('.')}]]`);
        writeToml(element, name, out);
      }
    }
  }
}

function toToml(value: GoValue): string {
  if (!isMap(value)) throw new GoError('toml: top-level values must be Go maps or structs');
  const lines: string[] = [];
  writeToml(value, [], lines);
  while (lines[0] === '') lines.shift();
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

export const yamlJsonFunctions: FunctionGroup = {
  toYaml: (context, value = null) => orEmpty(() => toYamlRope(value, context.origin)),
  mustToYaml: (context, value = null) => toYamlRope(value, context.origin),
  fromYaml: (_context, s = null) => mapOrError(() => parseYaml(text(s, 'fromYaml'))),
  fromYamlArray: (_context, s = null) => listOrError(() => parseYaml(text(s, 'fromYamlArray'))),
  toJson: (context, value = null) => orEmpty(() => Rope.of(json(value, false, true), context.origin)),
  mustToJson: (context, value = null) => Rope.of(json(value, false, true), context.origin),
  toPrettyJson: (context, value = null) => orEmpty(() => Rope.of(json(value, true, true), context.origin)),
  mustToPrettyJson: (context, value = null) => Rope.of(json(value, true, true), context.origin),
  toRawJson: (context, value = null) => orEmpty(() => Rope.of(json(value, false, false), context.origin)),
  mustToRawJson: (context, value = null) => Rope.of(json(value, false, false), context.origin),
  fromJson: (_context, s = null) => mapOrError(() => parseJson(text(s, 'fromJson'))),
  mustFromJson: (_context, s = null) => {
    const value = parseJson(text(s, 'mustFromJson'));
    return value;
  },
  fromJsonArray: (_context, s = null) => listOrError(() => parseJson(text(s, 'fromJsonArray'))),
  toToml: (_context, value = null) => {
    try {
      return toToml(value);
    } catch (error) {
      if (error instanceof GoError) return error.message;
      throw error;
    }
  },
};

export { yamlKeyOrder };
