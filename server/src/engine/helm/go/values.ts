import type { SourceSpan } from './origin';
import { Rope } from './rope';

/**
 * The values a template computes with, as Go's `interface{}` holds them after Helm reads
 * YAML through JSON:
 * - `null` is nil;
 * - `number` is float64 (every number read from values or YAML), `bigint` is an int
 *   (from `int`, `len`, `add`, `until`…): Go tells them apart in printing and in `eq`;
 * - a string is a JS string, or a `Rope` when it carries its origin;
 * - `Map` is `map[string]interface {}` (keys in insertion order; sort where Go sorts);
 * - an array is `[]interface {}`;
 * - `GoStruct` stands for Helm's objects with fields and methods (`.Release`, `.Files`…);
 * - a function value is what `call` can call.
 */
export type GoValue = null | boolean | number | bigint | string | Rope | GoMap | GoValue[] | GoStruct | GoFunction;

export type GoMap = Map<string, GoValue>;

export type GoFunction = (...args: GoValue[]) => GoValue;

/** A Go struct or pointer with exported fields and methods, such as `.Capabilities`. */
export class GoStruct {
  constructor(
    /** Go's name of the type, for errors and `typeOf`, e.g. `*chartutil.Capabilities`. */
    readonly typeName: string,
    readonly fields: ReadonlyMap<string, GoValue>,
    readonly methods: ReadonlyMap<string, GoFunction> = new Map(),
  ) {}
}

/** An error a template function raises; the evaluator adds the template position Go would print. */
export class GoError extends Error {}

/**
 * Where each entry of a map or list read from a values file was written: for each key or
 * index, the span from the key to the end of its value. Kept beside the data, because the
 * data must stay plain Go values that functions share and mutate as Helm's do.
 */
export interface ContainerSource {
  readonly uri: string;
  readonly entries: Map<string | number, SourceSpan>;
}

const containerSources = new WeakMap<object, ContainerSource>();

export function setContainerSource(container: GoMap | GoValue[], source: ContainerSource): void {
  containerSources.set(container, source);
}

export function containerSourceOf(container: GoValue): ContainerSource | undefined {
  return typeof container === 'object' && container !== null ? containerSources.get(container) : undefined;
}

/** Where an entry of a values map or list was written, when known. */
export function entrySource(container: GoValue, key: string | number): SourceSpan | undefined {
  return containerSourceOf(container)?.entries.get(key);
}

export function isMap(value: GoValue): value is GoMap {
  return value instanceof Map;
}

export function isList(value: GoValue): value is GoValue[] {
  return Array.isArray(value);
}

export function isString(value: GoValue): value is string | Rope {
  return typeof value === 'string' || value instanceof Rope;
}

/** A string value's text. */
export function stringOf(value: string | Rope): string {
  return typeof value === 'string' ? value : value.text;
}

/** Go's truth: false for nil, false, 0, "", and empty maps and lists. */
export function isTrue(value: GoValue): boolean {
  if (value === null || value === false) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (isString(value)) return stringOf(value) !== '';
  if (isMap(value)) return value.size > 0;
  if (isList(value)) return value.length > 0;
  return true;
}

/** The keys of a map in Go's sorted order (byte order of UTF-8, which for these keys is code-unit order). */
export function sortedKeys(map: GoMap): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
