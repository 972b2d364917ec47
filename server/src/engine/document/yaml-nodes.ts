import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair } from 'yaml';

export type PathSegment = string | number;

/** Offsets of a node's text, from the parser's own `range` (start, end of value). */
export function spanOf(node: Node | null | undefined): [number, number] | undefined {
  if (!node?.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** Follows an alias to the node it names, so lookups see through `*anchor`. */
export function resolveNode(document: Document, node: unknown): Node | undefined {
  if (isAlias(node)) return aliasTargets(document).get(node);
  return (node as Node | null) ?? undefined;
}

const targetsByDocument = new WeakMap<Document, Map<Alias, Node>>();

/**
 * The node each alias of the document names: the last node anchored with its name before it.
 * `Alias.resolve` walks the whole document on every call, which makes a file with many aliases
 * quadratic; one walk serves them all. An alias with no anchor before it has no entry.
 */
export function aliasTargets(document: Document): Map<Alias, Node> {
  let targets = targetsByDocument.get(document);
  if (targets) return targets;
  const anchored = new Map<string, Node>();
  const found = new Map<Alias, Node>();
  visit(document, {
    Node(_, node) {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target) found.set(node, target);
      } else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  targetsByDocument.set(document, (targets = found));
  return targets;
}

/** A mapping's pair for a key, and the `<<` value it was merged in through, if it was. */
export interface FoundPair {
  pair: Pair<Node, Node | null>;
  mergedThrough?: Node;
}

/**
 * The pair of a mapping whose scalar key equals `key`: its own, else one it merges in with
 * `<<: *anchor` (or a list of them, the first winning), as kubectl reads merge keys.
 */
export function lookupPair(document: Document, node: unknown, key: string, seen = new Set<Node>()): FoundPair | undefined {
  const map = resolveNode(document, node);
  // An anchor merged into itself would loop.
  if (!isMap(map) || seen.has(map)) return undefined;
  seen.add(map);
  const pairs = map.items as Pair<Node, Node | null>[];
  const own = pairs.find((pair) => isScalar(pair.key) && !isMergePair(pair) && String(pair.key.value) === key);
  if (own) return { pair: own };
  for (const merge of pairs.filter(isMergePair)) {
    const value = merge.value ?? undefined;
    const resolved = resolveNode(document, value);
    for (const source of isSeq(resolved) ? resolved.items : [value]) {
      const found = lookupPair(document, source, key, seen);
      if (found) return { pair: found.pair, mergedThrough: value };
    }
  }
  return undefined;
}

/** The pair of a mapping whose scalar key equals `key`, its own or merged in. */
export function pairOf(document: Document, node: unknown, key: string): Pair<Node, Node | null> | undefined {
  return lookupPair(document, node, key)?.pair;
}

/** One step down: a mapping key or a sequence index. */
export function childOf(document: Document, node: unknown, segment: PathSegment): Node | undefined {
  if (typeof segment === 'number') {
    const seq = resolveNode(document, node);
    return isSeq(seq) ? ((seq.items[segment] as Node | undefined) ?? undefined) : undefined;
  }
  return pairOf(document, node, segment)?.value ?? undefined;
}

/** Whether a mapping pair is a `<<: *anchor` merge, whose key the parser holds as a symbol. */
export function isMergePair(pair: Pair<unknown, unknown>): boolean {
  const key = isScalar(pair.key) ? pair.key.value : undefined;
  return key === '<<' || (typeof key === 'symbol' && key.description === '<<');
}
