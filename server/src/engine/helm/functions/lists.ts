import { Rope } from '../go/rope';
import { GoError, isList, type GoValue } from '../go/values';
import { deepEqual, intArg, isEmpty, listArg, stringList, strval, text, type FunctionGroup } from './common';
import { toInt64 } from '../go/convert';

/** The most elements `until`, `untilStep` and `seq` build, so a hostile count cannot exhaust memory. */
export const MAX_SEQUENCE_LENGTH = 1_000_000;

/** Sprig's `chunk`: the list cut into lists of `size`, the last one shorter. */
function chunks(size: GoValue, items: GoValue, functionName: string): GoValue[][] {
  const n = intArg(size, functionName);
  const values = list(items, 'chunk');
  if (n <= 0) throw new GoError('chunk size must be positive');
  const out: GoValue[][] = [];
  for (let index = 0; index < values.length; index += n) out.push(values.slice(index, index + n));
  return out;
}

function sequence(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  if (step === 0n) return out;
  for (let value = start; step > 0n ? value < stop : value > stop; value += step) {
    if (out.length >= MAX_SEQUENCE_LENGTH) throw new GoError(`a sequence of more than ${MAX_SEQUENCE_LENGTH} numbers is not rendered`);
    out.push(value);
  }
  return out;
}

/** Sprig's list functions panic, and Helm reports the panic, on anything but a list; nil too. */
function list(value: GoValue, action: string): GoValue[] {
  return listArg(value, action);
}

function dedupe(values: GoValue[]): GoValue[] {
  const out: GoValue[] = [];
  for (const value of values) if (!out.some((kept) => deepEqual(kept, value))) out.push(value);
  return out;
}

export const listFunctions: FunctionGroup = {
  list: (_context, ...items) => [...items],
  append: (_context, items = null, value = null) => [...list(items, 'append'), value],
  push: (_context, items = null, value = null) => [...list(items, 'push'), value],
  mustAppend: (_context, items = null, value = null) => [...list(items, 'append'), value],
  mustPush: (_context, items = null, value = null) => [...list(items, 'push'), value],
  prepend: (_context, items = null, value = null) => [value, ...list(items, 'prepend')],
  mustPrepend: (_context, items = null, value = null) => [value, ...list(items, 'prepend')],
  first: (_context, items = null) => (list(items, 'find first').length > 0 ? (items as GoValue[])[0]! : null),
  mustFirst: (_context, items = null) => (list(items, 'find first').length > 0 ? (items as GoValue[])[0]! : null),
  last: (_context, items = null) => {
    const values = list(items, 'find last');
    return values.length > 0 ? values[values.length - 1]! : null;
  },
  mustLast: (_context, items = null) => {
    const values = list(items, 'find last');
    return values.length > 0 ? values[values.length - 1]! : null;
  },
  rest: (_context, items = null) => (list(items, 'find rest').length > 0 ? (items as GoValue[]).slice(1) : null),
  mustRest: (_context, items = null) => (list(items, 'find rest').length > 0 ? (items as GoValue[]).slice(1) : null),
  initial: (_context, items = null) => (list(items, 'find initial').length > 0 ? (items as GoValue[]).slice(0, -1) : null),
  mustInitial: (_context, items = null) => (list(items, 'find initial').length > 0 ? (items as GoValue[]).slice(0, -1) : null),
  reverse: (_context, items = null) => [...list(items, 'find reverse')].reverse(),
  mustReverse: (_context, items = null) => [...list(items, 'find reverse')].reverse(),
  uniq: (_context, items = null) => dedupe(list(items, 'find uniq')),
  mustUniq: (_context, items = null) => dedupe(list(items, 'find uniq')),
  without: (_context, items = null, ...omit) => list(items, 'find without').filter((value) => !omit.some((o) => deepEqual(o, value))),
  mustWithout: (_context, items = null, ...omit) => list(items, 'find without').filter((value) => !omit.some((o) => deepEqual(o, value))),
  has: (_context, needle = null, haystack = null) => (haystack === null ? false : list(haystack, 'find has').some((value) => deepEqual(value, needle))),
  mustHas: (_context, needle = null, haystack = null) => (haystack === null ? false : list(haystack, 'find has').some((value) => deepEqual(value, needle))),
  compact: (_context, items = null) => list(items, 'compact').filter((value) => !isEmpty(value)),
  mustCompact: (_context, items = null) => list(items, 'compact').filter((value) => !isEmpty(value)),
  concat: (_context, ...lists) => lists.flatMap((value) => (isList(value) ? value : [value])),
  chunk: (_context, size = null, items = null) => chunks(size, items, 'chunk'),
  mustChunk: (_context, size = null, items = null) => chunks(size, items, 'mustChunk'),
  // Sprig's `slice` replaces Go's builtin in Helm: a missing end means the end of the list.
  slice: (_context, items = null, ...indexes) => {
    if (typeof items === 'string' || items instanceof Rope) {
      const value = typeof items === 'string' ? items : items.text;
      const start = indexes.length > 0 ? Number(toInt64(indexes[0]!)) : 0;
      const end = indexes.length > 1 ? Number(toInt64(indexes[1]!)) : value.length;
      return value.slice(start, end);
    }
    const values = list(items, 'slice');
    const start = indexes.length > 0 ? Number(toInt64(indexes[0]!)) : 0;
    const end = indexes.length > 1 ? Number(toInt64(indexes[1]!)) : values.length;
    if (start < 0 || end > values.length || start > end) throw new GoError(`slice bounds out of range [${start}:${end}] with capacity ${values.length}`);
    return values.slice(start, end);
  },
  sortAlpha: (_context, items = null) => {
    const values = isList(items) ? stringList(items) : [strval(items)];
    return values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  },
  until: (_context, count = null) => sequence(0n, toInt64(count), toInt64(count) >= 0n ? 1n : -1n),
  untilStep: (_context, start = null, stop = null, step = null) => sequence(toInt64(start), toInt64(stop), toInt64(step)),
  seq: (_context, ...params) => {
    const numbers = params.map(toInt64);
    const [a, b, c] = numbers;
    let values: bigint[];
    if (numbers.length === 0) return '';
    if (numbers.length === 1) values = sequence(1n, a! + 1n, 1n);
    else if (numbers.length === 2) values = a! <= b! ? sequence(a!, b! + 1n, 1n) : sequence(a!, b! - 1n, -1n);
    // Like GNU seq, three numbers are first, increment, last.
    else if (numbers.length === 3) values = b! === 0n ? [] : sequence(a!, b! > 0n ? c! + 1n : c! - 1n, b!);
    else return '';
    return values.map(String).join(' ');
  },
  splitList: (_context, separator = null, s = null) => splitGo(text(s, 'splitList'), text(separator, 'splitList'), -1),
  split: (_context, separator = null, s = null) => indexMap(splitGo(text(s, 'split'), text(separator, 'split'), -1)),
  splitn: (_context, separator = null, count = null, s = null) => indexMap(splitGo(text(s, 'splitn'), text(separator, 'splitn'), intArg(count, 'splitn'))),
  join: (_context, separator = null, items = null) => stringList(items).join(text(separator, 'join')),
  toStrings: (_context, items = null) => stringList(items),
};

/** Go's `strings.SplitN`: an empty separator splits between characters; n < 0 means no limit. */
export function splitGo(value: string, separator: string, limit: number): string[] {
  if (limit === 0) return [];
  if (separator === '') {
    const chars = [...value];
    if (limit < 0 || limit >= chars.length) return chars;
    return [...chars.slice(0, limit - 1), chars.slice(limit - 1).join('')];
  }
  const parts = value.split(separator);
  if (limit < 0 || parts.length <= limit) return parts;
  return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(separator)];
}

function indexMap(parts: string[]): Map<string, GoValue> {
  return new Map(parts.map((part, index) => [`_${index}`, part]));
}
