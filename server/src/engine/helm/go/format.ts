import { Rope } from './rope';
import { typeName } from './type-names';
import { GoStruct, isList, isMap, sortedKeys, type GoValue } from './values';

/** Splits a finite non-zero float into its shortest round-trip digits and decimal exponent. */
function shortestDigits(value: number, precision?: number): { digits: string; exp: number } {
  const text = precision === undefined ? Math.abs(value).toExponential() : Math.abs(value).toExponential(precision);
  const [mantissa, exponent] = text.split('e');
  return { digits: mantissa.replace('.', ''), exp: Number(exponent) };
}

function exponentSuffix(exp: number, letter: string): string {
  const magnitude = Math.abs(exp);
  return `${letter}${exp < 0 ? '-' : '+'}${magnitude < 10 ? '0' : ''}${magnitude}`;
}

function nonFinite(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

/** Places the point in `digits` for a number whose first digit has decimal exponent `exp`. */
function plainDecimal(digits: string, exp: number): string {
  if (exp < 0) return '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
}

/**
 * `%g` of a float64. Without a precision Go prints the shortest digits that read back the
 * same, and switches to an exponent from 1e+06 up (the decision uses precision 6 then), which
 * is why `{{ 1000000 }}` prints `1e+06` while `{{ 8080 }}` prints `8080`.
 */
export function formatFloatG(value: number, precision?: number, upper = false): string {
  const special = nonFinite(value);
  if (special !== undefined) return special;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return sign + '0';
  const p = precision === undefined ? undefined : Math.max(precision, 1);
  let { digits, exp } = shortestDigits(value, p === undefined ? undefined : p - 1);
  digits = digits.replace(/0+$/, '') || '0';
  let limit = p ?? 6;
  if (p !== undefined && limit > digits.length && digits.length >= exp + 1) limit = digits.length;
  if (exp < -4 || exp >= limit) {
    const mantissa = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + mantissa + exponentSuffix(exp, upper ? 'E' : 'e');
  }
  return sign + plainDecimal(digits, exp);
}

function formatFloatE(value: number, precision: number, upper: boolean): string {
  const special = nonFinite(value);
  if (special !== undefined) return special;
  const [mantissa, exponent] = value.toExponential(Math.min(precision, 100)).split('e');
  return mantissa + exponentSuffix(Number(exponent), upper ? 'E' : 'e');
}

function formatFloatF(value: number, precision: number): string {
  const special = nonFinite(value);
  if (special !== undefined) return special;
  const digits = Math.min(precision, 100);
  if (Math.abs(value) < 1e21) return value.toFixed(digits);
  // toFixed turns to exponents past 1e21; BigInt gives the exact integer digits instead.
  return BigInt(value).toString() + (digits > 0 ? '.' + '0'.repeat(digits) : '');
}

/** Go's `%v` of a value, as `{{ x }}` prints it. */
export function formatValue(value: GoValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatFloatG(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value;
  if (value instanceof Rope) return value.text;
  if (isMap(value)) return `map[${sortedKeys(value).map((key) => `${key}:${formatValue(value.get(key) ?? null)}`).join(' ')}]`;
  if (isList(value)) return `[${value.map(formatValue).join(' ')}]`;
  if (value instanceof GoStruct) {
    const body = `{${[...value.fields.values()].map(formatValue).join(' ')}}`;
    return value.typeName.startsWith('*') ? '&' + body : body;
  }
  return '0xc000010000';
}

/** Go's `strconv.Quote`: double quotes with Go escapes; non-printable runes escaped. */
export function goQuote(text: string, asciiOnly = false): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (char === '\x07') out += '\\a';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (char === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (asciiOnly && code > 0x7e) out += code > 0xffff ? '\\U' + code.toString(16).padStart(8, '0') : '\\u' + code.toString(16).padStart(4, '0');
    else if ((code >= 0x80 && code < 0xa0) || code === 0xfeff || (code >= 0xd800 && code < 0xe000)) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += char;
  }
  return out + '"';
}

function quoteRune(code: number): string {
  const char = String.fromCodePoint(code);
  if (char === "'") return "'\\''";
  if (char === '"') return `'"'`;
  return "'" + goQuote(char).slice(1, -1) + "'";
}

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  zero: boolean;
  sharp: boolean;
  width: number | undefined;
  precision: number | undefined;
  verb: string;
}

function pad(text: string, spec: Spec, numeric: boolean): string {
  if (spec.width === undefined || text.length >= spec.width) return text;
  const fill = spec.width - text.length;
  if (spec.minus) return text + ' '.repeat(fill);
  if (spec.zero && numeric) {
    const signLength = /^[+\- ]/.test(text) ? 1 : 0;
    return text.slice(0, signLength) + '0'.repeat(fill) + text.slice(signLength);
  }
  return (spec.zero && !numeric ? '0' : ' ').repeat(fill) + text;
}

function signed(text: string, negative: boolean, spec: Spec): string {
  if (negative) return '-' + text;
  if (spec.plus) return '+' + text;
  if (spec.space) return ' ' + text;
  return text;
}

function bad(spec: Spec, value: GoValue): string {
  return value === null ? `%!${spec.verb}(<nil>)` : `%!${spec.verb}(${typeName(value)}=${formatValue(value)})`;
}

function formatInteger(value: bigint, spec: Spec): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  let digits: string;
  switch (spec.verb) {
    case 'd':
    case 'v':
      digits = magnitude.toString();
      break;
    case 'x':
      digits = (spec.sharp ? '0x' : '') + magnitude.toString(16);
      break;
    case 'X':
      digits = (spec.sharp ? '0X' : '') + magnitude.toString(16).toUpperCase();
      break;
    case 'o':
      digits = (spec.sharp ? '0' : '') + magnitude.toString(8);
      break;
    case 'O':
      digits = '0o' + magnitude.toString(8);
      break;
    case 'b':
      digits = magnitude.toString(2);
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(value)), spec, false);
    case 'q':
      return pad(quoteRune(Number(value)), spec, false);
    case 'U': {
      const hex = magnitude.toString(16).toUpperCase().padStart(4, '0');
      return pad(`U+${hex}${spec.sharp ? ` '${String.fromCodePoint(Number(value))}'` : ''}`, spec, false);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return bad(spec, value);
    default:
      return bad(spec, value);
  }
  if (spec.precision !== undefined) digits = digits.padStart(spec.precision, '0');
  return pad(signed(digits, negative, spec), spec, spec.precision === undefined);
}

function formatFloat(value: number, spec: Spec): string {
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  let text: string;
  switch (spec.verb) {
    case 'v':
    case 'g':
    case 'G':
      text = formatFloatG(magnitude, spec.precision, spec.verb === 'G');
      break;
    case 'e':
    case 'E':
      text = formatFloatE(magnitude, spec.precision ?? 6, spec.verb === 'E');
      break;
    case 'f':
    case 'F':
      text = formatFloatF(magnitude, spec.precision ?? 6);
      break;
    default:
      return bad(spec, value);
  }
  if (Number.isNaN(value)) return pad(spec.plus ? '+NaN' : spec.space ? ' NaN' : 'NaN', spec, false);
  if (text === '+Inf') return pad(negative ? '-Inf' : spec.plus ? '+Inf' : spec.space ? ' Inf' : '+Inf', spec, false);
  return pad(signed(text, negative, spec), spec, true);
}

function formatString(text: string, spec: Spec): string {
  const limited = spec.precision === undefined ? text : [...text].slice(0, spec.precision).join('');
  switch (spec.verb) {
    case 'v':
    case 's':
      return pad(limited, spec, false);
    case 'q':
      return pad(spec.sharp && !limited.includes('`') ? '`' + limited + '`' : goQuote(limited, spec.plus), spec, false);
    case 'x':
    case 'X': {
      let hex = [...new TextEncoder().encode(limited)].map((byte) => byte.toString(16).padStart(2, '0')).join(spec.space ? ' ' : '');
      if (spec.verb === 'X') hex = hex.toUpperCase();
      return pad(hex, spec, false);
    }
    default:
      return pad(limited, spec, false);
  }
}

function formatOne(value: GoValue, spec: Spec): string {
  if (spec.verb === 'T') return pad(typeName(value), spec, false);
  if (value === null) return spec.verb === 'v' ? pad('<nil>', spec, false) : bad(spec, value);
  if (typeof value === 'boolean') return spec.verb === 'v' || spec.verb === 't' ? pad(String(value), spec, false) : bad(spec, value);
  if (typeof value === 'bigint') return formatInteger(value, spec);
  if (typeof value === 'number') return formatFloat(value, spec);
  if (typeof value === 'string' || value instanceof Rope) {
    return 'vsqxX'.includes(spec.verb) ? formatString(typeof value === 'string' ? value : value.text, spec) : bad(spec, value);
  }
  // Go applies the verb to every element of a slice or map.
  if (isList(value)) return pad(`[${value.map((item) => formatOne(item, { ...spec, width: undefined })).join(' ')}]`, spec, false);
  if (isMap(value)) {
    const inner = { ...spec, width: undefined };
    return pad(`map[${sortedKeys(value).map((key) => `${formatOne(key, inner)}:${formatOne(value.get(key) ?? null, inner)}`).join(' ')}]`, spec, false);
  }
  if (spec.verb === 'v' || spec.verb === 's') return pad(formatValue(value), spec, false);
  return bad(spec, value);
}

/** Go's `fmt.Sprintf`, with its in-band reports of wrong, missing and extra arguments. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let next = 0;
  let reordered = false;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    i = percent + 1;
    const spec: Spec = { minus: false, plus: false, space: false, zero: false, sharp: false, width: undefined, precision: undefined, verb: '' };
    for (; i < format.length; i++) {
      const flag = format[i];
      if (flag === '-') spec.minus = true;
      else if (flag === '+') spec.plus = true;
      else if (flag === ' ') spec.space = true;
      else if (flag === '0') spec.zero = !spec.minus;
      else if (flag === '#') spec.sharp = true;
      else break;
    }
    const argIndex = (): void => {
      const match = /^\[(\d+)\]/.exec(format.slice(i));
      if (match) {
        next = Number(match[1]) - 1;
        reordered = true;
        i += match[0].length;
      }
    };
    const number = (): number | undefined => {
      argIndex();
      if (format[i] === '*') {
        i++;
        const arg = args[next++];
        return typeof arg === 'bigint' ? Number(arg) : undefined;
      }
      const match = /^\d+/.exec(format.slice(i));
      if (!match) return undefined;
      i += match[0].length;
      return Number(match[0]);
    };
    spec.width = number();
    if (spec.width !== undefined && spec.width < 0) {
      spec.minus = true;
      spec.width = -spec.width;
    }
    if (format[i] === '.') {
      i++;
      spec.precision = number() ?? 0;
    }
    argIndex();
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    spec.verb = verb;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[next++];
    out += 'vTtsqdxXobOcUeEfFgG'.includes(verb) ? formatOne(arg, spec) : bad(spec, arg);
  }
  if (!reordered && next < args.length) {
    out += '%!(EXTRA ' + args.slice(next).map((arg) => (arg === null ? '<nil>' : `${typeName(arg)}=${formatValue(arg)}`)).join(', ') + ')';
  }
  return out;
}
