import { isAlias, isCollection, isPair, isScalar, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { aliasTargets } from './yaml-nodes';

/** Every mapping and list of the document, keys included, found without recursion or following aliases. */
function* collectionsOf(document: Document): Generator<YAMLMap | YAMLSeq> {
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPair(node)) pending.push(node.value, node.key);
    if (!isCollection(node)) continue;
    yield node;
    for (let index = node.items.length - 1; index >= 0; index--) pending.push(node.items[index]);
  }
}

/**
 * Every scalar key that repeats an earlier key of its mapping, as the parser's own check judges
 * them (by value: `1` and `"1"` differ, `~` and `null` are the same), with one lookup per key
 * where the parser compares each key with all the others.
 */
export function duplicateKeys(document: Document): Node[] {
  const duplicates: Node[] = [];
  for (const collection of collectionsOf(document)) {
    const seen = new Set<unknown>();
    for (const item of collection.items) {
      const key = isPair(item) ? item.key : undefined;
      if (!isScalar(key) || !key.range || Number.isNaN(key.value)) continue;
      if (seen.has(key.value)) duplicates.push(key);
      else seen.add(key.value);
    }
  }
  return duplicates;
}

/**
 * The first key that is a mapping or a list, or an alias of one. Kubernetes reads only text
 * keys, and turning such keys into text costs the parser time that grows with the cube of
 * their nesting: a kilobyte of nested keys takes seconds.
 */
export function collectionKey(document: Document): Node | undefined {
  for (const collection of collectionsOf(document)) {
    for (const item of collection.items) {
      const key = isPair(item) ? item.key : undefined;
      // Only an alias key needs the walk that resolves aliases.
      if (isCollection(isAlias(key) ? aliasTargets(document).get(key) : key)) return key as Node;
    }
  }
  return undefined;
}
