import { typeName, kindName } from '../go/type-names';
import { GoError, isList, isMap, sortedKeys, type GoMap, type GoValue } from '../go/values';
import { deepEqual, isEmpty, mapArg, strval, text, type FunctionGroup } from './common';
import type { CallContext } from './function-table';

/** A deep copy of maps and lists; scalars and ropes are immutable, so they are shared. */
export function deepCopy(value: GoValue): GoValue {
  if (isMap(value)) return new Map([...value].map(([key, element]) => [key, deepCopy(element)]));
  if (isList(value)) return value.map(deepCopy);
  return value;
}

/**
 * The mergo rule Sprig's `merge` follows: a key of `src` fills `dst` where `dst` lacks it or
 * holds a zero value; maps on both sides merge deeply. With `overwrite`, `src` wins instead.
 */
function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean, context: CallContext): void {
  for (const [key, incoming] of src) {
    const present = dst.get(key) ?? null;
    if (isMap(present) && isMap(incoming)) {
      mergeInto(present, incoming, overwrite, context);
      continue;
    }
    if (!dst.has(key) || present === null || (overwrite ? true : isEmpty(present))) {
      context.changing?.(dst);
      dst.set(key, incoming);
    }
  }
}

function merge(functionName: string, overwrite: boolean) {
  return (context: CallContext, dst: GoValue = null, ...sources: GoValue[]): GoValue => {
    const target = mapArg(dst, functionName);
    for (const source of sources) {
      if (source === null) continue;
      mergeInto(target, mapArg(source, functionName), overwrite, context);
    }
    return target;
  };
}

function dig(args: GoValue[]): GoValue {
  if (args.length < 3) throw new GoError('dig: needs at least one key, a default and a map');
  const dict = args[args.length - 1]!;
  const fallback = args[args.length - 2]!;
  let current: GoValue = mapArg(dict, 'dig');
  for (const key of args.slice(0, -2)) {
    if (!isMap(current)) throw new GoError(`interface conversion: interface {} is ${typeName(current)}, not map[string]interface {}`);
    const name = text(key, 'dig');
    if (!current.has(name)) return fallback;
    current = current.get(name) ?? null;
  }
  return current;
}

/** A map parameter that only reads: nil is Go's nil map, empty. */
function readMap(value: GoValue, functionName: string): GoMap {
  return value === null ? new Map() : mapArg(value, functionName);
}

export const dictFunctions: FunctionGroup = {
  dict: (_context, ...pairs) => {
    const out: GoMap = new Map();
    for (let index = 0; index < pairs.length; index += 2) out.set(strval(pairs[index]!), index + 1 < pairs.length ? pairs[index + 1]! : '');
    return out;
  },
  get: (_context, dict = null, key = null) => {
    const map = readMap(dict, 'get');
    const name = text(key, 'get');
    return map.has(name) ? map.get(name)! : '';
  },
  set: (context, dict = null, key = null, value = null) => {
    const map = mapArg(dict, 'set');
    context.changing?.(map);
    return map.set(text(key, 'set'), value);
  },
  unset: (context, dict = null, key = null) => {
    const map = mapArg(dict, 'unset');
    context.changing?.(map);
    map.delete(text(key, 'unset'));
    return map;
  },
  hasKey: (_context, dict = null, key = null) => readMap(dict, 'hasKey').has(text(key, 'hasKey')),
  // Go walks maps in a random order; sorted is one of the orders it could give, and stable.
  keys: (_context, ...dicts) => dicts.flatMap((dict) => sortedKeys(readMap(dict, 'keys'))),
  values: (_context, dict = null) => {
    const map = readMap(dict, 'values');
    return sortedKeys(map).map((key) => map.get(key)!);
  },
  pick: (_context, dict = null, ...names) => {
    const map = readMap(dict, 'pick');
    const out: GoMap = new Map();
    for (const name of names.map((n) => text(n, 'pick'))) if (map.has(name)) out.set(name, map.get(name)!);
    return out;
  },
  omit: (_context, dict = null, ...names) => {
    const map = readMap(dict, 'omit');
    const dropped = new Set(names.map((n) => text(n, 'omit')));
    return new Map([...map].filter(([key]) => !dropped.has(key)));
  },
  pluck: (_context, key = null, ...dicts) => {
    const name = text(key, 'pluck');
    return dicts.map((dict) => readMap(dict, 'pluck')).filter((map) => map.has(name)).map((map) => map.get(name)!);
  },
  dig: (_context, ...args) => dig(args),
  merge: merge('merge', false),
  mustMerge: merge('mustMerge', false),
  mergeOverwrite: merge('mergeOverwrite', true),
  mustMergeOverwrite: merge('mustMergeOverwrite', true),
  deepCopy: (_context, value = null) => deepCopy(value),
  mustDeepCopy: (_context, value = null) => {
    if (value === null) throw new GoError('mustDeepCopy: cannot copy nil');
    return deepCopy(value);
  },
  deepEqual: (_context, a = null, b = null) => deepEqual(a, b),
  typeOf: (_context, value = null) => typeName(value),
  typeIs: (_context, name = null, value = null) => text(name, 'typeIs') === typeName(value),
  typeIsLike: (_context, name = null, value = null) => {
    const wanted = text(name, 'typeIsLike');
    const actual = typeName(value);
    return wanted === actual || wanted === '*' + actual;
  },
  kindOf: (_context, value = null) => kindName(value),
  kindIs: (_context, name = null, value = null) => text(name, 'kindIs') === kindName(value),
};
