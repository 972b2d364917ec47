import { Rope } from './rope';
import { GoStruct, type GoValue } from './values';

/** Go's `%T` of a value, as `typeOf` prints it and `typeIs` compares it. */
export function typeName(value: GoValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'float64';
  // Ints made by templates are Go `int`; int64 is indistinguishable in our model, and `int` is what charts test for.
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'string' || value instanceof Rope) return 'string';
  if (value instanceof Map) return 'map[string]interface {}';
  if (Array.isArray(value)) return '[]interface {}';
  if (value instanceof GoStruct) return value.typeName;
  return 'func(...interface {}) interface {}';
}

/** Go's `reflect.Kind` name of a value, as `kindOf` prints it and `kindIs` compares it. */
export function kindName(value: GoValue): string {
  if (value === null) return 'invalid';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'string' || value instanceof Rope) return 'string';
  if (value instanceof Map) return 'map';
  if (Array.isArray(value)) return 'slice';
  if (value instanceof GoStruct) return value.typeName.startsWith('*') ? 'ptr' : 'struct';
  return 'func';
}
