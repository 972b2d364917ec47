import type { GoMap } from '../go/values';
import { lookupPath } from './values-lookup';
import { valuesReferences } from './values-references';

/** A `.Values` path read in a template that no values file defines. */
export interface UndefinedValuesReference {
  /** The span of the reference in the template. */
  readonly start: number;
  readonly end: number;
  /** The path as written under `.Values`, dotted: `image.tag`. */
  readonly path: string;
  /** The shortest prefix of the path that is missing, dotted: `image` when there is no `image` at all. */
  readonly missing: string;
}

/**
 * The `.Values` paths a template reads that none of `valuesMaps` defines. Left out, so as never
 * to warn wrongly: reads only inside guards (`if`/`with` on the path or a prefix, `default`,
 * `hasKey`, `empty`, `required`, `coalesce`, `ternary`), reads inside `define`s (whose dot is
 * the caller's), reads found by a text scan of a template that does not parse, and paths with a
 * prefix that some values file sets to something other than a map (a list, a string for `tpl`, null).
 */
export function undefinedValuesReferences(templateText: string, valuesMaps: readonly GoMap[]): UndefinedValuesReference[] {
  const { references, parsed } = valuesReferences(templateText);
  if (!parsed) return [];
  const found: UndefinedValuesReference[] = [];
  for (const reference of references) {
    if (reference.guarded || reference.inDefine || !reference.exact || reference.path.length === 0) continue;
    const lookups = valuesMaps.map((values) => lookupPath(values, reference.path));
    if (lookups.some((lookup) => lookup.kind !== 'missing')) continue;
    const depth = Math.max(0, ...lookups.map((lookup) => (lookup.kind === 'missing' ? lookup.depth : 0)));
    found.push({ start: reference.start, end: reference.end, path: reference.path.join('.'), missing: reference.path.slice(0, depth + 1).join('.') });
  }
  return found;
}
