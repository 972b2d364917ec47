import { formatFloatG } from '../go/format';
import type { Origin } from '../go/origin';
import { Rope, type Segment } from '../go/rope';
import { entrySource, GoError, GoStruct, isList, isMap, type GoValue } from '../go/values';
import { parseGoInt } from '../go/convert';

/**
 * `toYaml` as Helm prints it: the value goes through JSON (so keys are strings, numbers are
 * JSON numbers) and then through yaml.v2's emitter, whose choices of quoting, block style,
 * folding and key order are reproduced here so that rendered manifests match byte for byte.
 */

/** What JSON marshalling leaves of a value: plain data, with the container each entry came from. */
type JsonValue = null | boolean | JsonNumber | string | JsonObject | JsonValue[];
interface JsonNumber {
  readonly number: string;
}
interface JsonObject {
  readonly entries: Map<string, JsonValue>;
}
interface Sourced {
  readonly container: GoValue;
}

const sources = new WeakMap<object, GoValue>();

/** Go's encoding/json number text for a float64: decimal below 1e21, exponent form past it. */
export function jsonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new GoError(`json: unsupported value: ${formatFloatG(value)}`);
  if (Object.is(value, -0)) return '-0';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2').replace(/e-0(\d)$/, 'e-0$1');
  }
  return String(value);
}

/** Marshals a value the way encoding/json sees Go values, failing where it fails. */
export function toJsonValue(value: GoValue): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Rope) return value.text;
  if (typeof value === 'number') return { number: jsonNumber(value) };
  if (typeof value === 'bigint') return { number: value.toString() };
  if (isMap(value)) {
    const entries = new Map<string, JsonValue>();
    for (const [key, element] of value) entries.set(key, toJsonValue(element));
    const object: JsonObject & Sourced = { entries, container: value };
    sources.set(object, value);
    return object;
  }
  if (isList(value)) {
    const list = value.map(toJsonValue);
    sources.set(list, value);
    return list;
  }
  if (value instanceof GoStruct) {
    const entries = new Map<string, JsonValue>();
    for (const [key, element] of value.fields) entries.set(key, toJsonValue(element));
    return { entries };
  }
  throw new GoError('json: unsupported type: func(...interface {}) interface {}');
}

/** Go's map key order for JSON: bytes of UTF-8, which for these keys is code-point order. */
function jsonKeyOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function jsonString(value: string, escapeHtml: boolean): string {
  let out = '"';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (code < 0x20) out += '\\u' + code.toString(16).padStart(4, '0');
    else if (char === '\u2028' || char === '\u2029') out += HTML_ESCAPES[char];
    else if (escapeHtml && HTML_ESCAPES[char]) out += HTML_ESCAPES[char];
    else out += char;
  }
  return out + '"';
}

/** encoding/json's output: compact, or indented like `json.MarshalIndent(v, "", "  ")`. */
export function jsonText(value: JsonValue, options: { indent: boolean; escapeHtml: boolean }, depth = 0): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return jsonString(value, options.escapeHtml);
  const newline = options.indent ? '\n' + '  '.repeat(depth + 1) : '';
  const close = options.indent ? '\n' + '  '.repeat(depth) : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + value.map((element) => newline + jsonText(element, options, depth + 1)).join(',') + close + ']';
  }
  if ('number' in value) return value.number;
  const keys = [...value.entries.keys()].sort(jsonKeyOrder);
  if (keys.length === 0) return '{}';
  const colon = options.indent ? ': ' : ':';
  return '{' + keys.map((key) => newline + jsonString(key, options.escapeHtml) + colon + jsonText(value.entries.get(key)!, options, depth + 1)).join(',') + close + '}';
}

// ---- yaml.v2 ----

/**
 * yaml.v2's key order: letters after everything else, runs of digits by their numeric value,
 * other characters by code point; so `a2` sorts before `a10`, and `a_b` before `aB`.
 */
export function yamlKeyOrder(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const isLetter = (c: string): boolean => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{Nd}/u.test(c);
  for (let i = 0; i < x.length && i < y.length; i++) {
    if (x[i] === y[i]) continue;
    const xl = isLetter(x[i]!);
    const yl = isLetter(y[i]!);
    if (xl && yl) return x[i]! < y[i]! ? -1 : 1;
    if (xl || yl) return yl ? -1 : 1;
    // Inside a number that already has a non-zero digit, a zero is worth comparing as a digit, not as a leading zero.
    let xn = 0n;
    let yn = 0n;
    if (x[i] === '0' || y[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(x[j]); j--) {
        if (x[j] !== '0') {
          xn = 1n;
          yn = 1n;
          break;
        }
      }
    }
    let xi = i;
    let yi = i;
    for (; isDigit(x[xi]); xi++) xn = xn * 10n + BigInt(Number(x[xi]!));
    for (; isDigit(y[yi]); yi++) yn = yn * 10n + BigInt(Number(y[yi]!));
    if (xn !== yn) return xn < yn ? -1 : 1;
    if (xi !== yi) return xi < yi ? -1 : 1;
    return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

const YAML11_BOOL_OR_NULL = new Set(
  'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF ~ null Null NULL <<'.split(' '),
);
const YAML11_SPECIAL_FLOAT = new Set('.inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF .nan .NaN .NAN'.split(' '));
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Whether yaml.v2 would read this text back as something other than a string, so must quote it. */
function readsAsNonString(value: string): boolean {
  if (value === '' || YAML11_BOOL_OR_NULL.has(value) || YAML11_SPECIAL_FLOAT.has(value)) return true;
  if (!/^[-+0-9.]/.test(value)) return false;
  const plain = value.replace(/_/g, '');
  if (parseGoInt(plain) !== undefined || /^[0-9]+$/.test(plain)) return true;
  if (/^-?0b[01]+$/.test(plain)) return true;
  return YAML_FLOAT.test(plain) || BASE60_FLOAT.test(value);
}

/** libyaml's printable set, in its unicode mode. */
function isPrintable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

interface Styles {
  plain: boolean;
  singleQuoted: boolean;
  literal: boolean;
}

/** What libyaml's scalar analysis allows for this text in block context. */
function analyze(value: string): Styles {
  const chars = [...value];
  const styles: Styles = { plain: true, singleQuoted: true, literal: true };
  if (chars.length === 0) return { plain: false, singleQuoted: true, literal: false };
  if (value.startsWith('---') || value.startsWith('...')) styles.plain = false;
  let specialCharacters = false;
  let lineBreaks = false;
  let spaceBreak = false;
  let breakSpace = false;
  let previousSpace = false;
  let previousBreak = false;
  const isSpace = (c: string | undefined): boolean => c === ' ';
  const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\x85' || c === '\u2028' || c === '\u2029';
  const isBlankOrEnd = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || isBreak(c);
  chars.forEach((char, index) => {
    const next = chars[index + 1];
    const first = index === 0;
    if (first) {
      if ('#,[]{}&*!|>\'"%@`'.includes(char)) styles.plain = false;
      if ((char === '?' || char === ':') && isBlankOrEnd(next)) styles.plain = false;
      if (char === '-' && isBlankOrEnd(next)) styles.plain = false;
    } else {
      if (char === ':' && isBlankOrEnd(next)) styles.plain = false;
      if (char === '#' && (isSpace(chars[index - 1]) || chars[index - 1] === '\t' || isBreak(chars[index - 1]))) styles.plain = false;
    }
    if (!isPrintable(char) || (char === '\ufeff')) specialCharacters = true;
    if (isBreak(char)) lineBreaks = true;
    if (isSpace(char)) {
      if (first) styles.plain = false;
      if (index === chars.length - 1) {
        styles.plain = false;
        styles.literal = false;
      }
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(char)) {
      if (first || index === chars.length - 1) styles.plain = false;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
  });
  if (breakSpace) styles.plain = styles.singleQuoted = false;
  if (spaceBreak || specialCharacters) styles.plain = styles.singleQuoted = styles.literal = false;
  if (lineBreaks) styles.plain = false;
  return styles;
}

const BEST_WIDTH = 80;

/** Output with a column count, as the emitter keeps one to decide where to fold. */
class Writer {
  readonly segments: Segment[] = [];
  column = 0;

  constructor(private readonly structural: Origin) {}

  write(text: string, origin: Origin = this.structural): void {
    if (text === '') return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.origin === origin) this.segments[this.segments.length - 1] = { text: last.text + text, origin };
    else this.segments.push({ text, origin });
    const lineBreak = text.lastIndexOf('\n');
    this.column = lineBreak >= 0 ? text.length - lineBreak - 1 : this.column + [...text].length;
  }
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '\x1b': '\\e',
  '"': '\\"', '\\': '\\\\', '\x85': '\\N', '\xa0': '\\_', '\u2028': '\\L', '\u2029': '\\P',
};

function escapeDoubleQuoted(char: string): string {
  const code = char.codePointAt(0)!;
  if (DOUBLE_ESCAPES[char] !== undefined) return DOUBLE_ESCAPES[char]!;
  if (isPrintable(char) && char !== '\ufeff') return char;
  if (code <= 0xff) return '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
  if (code <= 0xffff) return '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
  return '\\U' + code.toString(16).toUpperCase().padStart(8, '0');
}

/**
 * Double quotes fold too: past 80 columns a space becomes a line break, and a space that
 * follows it is protected with a backslash so that reading it back keeps it.
 */
function writeDoubleQuoted(writer: Writer, value: string, indent: number, origin: Origin, allowBreaks: boolean): void {
  const chars = [...value];
  let run = '"';
  let previousSpace = false;
  chars.forEach((char, index) => {
    if (char === ' ') {
      const column = writer.column + [...run].length;
      if (allowBreaks && !previousSpace && column > BEST_WIDTH && index !== 0 && index !== chars.length - 1) {
        writer.write(run, origin);
        run = '';
        writer.write('\n' + ' '.repeat(indent));
        if (chars[index + 1] === ' ') run += '\\';
      } else run += char;
      previousSpace = true;
    } else {
      run += escapeDoubleQuoted(char);
      previousSpace = false;
    }
  });
  writer.write(run + '"', origin);
}

/** Writes a scalar that follows `key:` or `- `; `indent` is where its continuation lines start. */
function writeString(writer: Writer, value: string, indent: number, origin: Origin, simpleKey: boolean): void {
  const styles = analyze(value);
  const mustQuote = readsAsNonString(value);
  const multiline = /[\n\r\x85\u2028\u2029]/.test(value);
  if (!simpleKey && !mustQuote && multiline && styles.literal) return writeLiteral(writer, value, indent, origin);
  if (!mustQuote && !multiline && styles.plain) return writeFolded(writer, value, indent, origin, !simpleKey, '');
  if (!mustQuote && !multiline && styles.singleQuoted) return writeFolded(writer, "'" + value.replace(/'/g, "''") + "'", indent, origin, !simpleKey, "'");
  writeDoubleQuoted(writer, value, indent, origin, !simpleKey);
}

/**
 * Plain and single-quoted scalars fold at a space once the line is past 80 columns, when the
 * next character is not a space too; the continuation starts at `indent`.
 */
function writeFolded(writer: Writer, value: string, indent: number, origin: Origin, allowBreaks: boolean, quote: string): void {
  const chars = [...value];
  let run = '';
  let previousSpace = false;
  const flush = (): void => {
    writer.write(run, origin);
    run = '';
  };
  chars.forEach((char, index) => {
    const inside = quote === '' || (index > 0 && index < chars.length - 1);
    if (char === ' ' && inside) {
      const column = writer.column + [...run].length;
      if (allowBreaks && !previousSpace && column > BEST_WIDTH && index !== 0 && index !== chars.length - 1 && chars[index + 1] !== ' ' && (quote === '' || index < chars.length - 2 || chars[index + 1] !== quote)) {
        flush();
        writer.write('\n' + ' '.repeat(indent));
      } else run += char;
      previousSpace = true;
    } else {
      run += char;
      previousSpace = false;
    }
  });
  flush();
}

function writeLiteral(writer: Writer, value: string, indent: number, origin: Origin): void {
  const trailing = /\n*$/.exec(value)![0].length;
  // Text that is nothing but line breaks keeps them all, however many.
  const chomp = trailing === 0 ? '-' : trailing === 1 && value.length > 1 ? '' : '+';
  const indicator = value.startsWith(' ') || value.startsWith('\n') ? '2' : '';
  writer.write('|' + indicator + chomp);
  const body = trailing > 0 ? value.slice(0, -1) : value;
  for (const line of body.split('\n')) {
    writer.write('\n');
    if (line !== '') {
      writer.write(' '.repeat(indent));
      writer.write(line, origin);
    }
  }
  if (trailing > 0) writer.write('\n');
}

function scalarOrigin(structural: Origin, container: GoValue | undefined, key: string | number | undefined): Origin {
  if (container === undefined || key === undefined) return structural;
  const value = entrySource(container, key);
  return value ? { ...structural, value } : structural;
}

function formatYamlNumber(text: string): string {
  if (/^-?\d+$/.test(text)) {
    const value = BigInt(text);
    if (value >= -(2n ** 63n) && value < 2n ** 64n) return value.toString();
  }
  const value = Number(text);
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  return formatFloatG(value);
}

function isMapping(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'entries' in value;
}

function isEmptyCollection(value: JsonValue): boolean {
  return (Array.isArray(value) && value.length === 0) || (isMapping(value) && value.entries.size === 0);
}

function isBlockCollection(value: JsonValue): value is JsonObject | JsonValue[] {
  return (Array.isArray(value) || isMapping(value)) && !isEmptyCollection(value);
}

/** Writes a scalar or an empty collection; `indent` is where a folded or literal scalar continues. */
function writeScalar(writer: Writer, value: JsonValue, indent: number, origin: Origin): void {
  if (value === null) writer.write('null', origin);
  else if (typeof value === 'boolean') writer.write(String(value), origin);
  else if (typeof value === 'string') writeString(writer, value, indent, origin, false);
  else if (Array.isArray(value)) writer.write('[]', origin);
  else if ('number' in value) writer.write(formatYamlNumber(value.number), origin);
  else writer.write('{}', origin);
}

/**
 * Writes a non-empty mapping or sequence whose entries start at column `indent`. When
 * `inline`, the first entry continues the current line, as after `- `.
 */
function writeCollection(writer: Writer, value: JsonObject | JsonValue[], indent: number, origin: Origin, inline: boolean): void {
  const container = sources.get(value);
  const startEntry = (index: number): void => {
    if (index === 0 && inline) return;
    if (writer.column !== 0) writer.write('\n');
    writer.write(' '.repeat(indent));
  };
  if (Array.isArray(value)) {
    value.forEach((element, index) => {
      startEntry(index);
      writer.write('- ');
      const child = scalarOrigin(origin, container, index);
      if (isBlockCollection(element)) writeCollection(writer, element, indent + 2, child, true);
      else writeScalar(writer, element, indent + 2, child);
    });
    return;
  }
  [...value.entries.keys()].sort(yamlKeyOrder).forEach((key, index) => {
    startEntry(index);
    writeString(writer, key, indent + 2, origin, true);
    writer.write(':');
    const element = value.entries.get(key)!;
    const child = scalarOrigin(origin, container, key);
    // yaml.v2 writes a sequence under a key without indenting it; a mapping one step in.
    if (isBlockCollection(element)) writeCollection(writer, element, Array.isArray(element) ? indent : indent + 2, child, false);
    else {
      writer.write(' ');
      writeScalar(writer, element, indent + 2, child);
    }
  });
}

/** The YAML document for a value, without its final newline, as a rope whose scalars carry their values' sources. */
export function toYamlRope(value: GoValue, origin: Origin): Rope {
  const json = toJsonValue(value);
  const writer = new Writer(origin);
  if (isBlockCollection(json)) writeCollection(writer, json, 0, origin, false);
  else writeScalar(writer, json, 2, origin);
  let segments = writer.segments;
  // Helm cuts the one newline yaml.v2 ends the document with; a kept literal may end with more.
  const last = segments[segments.length - 1];
  if (last && writer.column === 0 && last.text.endsWith('\n')) {
    segments = [...segments.slice(0, -1), { text: last.text.slice(0, -1), origin: last.origin }];
  }
  return new Rope(segments.filter((segment) => segment.text !== ''));
}
