import { formatValue } from '../go/format';
import { Rope } from '../go/rope';
import { typeName } from '../go/type-names';
import { GoError, isList, isMap, stringOf, type GoValue } from '../go/values';
import type { TemplateFunction } from './function-table';

/** A theme's functions by name, merged into the table by `helmFunctions`. */
export type FunctionGroup = Record<string, TemplateFunction>;

/** Sprig's `strval`: strings as they are, everything else as Go's `%v` prints it. */
export function strval(value: GoValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Rope) return value.text;
  return formatValue(value);
}

/**
 * A Go `string` parameter. Text/template would refuse other types; nil is let through as ""
 * because a missing value reaches a function as the zero value.
 */
export function text(value: GoValue, functionName: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Rope) return value.text;
  throw new GoError(`wrong type for value; expected string; got ${typeName(value)} in call to ${functionName}`);
}

/** A string parameter kept as a rope, so functions that pass text through keep its origins. */
export function ropeOf(value: GoValue, functionName: string): Rope {
  if (value instanceof Rope) return value;
  return Rope.of(text(value, functionName));
}

/** The result of slicing a rope: plain text when the input was plain. */
export function sameKind(input: GoValue, result: Rope): string | Rope {
  return input instanceof Rope ? result : result.text;
}

/** A Go `int` parameter: text/template converts ints and integral values, and rejects the rest. */
export function intArg(value: GoValue, functionName: string): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new GoError(`wrong type for value; expected int; got ${typeName(value)} in call to ${functionName}`);
}


/** Sprig's notion of empty: the zero value of its type, so `false`, `0` and `""` count. */
export function isEmpty(value: GoValue): boolean {
  if (value === null) return true;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value === 0;
  if (typeof value === 'bigint') return value === 0n;
  if (typeof value === 'string' || value instanceof Rope) return stringOf(value) === '';
  if (isMap(value)) return value.size === 0;
  if (isList(value)) return value.length === 0;
  return false;
}

/** Sprig's `strslice`: a list's non-nil elements as strings, or a lone value as a one-element list. */
export function stringList(value: GoValue): string[] {
  if (value === null) return [];
  if (isList(value)) return value.filter((element) => element !== null).map(strval);
  return [strval(value)];
}

/** Go's `reflect.DeepEqual` for template values; ropes compare as their text. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a instanceof Rope) a = a.text;
  if (b instanceof Rope) b = b.text;
  if (a === b) return true;
  if (isList(a) && isList(b)) return a.length === b.length && a.every((element, index) => deepEqual(element, b[index] ?? null));
  if (isMap(a) && isMap(b)) {
    if (a.size !== b.size) return false;
    for (const [key, element] of a) if (!b.has(key) || !deepEqual(element, b.get(key) ?? null)) return false;
    return true;
  }
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b) ? false : a === b;
  return false;
}

/** A list parameter of Sprig's list functions, which fail on anything else with this wording. */
export function listArg(value: GoValue, action: string): GoValue[] {
  if (isList(value)) return value;
  throw new GoError(`Cannot ${action} on type ${typeName(value)}`);
}

export function mapArg(value: GoValue, functionName: string): Map<string, GoValue> {
  if (isMap(value)) return value;
  throw new GoError(`wrong type for value; expected map[string]interface {}; got ${typeName(value)} in call to ${functionName}`);
}
