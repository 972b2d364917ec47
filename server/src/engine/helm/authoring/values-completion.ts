import type { SourceSpan } from '../go/origin';
import { isList, isMap, isString, stringOf, type GoMap, type GoValue } from '../go/values';
import { keyLocation, lookupPath } from './values-lookup';

export interface ValuesCompletion {
  /** The values path whose keys are offered, e.g. `['a']` after `.Values.a.`. */
  readonly path: readonly string[];
  /** The text to replace: the partly typed key before the offset, empty right after the dot. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly items: readonly ValuesCompletionItem[];
}

export interface ValuesCompletionItem {
  readonly key: string;
  readonly kind: 'map' | 'list' | 'scalar';
  /** The value shown: a scalar printed, `{…} 2 keys` for a map, `[…] 3 items` for a list. */
  readonly detail: string;
  /** Where the key was written in values.yaml, when known. */
  readonly keySpan: SourceSpan | undefined;
}

/** `.Values.` or `$.Values.a.` and a partly typed key, right before the offset. */
const BEFORE = /(?:^|[^A-Za-z0-9_.$\])])\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.([A-Za-z_][A-Za-z0-9_]*)?$/;
/** How far back a path can start; longer lines are not values paths anyone types. */
const LOOK_BACK = 512;

/**
 * The keys to offer after `.Values.`/`.Values.a.` (also `$.Values.`) at `offset`, in the
 * order values.yaml writes them, with their values. Undefined when the offset does not follow
 * such a path inside `{{ … }}`, or the path does not lead to a map.
 */
export function valuesCompletion(text: string, offset: number, values: GoMap, valuesText?: string): ValuesCompletion | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const before = text.slice(Math.max(0, offset - LOOK_BACK), offset);
  if (!insideAction(text, offset)) return undefined;
  const match = BEFORE.exec(before);
  if (!match) return undefined;
  const path = match[1] === '' ? [] : match[1].slice(1).split('.');
  const partial = match[2] ?? '';
  const found = lookupPath(values, path);
  if (found.kind !== 'found' || !isMap(found.value)) return undefined;
  const map = found.value;
  const items = [...map.entries()].map(([key, value]) => ({
    key,
    kind: isMap(value) ? ('map' as const) : isList(value) ? ('list' as const) : ('scalar' as const),
    detail: describeValue(value),
    keySpan: keyLocation(map, key, valuesText)?.key,
  }));
  return { path, replaceStart: offset - partial.length, replaceEnd: offset, items };
}

/** Whether the offset is after an unclosed `{{` on the way back. */
function insideAction(text: string, offset: number): boolean {
  const open = text.lastIndexOf('{{', offset - 1);
  if (open < 0) return false;
  const close = text.lastIndexOf('}}', offset - 1);
  return close < open;
}

const MAX_DETAIL = 60;

/** A value as completion shows it. */
export function describeValue(value: GoValue): string {
  if (isMap(value)) return `{…} ${value.size} ${value.size === 1 ? 'key' : 'keys'}`;
  if (isList(value)) return `[…] ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (value === null) return 'null';
  let text: string;
  if (isString(value)) text = JSON.stringify(stringOf(value));
  else text = String(value);
  return text.length > MAX_DETAIL ? text.slice(0, MAX_DETAIL - 1) + '…' : text;
}
