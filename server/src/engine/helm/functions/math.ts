import { atoi, parseGoInt, toFloat64, toInt64 } from '../go/convert';
import { GoError, type GoValue } from '../go/values';
import { text, type FunctionGroup } from './common';

/** Go's int64 arithmetic wraps around instead of growing. */
function wrap(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

function divide(a: GoValue, b: GoValue, remainder: boolean): bigint {
  const divisor = toInt64(b);
  if (divisor === 0n) throw new GoError('runtime error: integer divide by zero');
  const dividend = toInt64(a);
  return wrap(remainder ? dividend % divisor : dividend / divisor);
}

/** Rounds `value` to `places` decimals, rounding up from the fraction `threshold` on, as Sprig's `round` does. */
function round(value: number, places: number, threshold: number): number {
  const scale = 10 ** places;
  const scaled = value * scale;
  const fraction = scaled - Math.trunc(scaled);
  return (fraction >= threshold ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
}

function intReduce(values: GoValue[], pick: (a: bigint, b: bigint) => bigint): bigint {
  return values.map(toInt64).reduce(pick);
}

function floatReduce(values: GoValue[], pick: (a: number, b: number) => number): number {
  return values.map(toFloat64).reduce(pick);
}

export const mathFunctions: FunctionGroup = {
  add: (_context, ...values) => values.reduce<bigint>((sum, value) => wrap(sum + toInt64(value)), 0n),
  add1: (_context, value = null) => wrap(toInt64(value) + 1n),
  sub: (_context, a = null, b = null) => wrap(toInt64(a) - toInt64(b)),
  mul: (_context, a = null, ...rest) => rest.reduce<bigint>((product, value) => wrap(product * toInt64(value)), toInt64(a)),
  div: (_context, a = null, b = null) => divide(a, b, false),
  mod: (_context, a = null, b = null) => divide(a, b, true),
  max: (_context, ...values) => intReduce(values.length ? values : [null], (a, b) => (b > a ? b : a)),
  biggest: (_context, ...values) => intReduce(values.length ? values : [null], (a, b) => (b > a ? b : a)),
  min: (_context, ...values) => intReduce(values.length ? values : [null], (a, b) => (b < a ? b : a)),
  addf: (_context, ...values) => values.reduce<number>((sum, value) => sum + toFloat64(value), 0),
  add1f: (_context, value = null) => toFloat64(value) + 1,
  subf: (_context, a = null, ...rest) => rest.reduce<number>((difference, value) => difference - toFloat64(value), toFloat64(a)),
  mulf: (_context, a = null, ...rest) => rest.reduce<number>((product, value) => product * toFloat64(value), toFloat64(a)),
  // Float division by zero is ±Inf or NaN in Go, not an error.
  divf: (_context, a = null, ...rest) => rest.reduce<number>((quotient, value) => quotient / toFloat64(value), toFloat64(a)),
  maxf: (_context, ...values) => floatReduce(values.length ? values : [null], (a, b) => Math.max(a, b)),
  minf: (_context, ...values) => floatReduce(values.length ? values : [null], (a, b) => Math.min(a, b)),
  floor: (_context, value = null) => Math.floor(toFloat64(value)),
  ceil: (_context, value = null) => Math.ceil(toFloat64(value)),
  round: (_context, value = null, places = null, ...threshold) =>
    round(toFloat64(value), Number(toInt64(places)), threshold.length > 0 ? toFloat64(threshold[0]!) : 0.5),
  int: (_context, value = null) => toInt64(value),
  int64: (_context, value = null) => toInt64(value),
  float64: (_context, value = null) => toFloat64(value),
  atoi: (_context, value = null) => atoi(text(value, 'atoi')),
  // An octal string such as a file mode, as a number.
  toDecimal: (_context, value = null) => parseGoInt('0o' + text(value, 'toDecimal').replace(/^0o?/i, '')) ?? 0n,
  // Deterministic: the low end of the range is always a valid draw.
  randInt: (_context, low = null) => toInt64(low),
};
