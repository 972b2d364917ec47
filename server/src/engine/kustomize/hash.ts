import { sha256Hex } from '../helm/functions/hashes';
import { child, toData, type TreeMap } from './tree';

/**
 * The suffix kustomize appends to a generated ConfigMap or Secret: the SHA-256 of its kind, data
 * (and a Secret's type), encoded as Go's `json.Marshal` writes it, cut to ten hex digits with
 * the letters that could spell words swapped out. The name goes in as an empty string, and so
 * does missing data: kustomize looks the name up under a key that never exists, so objects that
 * differ only by name share a hash.
 */
export function nameHash(object: TreeMap): string {
  const kind = String(toData(child(object, 'kind') ?? { type: 'scalar', value: '' }));
  const fields: Record<string, unknown> = { kind, name: '', data: mapData(object, 'data') ?? '' };
  if (kind === 'Secret') {
    fields.type = String(toData(child(object, 'type') ?? { type: 'scalar', value: '' }) ?? '');
    const stringData = mapData(object, 'stringData');
    if (stringData) fields.stringData = stringData;
  }
  const binaryData = mapData(object, 'binaryData');
  if (binaryData) fields.binaryData = binaryData;
  return encode(sha256Hex(goJson(fields)));
}

function mapData(object: TreeMap, key: string): Record<string, unknown> | undefined {
  const value = child(object, key);
  return value?.type === 'map' ? (toData(value) as Record<string, unknown>) : undefined;
}

const SWAPS: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

function encode(hex: string): string {
  return [...hex.slice(0, 10)].map((digit) => SWAPS[digit] ?? digit).join('');
}

/** JSON as Go's encoding/json writes it: map keys sorted, and `<`, `>`, `&`, U+2028/9 and control characters escaped its way. */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((key) => `${goString(key)}:${goJson(record[key])}`).join(',')}}`;
  }
  if (typeof value === 'string') return goString(value);
  return JSON.stringify(value ?? null);
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function goString(text: string): string {
  let quoted = '"';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (SHORT_ESCAPES[character]) quoted += SHORT_ESCAPES[character];
    else if (code < 0x20 || character === '<' || character === '>' || character === '&' || code === 0x2028 || code === 0x2029) quoted += `\\u${code.toString(16).padStart(4, '0')}`;
    else quoted += character;
  }
  return quoted + '"';
}
