import { fromParsed } from '../functions/yaml-json';
import type { GoMap, GoValue } from '../go/values';

/**
 * Which of helm's `--set` options an expression came from: `set` types its values, `set-string`
 * keeps them strings, `set-file` takes each value as a file path and sets the file's text.
 */
export type SetKind = 'set' | 'set-string' | 'set-file';

/** A file's text by the path as the user wrote it; the caller reads files, never the engine. */
export type FileText = (path: string) => string | undefined;

/**
 * Applies one `--set` expression (`a.b=c,list[0]=x,l={a,b}`) to `values`, as Helm's strvals
 * does. With `set`, `true`/`false` are booleans, `null` is nil (which then deletes the chart
 * default), integers without a leading zero are int64 (bigint here, as Go prints and compares
 * them as ints), anything else a string. `\` escapes `.`, `,`, `=` and `[`. A `{…}` list is
 * typed the same way for every kind, as strvals does. Returns an error message or undefined.
 */
export function applySetValue(values: GoMap, expression: string, kind: SetKind = 'set', fileText: FileText = () => undefined): string | undefined {
  for (const assignment of splitUnescaped(expression, ',', true)) {
    if (assignment === '') continue;
    const equals = indexUnescaped(assignment, '=');
    if (equals < 0) return `key "${unescape(assignment)}" has no value`;
    const path = parsePath(assignment.slice(0, equals));
    if (typeof path === 'string') return path;
    const raw = assignment.slice(equals + 1);
    if (raw.startsWith('{') && raw.endsWith('}')) {
      const items = splitUnescaped(raw.slice(1, -1), ',', false).map((item) => unescape(item));
      setAtPath(values, path, kind === 'set-string' ? items : items.map(typedValue));
      continue;
    }
    const text = unescape(raw);
    const value = kind === 'set' ? typedValue(text) : kind === 'set-string' ? text : fileText(text);
    if (value === undefined) return `open ${text}: no such file or directory`;
    setAtPath(values, path, value);
  }
  return undefined;
}

/** The paths a `--set-file` expression names, for the caller to read before the render. */
export function setFilePaths(expression: string): string[] {
  return splitUnescaped(expression, ',', true).flatMap((assignment) => {
    const equals = indexUnescaped(assignment, '=');
    const raw = equals < 0 ? '' : assignment.slice(equals + 1);
    return raw === '' || (raw.startsWith('{') && raw.endsWith('}')) ? [] : [unescape(raw)];
  });
}

/**
 * Applies one `--set-json` expression (`a.b={"x":1},n=[1,2]`): each key takes the JSON value
 * after its `=`, which may hold commas; a comma after the value starts the next key. JSON
 * numbers are float64, and `null` deletes the chart default as with `--set`.
 */
export function applyJsonValue(values: GoMap, expression: string): string | undefined {
  let rest = expression;
  while (rest !== '') {
    const equals = indexUnescaped(rest, '=');
    if (equals < 0) return `key "${unescape(rest)}" has no value`;
    const path = parsePath(rest.slice(0, equals));
    if (typeof path === 'string') return path;
    const json = rest.slice(equals + 1);
    const parsed = leadingJson(json);
    if (!parsed) return `invalid JSON after "${unescape(rest.slice(0, equals))}="`;
    setAtPath(values, path, fromParsed(parsed.value));
    rest = json.slice(parsed.end + 1);
  }
  return undefined;
}

/** The shortest run of `text` up to a comma, or to its end, that is one JSON value. */
function leadingJson(text: string): { value: unknown; end: number } | undefined {
  for (let end = text.indexOf(','); ; end = text.indexOf(',', end + 1)) {
    const candidate = end < 0 ? text : text.slice(0, end);
    try {
      return { value: JSON.parse(candidate), end: end < 0 ? text.length : end };
    } catch {
      if (end < 0) return undefined;
    }
  }
}

type PathPart = string | number;

function parsePath(text: string): PathPart[] | string {
  const parts: PathPart[] = [];
  for (const segment of splitUnescaped(text, '.', false)) {
    const match = /^(.*?)((?:\[\d+\])*)$/.exec(segment);
    if (!match || (match[1] === '' && match[2] === '')) return `key "${unescape(text)}" is not valid`;
    if (match[1] !== '') parts.push(unescape(match[1]!));
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

function setAtPath(values: GoMap, path: PathPart[], value: GoValue): void {
  let container: GoMap | GoValue[] = values;
  path.forEach((part, position) => {
    const last = position === path.length - 1;
    const nextIsIndex = typeof path[position + 1] === 'number';
    const existing: GoValue | undefined = container instanceof Map ? container.get(String(part)) : container[Number(part)];
    let next: GoValue;
    if (last) next = value;
    else if (nextIsIndex) next = Array.isArray(existing) ? existing : [];
    else next = existing instanceof Map ? existing : new Map();
    if (container instanceof Map) container.set(String(part), next);
    else {
      // Go's strvals pads a list with nils up to the index it sets.
      while (container.length < Number(part)) container.push(null);
      container[Number(part)] = next;
    }
    if (!last) container = next as GoMap | GoValue[];
  });
}

function typedValue(text: string): GoValue {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return 0n;
  if (/^[-+]?[1-9]\d*$/.test(text)) {
    const value = BigInt(text);
    if (value >= -(2n ** 63n) && value < 2n ** 63n) return value;
  }
  return text;
}

/** Splits at `separator` where it is not escaped and, when `outsideBraces`, not inside `{…}`. */
function splitUnescaped(text: string, separator: string, outsideBraces: boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (outsideBraces && char === '{') depth++;
    else if (outsideBraces && char === '}') depth = Math.max(0, depth - 1);
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function indexUnescaped(text: string, char: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
