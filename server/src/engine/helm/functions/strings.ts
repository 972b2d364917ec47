import { Rope, type Segment } from '../go/rope';
import { typeName } from '../go/type-names';
import { GoError, type GoValue } from '../go/values';
import type { CallContext } from './function-table';
import { intArg, isEmpty, ropeOf, sameKind, strval, text, type FunctionGroup } from './common';

/** Beyond this, `repeat` fails rather than fill memory: no manifest needs 20 MB from one call. */
export const MAX_REPEAT_LENGTH = 20 * 1024 * 1024;

const LEADING_SPACE = /^\s*/;
const TRAILING_SPACE = /\s*$/;

function trimRope(input: GoValue, name: string): string | Rope {
  const rope = ropeOf(input, name);
  const whole = rope.text;
  const start = LEADING_SPACE.exec(whole)![0].length;
  const end = Math.max(start, whole.length - TRAILING_SPACE.exec(whole.slice(start))![0].length);
  return sameKind(input, rope.slice(start, end));
}

/** Go's `strconv.Quote`: the escapes `%q` writes, rune by rune, so a rope can be quoted piece by piece. */
export function goQuote(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    switch (char) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (char === ' ' || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(char)) out += char;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (code < 0x80) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code < 0x10000) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += '\\U' + code.toString(16).padStart(8, '0');
  }
  return out;
}

function quoteOne(value: GoValue, context: CallContext, quoteChar: string, escape: (s: string) => string): Rope {
  const segments: Segment[] = [{ text: quoteChar, origin: context.origin }];
  if (value instanceof Rope) for (const segment of value.segments) segments.push({ text: escape(segment.text), origin: segment.origin });
  else segments.push({ text: escape(strval(value)), origin: context.origin });
  segments.push({ text: quoteChar, origin: context.origin });
  return new Rope(segments.filter((segment) => segment.text !== ''));
}

function joinQuoted(context: CallContext, args: GoValue[], quoteChar: string, escape: (s: string) => string): Rope {
  const parts: Rope[] = [];
  for (const arg of args) {
    if (arg === null) continue;
    if (parts.length > 0) parts.push(Rope.of(' ', context.origin));
    parts.push(quoteOne(arg, context, quoteChar, escape));
  }
  return Rope.concat(parts);
}

/** Splits a name into words at separators and case changes, as the xstrings case converters do. */
function words(value: string): string[] {
  return value
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Go's `strings.Title`: a letter after anything that is not a letter, digit or underscore is upper-cased. */
function title(value: string): string {
  return value.replace(/(^|[^\p{L}\p{N}_])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function wrapText(value: string, width: number): string {
  const limit = Math.max(width, 1);
  let out = '';
  let offset = 0;
  while (value.length - offset > limit) {
    if (value[offset] === ' ') {
      offset++;
      continue;
    }
    const space = value.lastIndexOf(' ', offset + limit);
    if (space >= offset) {
      out += value.slice(offset, space) + '\n';
      offset = space + 1;
    } else {
      const next = value.indexOf(' ', offset + limit);
      if (next < 0) break;
      out += value.slice(offset, next) + '\n';
      offset = next + 1;
    }
  }
  return out + value.slice(offset);
}

function initials(value: string): string {
  return value
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => [...word][0])
    .join('');
}

function swapcase(value: string): string {
  return [...value].map((char) => (char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase())).join('');
}

function cutset(value: string, set: string, fromStart: boolean, fromEnd: boolean): string {
  const chars = new Set(set);
  const units = [...value];
  let start = 0;
  let end = units.length;
  while (fromStart && start < end && chars.has(units[start]!)) start++;
  while (fromEnd && end > start && chars.has(units[end - 1]!)) end--;
  return units.slice(start, end).join('');
}

export const stringFunctions: FunctionGroup = {
  trim: (_context, s = null) => trimRope(s, 'trim'),
  trimAll: (_context, set = null, s = null) => cutset(text(s, 'trimAll'), text(set, 'trimAll'), true, true),
  trimall: (_context, set = null, s = null) => cutset(text(s, 'trimall'), text(set, 'trimall'), true, true),
  trimSuffix: (_context, suffix = null, s = null) => {
    const rope = ropeOf(s, 'trimSuffix');
    const end = text(suffix, 'trimSuffix');
    return end !== '' && rope.text.endsWith(end) ? sameKind(s, rope.slice(0, rope.length - end.length)) : (s ?? '');
  },
  trimPrefix: (_context, prefix = null, s = null) => {
    const rope = ropeOf(s, 'trimPrefix');
    const start = text(prefix, 'trimPrefix');
    return start !== '' && rope.text.startsWith(start) ? sameKind(s, rope.slice(start.length)) : (s ?? '');
  },
  upper: (_context, s = null) => text(s, 'upper').toUpperCase(),
  lower: (_context, s = null) => text(s, 'lower').toLowerCase(),
  title: (_context, s = null) => title(text(s, 'title')),
  untitle: (_context, s = null) => text(s, 'untitle').replace(/(^|\s)(\S)/g, (_, before: string, first: string) => before + first.toLowerCase()),
  swapcase: (_context, s = null) => swapcase(text(s, 'swapcase')),
  repeat: (_context, count = null, s = null) => {
    const times = intArg(count, 'repeat');
    const value = text(s, 'repeat');
    if (times < 0) throw new GoError('strings: negative Repeat count');
    if (value.length * times > MAX_REPEAT_LENGTH) throw new GoError(`repeat: the result would be ${value.length * times} characters, more than the ${MAX_REPEAT_LENGTH} allowed`);
    return value.repeat(times);
  },
  substr: (_context, start = null, end = null, s = null) => {
    const rope = ropeOf(s, 'substr');
    const from = intArg(start, 'substr');
    const to = intArg(end, 'substr');
    if (from < 0) return sameKind(s, rope.slice(0, Math.max(to, 0)));
    if (to < 0 || to > rope.length) return sameKind(s, rope.slice(from));
    if (from > to) throw new GoError(`slice bounds out of range [${from}:${to}]`);
    return sameKind(s, rope.slice(from, to));
  },
  trunc: (_context, count = null, s = null) => {
    const rope = ropeOf(s, 'trunc');
    const n = intArg(count, 'trunc');
    if (n < 0 && rope.length + n > 0) return sameKind(s, rope.slice(rope.length + n));
    if (n >= 0 && rope.length > n) return sameKind(s, rope.slice(0, n));
    return s ?? '';
  },
  abbrev: (_context, width = null, s = null) => {
    const value = text(s, 'abbrev');
    const max = intArg(width, 'abbrev');
    if (max < 4 || value.length <= max) return value;
    return value.slice(0, max - 3) + '...';
  },
  abbrevboth: (_context, left = null, right = null, s = null) => {
    let value = text(s, 'abbrevboth');
    const offset = intArg(left, 'abbrevboth');
    const max = intArg(right, 'abbrevboth');
    if (max < 4 || value.length <= max) return value;
    if (offset > 4) {
      value = '...' + value.slice(Math.min(offset, value.length - (max - 3)));
      if (value.length <= max) return value;
    }
    return value.slice(0, max - 3) + '...';
  },
  initials: (_context, s = null) => initials(text(s, 'initials')),
  wrap: (_context, width = null, s = null) => wrapText(text(s, 'wrap'), intArg(width, 'wrap')),
  wrapWith: (_context, width = null, separator = null, s = null) => wrapText(text(s, 'wrapWith'), intArg(width, 'wrapWith')).split('\n').join(text(separator, 'wrapWith')),
  contains: (_context, needle = null, s = null) => text(s, 'contains').includes(text(needle, 'contains')),
  hasPrefix: (_context, prefix = null, s = null) => text(s, 'hasPrefix').startsWith(text(prefix, 'hasPrefix')),
  hasSuffix: (_context, suffix = null, s = null) => text(s, 'hasSuffix').endsWith(text(suffix, 'hasSuffix')),
  quote: (context, ...args) => joinQuoted(context, args, '"', goQuote),
  squote: (context, ...args) => joinQuoted(context, args, "'", (s) => s),
  cat: (_context, ...args) => args.filter((arg) => arg !== null).map(strval).join(' '),
  indent: (_context, spaces = null, s = null) => ropeOf(s, 'indent').indentLines(' '.repeat(Math.max(intArg(spaces, 'indent'), 0)), true),
  nindent: (context, spaces = null, s = null) =>
    Rope.concat([Rope.of('\n', context.origin), ropeOf(s, 'nindent').indentLines(' '.repeat(Math.max(intArg(spaces, 'nindent'), 0)), true)]),
  replace: (_context, old = null, replacement = null, s = null) => {
    const value = text(s, 'replace');
    const needle = text(old, 'replace');
    const by = text(replacement, 'replace');
    // Go puts the replacement around every character, and at both ends, when the old text is empty.
    if (needle === '') return by + [...value].join(by) + (value === '' ? '' : by);
    return value.split(needle).join(by);
  },
  plural: (_context, one = null, many = null, count = null) => (intArg(count, 'plural') === 1 ? text(one, 'plural') : text(many, 'plural')),
  snakecase: (_context, s = null) => words(text(s, 'snakecase')).map((word) => word.toLowerCase()).join('_'),
  kebabcase: (_context, s = null) => words(text(s, 'kebabcase')).map((word) => word.toLowerCase()).join('-'),
  camelcase: (_context, s = null) => text(s, 'camelcase').split(/[_\s]+/).filter((word) => word !== '').map(capitalize).join(''),
  nospace: (_context, s = null) => text(s, 'nospace').replace(/\s+/g, ''),
  // No randomness anywhere: a reversed string keeps the letters and the length, which is all a check could see.
  shuffle: (_context, s = null) => [...text(s, 'shuffle')].reverse().join(''),
  toString: (_context: CallContext, value: GoValue = null) => (value instanceof Rope ? value : strval(value)),
  default: (_context, fallback = null, ...given) => (given.length === 0 || isEmpty(given[0] ?? null) ? fallback : given[0]!),
  empty: (_context, value = null) => isEmpty(value),
  coalesce: (_context, ...args) => args.find((arg) => !isEmpty(arg)) ?? null,
  all: (_context, ...args) => args.every((arg) => !isEmpty(arg)),
  any: (_context, ...args) => args.some((arg) => !isEmpty(arg)),
  ternary: (_context, whenTrue = null, whenFalse = null, condition = null) => {
    if (typeof condition !== 'boolean') throw new GoError(`wrong type for value; expected bool; got ${typeName(condition)} in call to ternary`);
    return condition ? whenTrue : whenFalse;
  },
};
