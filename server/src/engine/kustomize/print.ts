import { Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Origin } from '../helm/go/origin';
import { Rope, type Segment } from '../helm/go/rope';
import type { Tree } from './tree';

/** kustomize prints through go-yaml: lists at their key's indentation, keys sorted, lines folded at 80. */
const STYLE = { indentSeq: false, lineWidth: 80 } as const;

/**
 * One object as kustomize prints it, as a rope: every key and scalar is a segment carrying the
 * origin the build kept for it, so findings on the text can be moved back to the files.
 */
export function printObject(tree: Tree): Rope {
  const sorted = sortedTree(tree);
  const text = new Document(plain(sorted)).toString(STYLE);
  const runs: { start: number; end: number; origin: Origin | undefined }[] = [];
  collect(parseDocument(text).contents as YamlNode, sorted, runs);
  runs.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let position = 0;
  for (const run of runs) {
    if (run.start < position || run.end <= run.start) continue;
    if (run.start > position) segments.push({ text: text.slice(position, run.start), origin: undefined });
    segments.push({ text: text.slice(run.start, run.end), origin: run.origin });
    position = run.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), origin: undefined });
  return new Rope(segments);
}

/** The objects of a build, `---` between them, as `kustomize build` prints them. */
export function printObjects(trees: readonly Tree[]): { text: Rope; starts: number[] } {
  const parts: Rope[] = [];
  const starts: number[] = [];
  let offset = 0;
  trees.forEach((tree, index) => {
    if (index > 0) {
      parts.push(Rope.of('---\n'));
      offset += 4;
    }
    const printed = printObject(tree);
    starts.push(offset);
    parts.push(printed);
    offset += printed.length;
  });
  return { text: Rope.concat(parts), starts };
}

function sortedTree(tree: Tree): Tree {
  if (tree.type === 'scalar') return tree;
  if (tree.type === 'seq') return { ...tree, items: tree.items.map(sortedTree) };
  const entries = [...tree.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ...tree, entries: entries.map((entry) => ({ ...entry, value: sortedTree(entry.value) })) };
}

/** Maps, not objects, so that keys that look like numbers keep their place. */
function plain(tree: Tree): unknown {
  if (tree.type === 'scalar') return tree.value;
  if (tree.type === 'seq') return tree.items.map(plain);
  return new Map(tree.entries.map((entry) => [entry.key, plain(entry.value)]));
}

/** Walks the printed nodes beside the tree they were printed from, pairing each range with its origin. */
function collect(node: YamlNode | null, tree: Tree, runs: { start: number; end: number; origin: Origin | undefined }[]): void {
  if (!node?.range) return;
  const [start, end] = node.range;
  if (isMap(node) && tree.type === 'map') {
    if (node.items.length === 0) runs.push({ start, end, origin: tree.origin });
    node.items.forEach((pair, index) => {
      const entry = tree.entries[index];
      const key = pair.key as YamlNode | null;
      if (!entry) return;
      if (key?.range) runs.push({ start: key.range[0], end: key.range[1], origin: entry.keyOrigin });
      collect(pair.value as YamlNode | null, entry.value, runs);
    });
  } else if (isSeq(node) && tree.type === 'seq') {
    if (node.items.length === 0) runs.push({ start, end, origin: tree.origin });
    node.items.forEach((item, index) => tree.items[index] && collect(item as YamlNode, tree.items[index], runs));
  } else if (isScalar(node)) runs.push({ start, end, origin: tree.origin });
}
