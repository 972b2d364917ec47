/**
 * Kubernetes resource quantities (`500m`, `1Gi`, `1e3`), read as the API server reads them
 * (k8s.io/apimachinery `resource.ParseQuantity`): exactly, with no floating point, so that
 * `1Gi` and `1073741824` are equal and `0.5` is `500m`.
 */

/**
 * A parsed quantity: `mantissa × 10^scale` billionths, the API server's precision. The mantissa
 * has no trailing zeros, which keeps `1e999999` small.
 */
export interface Quantity {
  mantissa: bigint;
  scale: number;
}

const DECIMAL_EXPONENTS: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXPONENTS: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
/** Sign, digits, fraction, then a suffix: letters, or `e`/`E` and a signed integer. */
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?([eE][+-]?\d+|[a-zA-Z]*)$/;
/** The API server caps binary quantities at the largest int64. */
const MAX_BINARY_NANOS = 9223372036854775807n * 10n ** 9n;
/** Go reads the exponent into an int32. */
const MAX_EXPONENT = 2 ** 31 - 1;

/** The quantity a YAML value spells, or undefined when the API server would not parse it. */
export function parseQuantity(value: unknown): Quantity | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? parseText(String(value)) : undefined;
  return typeof value === 'string' ? parseText(value) : undefined;
}

function parseText(text: string): Quantity | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = '', suffix] = match;
  // The API server reads a lone '.' or sign as zero; nobody writes that meaning zero.
  if (whole === '' && fraction === '') return undefined;
  const unit = unitOf(suffix);
  if (!unit) return undefined;
  const digits = BigInt(whole + fraction);
  const exponent = unit.decimal - fraction.length + 9;
  let nanos = roundUp(digits * 2n ** BigInt(unit.binary), exponent);
  if (unit.binary > 0 && nanos.mantissa * 10n ** BigInt(nanos.scale) > MAX_BINARY_NANOS) {
    nanos = normalized(MAX_BINARY_NANOS, 0);
  }
  return sign === '-' ? { mantissa: -nanos.mantissa, scale: nanos.scale } : nanos;
}

function unitOf(suffix: string): { decimal: number; binary: number } | undefined {
  if (Object.hasOwn(DECIMAL_EXPONENTS, suffix)) return { decimal: DECIMAL_EXPONENTS[suffix], binary: 0 };
  if (Object.hasOwn(BINARY_EXPONENTS, suffix)) return { decimal: 0, binary: BINARY_EXPONENTS[suffix] };
  if (!/^[eE][+-]?\d+$/.test(suffix)) return undefined;
  const exponent = Number(suffix.slice(1));
  return Math.abs(exponent) <= MAX_EXPONENT ? { decimal: exponent, binary: 0 } : undefined;
}

/**
 * `value × 10^exponent` as whole billionths, rounded away from zero as the API server does, so
 * that no non-zero amount becomes zero.
 */
function roundUp(value: bigint, exponent: number): Quantity {
  if (value === 0n) return { mantissa: 0n, scale: 0 };
  if (exponent >= 0) return normalized(value, exponent);
  // Dividing by more than the value's digits leaves a fraction below one, which rounds to one.
  if (-exponent > value.toString().length) return { mantissa: 1n, scale: 0 };
  const divisor = 10n ** BigInt(-exponent);
  return normalized((value + divisor - 1n) / divisor, 0);
}

function normalized(mantissa: bigint, scale: number): Quantity {
  if (mantissa === 0n) return { mantissa, scale: 0 };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale++;
  }
  return { mantissa, scale };
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const signA = signOf(a.mantissa);
  const signB = signOf(b.mantissa);
  if (signA !== signB || signA === 0) return signA - signB;
  const magnitude = (quantity: Quantity) => absolute(quantity.mantissa).toString().length + quantity.scale;
  const difference = magnitude(a) - magnitude(b);
  if (difference !== 0) return Math.sign(difference) * signA;
  // Same magnitude: the scales differ by less than the digits, so aligning them stays small.
  const scale = Math.min(a.scale, b.scale);
  const left = a.mantissa * 10n ** BigInt(a.scale - scale);
  const right = b.mantissa * 10n ** BigInt(b.scale - scale);
  return left === right ? 0 : left < right ? -1 : 1;
}

function signOf(value: bigint): number {
  return value > 0n ? 1 : value < 0n ? -1 : 0;
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}
