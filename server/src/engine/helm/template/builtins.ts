import { formatValue, sprintf } from '../go/format';
import { Rope } from '../go/rope';
import { typeName } from '../go/type-names';
import { GoError, isList, isMap, isString, isTrue, stringOf, type GoValue } from '../go/values';

/** Go's own template functions, apart from `and` and `or`, which the evaluator runs lazily. */
export type Builtin = (args: GoValue[]) => GoValue;

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'other';

function kindOf(value: GoValue): Kind {
  if (value === null) return 'invalid';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float';
  if (isString(value)) return 'string';
  return 'other';
}

function plain(value: GoValue): GoValue {
  return value instanceof Rope ? value.text : value;
}

function eq(args: GoValue[]): boolean {
  if (args.length < 2) throw new GoError('missing argument for comparison');
  const first = plain(args[0]);
  const firstKind = kindOf(first);
  for (const raw of args.slice(1)) {
    const arg = plain(raw);
    const kind = kindOf(arg);
    if (firstKind !== kind) {
      if (first !== null && arg !== null) throw new GoError('incompatible types for comparison');
      continue;
    }
    if (kind === 'other') {
      if (isMap(first) || isList(first) || isMap(arg) || isList(arg)) throw new GoError(`non-comparable type ${formatValue(arg)}: ${typeName(arg)}`);
      if (first === arg) return true;
      continue;
    }
    if (first === arg) return true;
  }
  return false;
}

function compare(args: GoValue[]): number {
  if (args.length !== 2) throw new GoError(`wrong number of args: want 2 got ${args.length}`);
  const [a, b] = args.map(plain);
  const kindA = kindOf(a);
  const kindB = kindOf(b);
  if (kindA === 'invalid' || kindA === 'bool' || kindA === 'other' || kindB === 'invalid' || kindB === 'bool' || kindB === 'other') throw new GoError('invalid type for comparison');
  if (kindA !== kindB) throw new GoError('incompatible types for comparison');
  return (a as never) < (b as never) ? -1 : (a as never) > (b as never) ? 1 : 0;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function length(args: GoValue[]): GoValue {
  const [item] = args;
  if (item === null) throw new GoError('len of nil pointer');
  if (isString(item)) return BigInt(utf8Length(stringOf(item)));
  if (isMap(item)) return BigInt(item.size);
  if (isList(item)) return BigInt(item.length);
  throw new GoError(`len of type ${typeName(item)}`);
}

function toIndex(value: GoValue, what: string): number {
  if (typeof value !== 'bigint') throw new GoError(`cannot index ${what} with type ${typeName(value)}`);
  return Number(value);
}

/** Follows `index` keys through maps and lists: the evaluator reuses it to find a value's source. */
export function indexStep(item: GoValue, key: GoValue): GoValue {
  if (item === null) throw new GoError('index of untyped nil');
  if (isMap(item)) {
    if (!isString(key)) throw new GoError(`value has type ${typeName(key)}; should be string`);
    return item.get(stringOf(key)) ?? null;
  }
  if (isList(item) || isString(item)) {
    const index = toIndex(key, 'slice/array');
    const size = isList(item) ? item.length : utf8Length(stringOf(item));
    if (index < 0 || index >= size) throw new GoError(`index out of range: ${index}`);
    return isList(item) ? item[index] : BigInt(new TextEncoder().encode(stringOf(item))[index]);
  }
  throw new GoError(`can't index item of type ${typeName(item)}`);
}

function slice(args: GoValue[]): GoValue {
  const [item, ...bounds] = args;
  if (item === null) throw new GoError('slice of untyped nil');
  if (bounds.length > 3) throw new GoError(`too many slice indexes: ${bounds.length}`);
  if (!isList(item) && !isString(item)) throw new GoError(`can't slice item of type ${typeName(item)}`);
  if (isString(item) && bounds.length === 3) throw new GoError('cannot 3-index slice a string');
  const size = isList(item) ? item.length : utf8Length(stringOf(item));
  const indexes = bounds.map((bound) => toIndex(bound, 'slice/array'));
  const from = indexes[0] ?? 0;
  const to = indexes[1] ?? size;
  if (from < 0 || to > size || from > to) throw new GoError(`invalid slice index: ${from} > ${to}`);
  if (isList(item)) return item.slice(from, to);
  return new TextDecoder().decode(new TextEncoder().encode(stringOf(item)).slice(from, to));
}

/** fmt.Sprint: a space between operands when neither is a string. */
export function sprint(args: GoValue[]): string {
  let out = '';
  args.forEach((arg, index) => {
    if (index > 0 && !isString(arg) && !isString(args[index - 1])) out += ' ';
    out += formatValue(arg);
  });
  return out;
}

/** Go's escapers take one string as it is, or print several values first. */
function evalArgs(args: GoValue[]): string {
  return args.length === 1 && isString(args[0]) ? stringOf(args[0]) : sprint(args);
}

function html(args: GoValue[]): string {
  return evalArgs(args).replace(/[<>&'"\0]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[char]!);
}

function js(args: GoValue[]): string {
  let out = '';
  for (const char of evalArgs(args)) {
    const code = char.codePointAt(0)!;
    if (char === '\\' || char === "'" || char === '"') out += '\\' + char;
    else if (char === '<' || char === '>' || char === '&' || char === '=' || code < 0x20) out += '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
    else out += char;
  }
  return out;
}

function urlquery(args: GoValue[]): string {
  return [...new TextEncoder().encode(evalArgs(args))]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      if (/[A-Za-z0-9\-_.~]/.test(char)) return char;
      if (char === ' ') return '+';
      return '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    })
    .join('');
}

function call(args: GoValue[]): GoValue {
  const [fn, ...rest] = args;
  if (fn === null) throw new GoError('call of nil');
  if (typeof fn !== 'function') throw new GoError(`non-function of type ${typeName(fn)}`);
  return fn(...rest) ?? null;
}

export const builtins: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['not', (args) => !isTrue(args[0] ?? null)],
  ['eq', eq],
  ['ne', (args) => {
    if (args.length !== 2) throw new GoError(`wrong number of args for ne: want 2 got ${args.length}`);
    return !eq(args);
  }],
  ['lt', (args) => compare(args) < 0],
  ['le', (args) => compare(args) <= 0],
  ['gt', (args) => compare(args) > 0],
  ['ge', (args) => compare(args) >= 0],
  ['len', length],
  ['index', (args) => args.slice(1).reduce<GoValue>((item, key) => indexStep(item, key), args[0] ?? null)],
  ['slice', slice],
  ['print', sprint],
  ['printf', (args) => (isString(args[0] ?? null) ? sprintf(stringOf(args[0] as string), args.slice(1)) : sprint(args))],
  ['println', (args) => args.map(formatValue).join(' ') + '\n'],
  ['html', html],
  ['js', js],
  ['urlquery', urlquery],
  ['call', call],
]);

/** Names the parser accepts without a function table entry. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set([...builtins.keys(), 'and', 'or']);

