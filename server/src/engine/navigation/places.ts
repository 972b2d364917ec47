import { isScalar, Scalar, type Node } from 'yaml';
import type { Resource } from '../document/resource';
import { pairOf, spanOf, type PathSegment } from '../document/yaml-nodes';
import type { Range } from '../types';

/** A name written in a file, which navigation goes to or starts from. */
export interface Place {
  uri: string;
  /** The scalar as written, quotes included. */
  range: Range;
  /**
   * The name's own characters, inside any quotes: what a rename replaces. Undefined for a
   * block scalar, whose text a rename cannot rewrite in place.
   */
  nameRange: Range | undefined;
  /** What the name stands for in the file: the whole object for its name, the pair for a key. */
  extent: Range;
}

/** The place of the scalar value at `path` below an object; undefined when it is not a scalar. */
export function valuePlace(resource: Resource, path: readonly PathSegment[], extent = objectExtent(resource)): Place | undefined {
  return scalarPlace(resource, resource.nodeAt(path), extent);
}

/** The place of a mapping's key (`password` in `stringData`), with its pair as extent. */
export function keyPlace(resource: Resource, mappingPath: readonly PathSegment[], key: string): Place | undefined {
  const pair = pairOf(resource.document, resource.nodeAt(mappingPath), key);
  const start = spanOf(pair?.key)?.[0];
  const end = spanOf(pair?.value)?.[1] ?? spanOf(pair?.key)?.[1];
  if (!pair || start === undefined || end === undefined) return undefined;
  return scalarPlace(resource, pair.key, resource.file.rangeOf(start, end));
}

/** The range of an object's whole text. */
export function objectExtent(resource: Resource): Range {
  const span = spanOf(resource.node) ?? [0, 0];
  return resource.file.rangeOf(span[0], span[1]);
}

function scalarPlace(resource: Resource, node: Node | null | undefined, extent: Range): Place | undefined {
  const span = spanOf(node);
  if (!isScalar(node) || !span || span[1] <= span[0]) return undefined;
  const file = resource.file;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
  const nameRange = block ? undefined : quoted ? file.rangeOf(span[0] + 1, span[1] - 1) : file.rangeOf(span[0], span[1]);
  return { uri: resource.uri, range: file.rangeOf(span[0], span[1]), nameRange, extent };
}

export function samePlace(a: Place, b: Place): boolean {
  return a.uri === b.uri && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}
