import { Rope } from './rope';
import { GoError, type GoValue } from './values';

/**
 * Conversions with the leniency of spf13/cast, which Sprig's `int`, `int64`, `float64` and
 * `atoi` rely on: anything that does not convert becomes zero rather than an error.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's `strconv.ParseInt(s, 0, 64)`: a sign, then a 0x/0o/0b prefix, a leading-0 octal or decimal, with `_` separators only after a prefix. */
export function parseGoInt(text: string): bigint | undefined {
  let rest = text;
  let negative = false;
  if (rest.startsWith('+') || rest.startsWith('-')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  let digits: RegExp;
  let prefix = '';
  const lower = rest.toLowerCase();
  if (lower.startsWith('0x')) [digits, prefix, rest] = [/^[0-9a-f]+$/i, '0x', rest.slice(2)];
  else if (lower.startsWith('0o')) [digits, prefix, rest] = [/^[0-7]+$/, '0o', rest.slice(2)];
  else if (lower.startsWith('0b')) [digits, prefix, rest] = [/^[01]+$/, '0b', rest.slice(2)];
  else if (rest.length > 1 && rest.startsWith('0')) [digits, prefix, rest] = [/^[0-7]+$/, '0o', rest.slice(1)];
  else digits = /^[0-9]+$/;
  if (prefix !== '' && rest.includes('_')) rest = rest.replace(/_/g, '');
  if (!digits.test(rest)) return undefined;
  const magnitude = BigInt(prefix + rest);
  const result = negative ? -magnitude : magnitude;
  return result < INT64_MIN || result > INT64_MAX ? undefined : result;
}

/** Go's `strconv.ParseFloat(s, 64)` for the forms values hold. */
export function parseGoFloat(text: string): number | undefined {
  const trimmed = text;
  if (/^[+-]?(inf|infinity)$/i.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(trimmed)) return NaN;
  if (/^[+-]?0x/i.test(trimmed)) {
    const parsed = parseGoInt(trimmed);
    return parsed === undefined ? undefined : Number(parsed);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  return Number(trimmed);
}

function wrapInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** cast.ToInt64: floats truncate toward zero, strings parse with Go's base prefixes, "3.0" loses its zero decimals, failures give 0. */
export function toInt64(value: GoValue): bigint {
  if (value === null) return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return INT64_MIN;
    return wrapInt64(BigInt(Math.trunc(value)));
  }
  if (typeof value === 'string' || value instanceof Rope) {
    // cast accepts "8.00" as 8 but not "8.5".
    const text = (typeof value === 'string' ? value : value.text).replace(/^([+-]?\d+)\.0*$/, '$1');
    return parseGoInt(text) ?? 0n;
  }
  return 0n;
}

/** Sprig's int math wants int64; Go's `int` is the same width on the platforms Helm ships for. */
export const toInt = toInt64;

/** cast.ToFloat64: strings parse as Go floats, failures give 0. */
export function toFloat64(value: GoValue): number {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || value instanceof Rope) return parseGoFloat(typeof value === 'string' ? value : value.text) ?? 0;
  return 0;
}

/** Go's `strconv.Atoi`, as Sprig's `atoi` uses it: a decimal int or 0. */
export function atoi(value: string): bigint {
  if (!/^[+-]?\d+$/.test(value)) return 0n;
  const parsed = BigInt(value);
  return parsed < INT64_MIN || parsed > INT64_MAX ? 0n : parsed;
}

/** Throws unless a value is a string, for functions whose Go parameter is `string`. */
export function requireString(value: GoValue, functionName: string, position: number): string {
  if (typeof value === 'string') return value;
  if (value instanceof Rope) return value.text;
  throw new GoError(`wrong type for value; expected string; got ${describeForError(value)} (argument ${position} of ${functionName})`);
}

function describeForError(value: GoValue): string {
  if (value === null) return 'invalid value';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'boolean') return 'bool';
  if (value instanceof Map) return 'map[string]interface {}';
  if (Array.isArray(value)) return '[]interface {}';
  return 'interface {}';
}
