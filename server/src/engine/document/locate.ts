import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { contentOf, offsetAt, parseDocumentAt } from './document-at';
import { documentSpanAt } from './document-spans';
import { currentTextOf, resourcesOf, type Resource } from './resource';
import type { SourceFile } from './source-file';
import type { Position, Range } from '../types';
import { isMergePair, spanOf, type PathSegment } from './yaml-nodes';

/** What the cursor is on: a field's key, or a value (a field's value or a list item). */
export type CursorRole = 'key' | 'value';

export interface Location {
  /** The Kubernetes object holding the cursor; for a `kind: List`, the item. */
  resource: Resource;
  /**
   * From the object's root to the node under the cursor: mapping keys and list indexes, such
   * as `['spec', 'template', 'spec', 'containers', 0, 'image']`.
   */
  path: PathSegment[];
  role: CursorRole;
  /** The key or value scalar, or the alias, under the cursor. */
  node: Node;
  range: Range;
}

/**
 * The object, field path and key-or-value under a position of a file. Aliases are not
 * followed (the cursor is on the alias, at the path where it is written), flow collections
 * are walked like block ones, and each document of the file, or item of a `kind: List`, is
 * its own object. A document the file could not parse as a whole is parsed on its own, so
 * that an error elsewhere in it does not silence the answer.
 */
export function locate(file: SourceFile, position: Position): Location | undefined {
  if (file.skipped) return undefined;
  const offset = offsetAt(file.text, position);
  const resource = resourceAt(file, offset);
  if (!resource) return undefined;
  const hit = nodeAt(resource.node, offset, []);
  const span = spanOf(hit?.node);
  if (!hit || !span) return undefined;
  const range = file.rangeOf(span[0], span[1]);
  // A scalar left open (an unclosed quote) runs on over the blank lines after it: they are not the value.
  if (offset > file.offsetAt(range.end)) return undefined;
  return { ...hit, resource, range };
}

/** The innermost object whose node holds the offset: a `kind: List` item rather than the List. */
export function resourceAt(file: SourceFile, offset: number): Resource | undefined {
  const document = file.documentAt(offset);
  const span: [number, number] = document ? [document.start, document.end] : documentSpanAt(file.text, offset);
  const candidates =
    document && document.resources.length > 0 ? document.resources : resourcesOf(currentTextOf(file), ...parsedAlone(file, span));
  let best: Resource | undefined;
  for (const resource of candidates) {
    const range = resource.node.range;
    if (!range || offset < range[0] || offset > range[1]) continue;
    if (!best || range[0] >= (best.node.range?.[0] ?? 0)) best = resource;
  }
  return best;
}

function parsedAlone(file: SourceFile, span: [number, number]): [ReturnType<typeof parseDocumentAt>, unknown] {
  const document = parseDocumentAt(file.text, span);
  return [document, contentOf(document)];
}

interface Hit {
  node: Node;
  path: PathSegment[];
  role: CursorRole;
}

function nodeAt(node: Node, offset: number, path: PathSegment[]): Hit | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (isScalar(key) && holds(key, offset)) {
        // `<<` brings in another mapping's fields; it is not a field itself.
        return isMergePair(pair) ? undefined : { node: key, path: [...path, String(key.value)], role: 'key' };
      }
      if (value && holds(value, offset)) {
        if (!isScalar(key) || isMergePair(pair)) return undefined;
        return nodeAt(value, offset, [...path, String(key.value)]);
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    const index = node.items.findIndex((item) => holds(item as Node | null, offset));
    return index < 0 ? undefined : nodeAt(node.items[index] as Node, offset, [...path, index]);
  }
  if ((isScalar(node) && nonEmpty(node)) || isAlias(node)) return { node, path, role: 'value' };
  return undefined;
}

/** Whether the node's text holds the offset; its end counts, for a cursor just after a word. */
function holds(node: Node | null, offset: number): boolean {
  const range = node?.range;
  return Boolean(range) && range![0] <= offset && offset <= range![1];
}

/** A `key:` with nothing after it has an empty scalar there, which is nothing to hover. */
function nonEmpty(node: Node): boolean {
  const range = node.range;
  return range !== undefined && range !== null && range[1] > range[0];
}
