import type { SourceSpan } from '../go/origin';
import { entrySource, isMap, type GoMap, type GoValue } from '../go/values';

/** What walking a values path through one values map found. */
export type PathLookup =
  | { readonly kind: 'found'; readonly value: GoValue; readonly parent: GoMap; readonly key: string }
  | { readonly kind: 'missing'; readonly depth: number }
  /** A prefix holds something other than a map (a list, a string for `tpl`, null), so the path cannot be judged. */
  | { readonly kind: 'not-a-map'; readonly depth: number };

export function lookupPath(values: GoMap, path: readonly string[]): PathLookup {
  let current: GoValue = values;
  let parent: GoMap = values;
  for (let depth = 0; depth < path.length; depth++) {
    if (!isMap(current)) return { kind: 'not-a-map', depth };
    if (!current.has(path[depth])) return { kind: 'missing', depth };
    parent = current;
    current = current.get(path[depth])!;
  }
  return { kind: 'found', value: current, parent, key: path[path.length - 1] ?? '' };
}

/** Where a key was written in a values file: the key itself, and the whole entry from the key to the end of its value. */
export interface KeyLocation {
  readonly key: SourceSpan;
  readonly entry: SourceSpan;
}

/**
 * The location of `key` in `map`, from the values reader's container sources. The key's end
 * assumes a plain key; a quoted key is found when the values file's text is given.
 */
export function keyLocation(map: GoMap, key: string, valuesText?: string): KeyLocation | undefined {
  const entry = entrySource(map, key);
  if (!entry) return undefined;
  let length = key.length;
  if (valuesText !== undefined) {
    const quote = valuesText[entry.start];
    if ((quote === '"' || quote === "'") && valuesText.slice(entry.start + 1, entry.start + 1 + key.length) === key) length += 2;
  }
  return { key: { uri: entry.uri, start: entry.start, end: Math.min(entry.end, entry.start + length) }, entry };
}
