import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { isMergePair, resolveNode } from '../document/yaml-nodes';
import { TextLayout } from './text-layout';
import type { TextEdit } from './types';
import { blockEntries, finish, flowPair, flowValue, map, scalarAfterKey, type Style, type YamlValue } from './yaml-render';
import { doubleQuoted, plain, singleQuoted } from './yaml-scalars';

/** Where a new mapping entry goes: before the existing ones, or after them. */
type Placement = 'first' | 'last';

/**
 * Collects the text edits for one file. Offsets refer to the text as it is; every edit
 * touches only the span it names, so the rest of the file keeps every byte.
 */
export class FileEditor {
  readonly edits: TextEdit[] = [];
  readonly layout: TextLayout;

  constructor(
    readonly uri: string,
    readonly text: string,
  ) {
    this.layout = new TextLayout(text);
  }

  /** The writing habits around an offset. */
  styleAt(offset: number): Style {
    const line = this.layout.lineOf(offset);
    return {
      eol: this.layout.eolAt(line),
      unit: this.layout.indentUnitAt(line),
      indentSequences: this.layout.indentsSequencesAt(line),
    };
  }

  replace(start: number, end: number, rendered: string): void {
    // Lines added at the end of a file without a final line break get one: a block scalar
    // written last would otherwise lose its own final line break.
    const atOpenEnd = end === this.text.length && this.text !== '' && !this.text.endsWith('\n') && rendered.includes('\n');
    const { text, snippet } = finish(atOpenEnd ? `${rendered}${this.layout.eolAt()}` : rendered);
    // Editors re-indent the lines of a snippet by the indentation before it; lines written at a
    // line start, or a single line, keep the indentation given here.
    const keepsIndentation = !text.includes('\n') || this.layout.columnOf(start) === 0;
    const range = this.layout.rangeOf(start, end);
    this.edits.push({ uri: this.uri, range, newText: text, ...(snippet && keepsIndentation ? { snippet } : {}) });
  }

  insert(offset: number, rendered: string): void {
    this.replace(offset, offset, rendered);
  }
}

/** Where a node's own text ends: block scalars and collections include a line break that is not theirs. */
function contentEnd(text: string, node: Node): number {
  const [start, end] = node.range ?? [0, 0];
  let last = end;
  while (last > start && (text[last - 1] === '\n' || text[last - 1] === '\r')) last--;
  return last;
}

/** A mapping's own entry for `key`, not one it merges in with `<<`. */
export function ownPair(node: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => !isMergePair(pair) && isScalar(pair.key) && String(pair.key.value) === key) as
    | Pair<Node, Node | null>
    | undefined;
}

/** Whether a `<<` merge of the mapping provides `key`, so that a new own entry would hide it. */
function mergeProvides(document: Document, node: YAMLMap, key: string): boolean {
  return node.items.some((pair) => {
    if (!isMergePair(pair)) return false;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    return sources.some((source) => {
      const merged = resolveNode(document, source);
      return isMap(merged) && merged.items.some((item) => isScalar(item.key) && String(item.key.value) === key);
    });
  });
}

/** Whether the node means null: `key:` with nothing after it, `~` or `null`. */
export function isNullNode(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** Replaces a scalar by another string, in the same quoting style when that style can hold it. */
export function replaceScalar(editor: FileEditor, node: Scalar, value: string): void {
  const written =
    node.type === 'QUOTE_DOUBLE'
      ? doubleQuoted(value)
      : node.type === 'QUOTE_SINGLE'
        ? (singleQuoted(value) ?? doubleQuoted(value))
        : (plain(value) ?? doubleQuoted(value));
  editor.replace(node.range![0], contentEnd(editor.text, node), written);
}

/** Replaces a whole `key: value` entry of `parent` by other entries, written where it was. */
export function replacePair(editor: FileEditor, parent: YAMLMap, pair: Pair<Node, Node | null>, entries: [string, YamlValue][]): void {
  const start = pair.key.range![0];
  const end = isNullNode(pair.value) || !pair.value?.range ? nullPairEnd(editor, pair) : contentEnd(editor.text, pair.value);
  if (parent.flow) {
    editor.replace(start, end, entries.map(([key, value]) => flowPair(key, value)).join(', '));
    return;
  }
  const body = blockEntries(entries, editor.layout.columnOf(start), editor.styleAt(start));
  const lineStart = editor.layout.lineStart(editor.layout.lineOf(start));
  const indentation = editor.text.slice(lineStart, start);
  // From the line start, the same indentation written again, so that snippets keep their lines' indentation.
  if (/^[ \t]*$/.test(indentation)) editor.replace(lineStart, end, indentation + body);
  else editor.replace(start, end, body);
}

/** The end of an entry without a value: after `~`/`null`, or after the colon. */
function nullPairEnd(editor: FileEditor, pair: Pair<Node, Node | null>): number {
  const value = pair.value;
  if (value?.range && value.range[1] > value.range[0]) return contentEnd(editor.text, value);
  const colon = editor.text.indexOf(':', pair.key.range![1]);
  return colon >= 0 ? colon + 1 : pair.key.range![1];
}

/** Adds entries to a mapping, block or flow, before or after its existing entries. */
export function insertEntries(editor: FileEditor, target: YAMLMap, entries: [string, YamlValue][], placement: Placement): boolean {
  const { text, layout } = editor;
  const items = target.items as Pair<Node, Node | null>[];
  const first = items[0];
  if (target.flow) {
    const written = entries.map(([key, value]) => flowPair(key, value)).join(', ');
    if (!first) editor.insert(target.range![0] + 1, written);
    else if (placement === 'first') editor.insert(first.key.range![0], `${written}, `);
    else editor.insert(pairEnd(text, items[items.length - 1]), `, ${written}`);
    return true;
  }
  if (!first?.key?.range) return false;
  const keyStart = first.key.range[0];
  const column = layout.columnOf(keyStart);
  const style = editor.styleAt(keyStart);
  const body = blockEntries(entries, column, style);
  const keyLine = layout.lineOf(keyStart);
  const before = text.slice(layout.lineStart(keyLine), keyStart);
  const lines = `${' '.repeat(column)}${body}${style.eol}`;
  if (placement === 'first' && /^[ \t]*$/.test(before)) {
    editor.insert(layout.lineStart(keyLine), lines);
    return true;
  }
  // After `- `, the first entry shares its line with the dash: the new one goes before it there.
  if (placement === 'first' && /^[ \t]*(-[ \t]+)+$/.test(before)) {
    editor.insert(keyStart, `${body}${style.eol}${' '.repeat(column)}`);
    return true;
  }
  const end = pairEnd(text, items[items.length - 1], false);
  const endLine = layout.lineOf(end);
  if (text[end - 1] === '\n') editor.insert(end, lines);
  else if (endLine + 1 < layout.lineCount) editor.insert(layout.lineStart(endLine + 1), lines);
  else editor.insert(layout.lineEnd(endLine), `${style.eol}${' '.repeat(column)}${body}`);
  return true;
}

/**
 * Removes an entry from a mapping: in block style its whole lines, with a comment after it; in
 * flow style the entry and one comma. Refuses an entry that shares its line with a `- ` or
 * another key, whose removal would need the surrounding text rewritten.
 */
export function removePair(editor: FileEditor, parent: YAMLMap, pair: Pair<Node, Node | null>): boolean {
  const { text, layout } = editor;
  const items = parent.items as Pair<Node, Node | null>[];
  const index = items.indexOf(pair);
  const start = pair.key?.range?.[0];
  if (index < 0 || start === undefined) return false;
  const end = pairEnd(text, pair);
  if (parent.flow) {
    if (items.length === 1) editor.replace(start, end, '');
    else if (index < items.length - 1) editor.replace(start, items[index + 1].key.range![0], '');
    else editor.replace(pairEnd(text, items[index - 1]), end, '');
    return true;
  }
  const lineStart = layout.lineStart(layout.lineOf(start));
  if (!/^[ \t]*$/.test(text.slice(lineStart, start))) return false;
  const endLine = layout.lineOf(end);
  editor.replace(lineStart, endLine + 1 < layout.lineCount ? layout.lineStart(endLine + 1) : text.length, '');
  return true;
}

/** End of an entry's text; with `trimmed`, without the line break a block value ends with. */
function pairEnd(text: string, pair: Pair<Node, Node | null>, trimmed = true): number {
  const node = pair.value?.range ? pair.value : pair.key;
  return trimmed ? contentEnd(text, node) : node.range![1];
}

/**
 * Sets the value at `path` below a mapping, creating the mappings on the way. Refuses (returns
 * false) where the change would reach through an alias or hide a merged key, since it would
 * then change more than the object meant.
 */
export function setIn(
  editor: FileEditor,
  document: Document,
  root: Node | undefined,
  path: readonly string[],
  value: YamlValue,
  placement: Placement = 'last',
): boolean {
  let current: unknown = root;
  for (let index = 0; index < path.length; index++) {
    if (!isMap(current)) return false;
    const key = path[index];
    const rest = nest(path.slice(index + 1), value);
    const pair = ownPair(current, key);
    if (!pair) {
      if (mergeProvides(document, current, key)) return false;
      // Only the field asked for takes the placement; mappings created on the way go last.
      return insertEntries(editor, current, [[key, rest]], index === path.length - 1 ? placement : 'last');
    }
    const next = pair.value;
    if (isAlias(next)) return false;
    if (index === path.length - 1 && isScalar(next) && next.value !== null && value.kind === 'scalar') {
      const start = next.range![0];
      const column = editor.layout.columnOf(pair.key.range![0]);
      editor.replace(start, contentEnd(editor.text, next), current.flow ? flowValue(value) : scalarAfterKey(value, column, editor.styleAt(start)));
      return true;
    }
    if (index === path.length - 1 || isNullNode(next)) {
      replacePair(editor, current, pair, [[key, rest]]);
      return true;
    }
    current = next;
  }
  return false;
}

/** `a.b.c = value` as nested mappings, for the part of a path that does not exist yet. */
function nest(path: readonly string[], value: YamlValue): YamlValue {
  return path.reduceRight<YamlValue>((inner, key) => map([[key, inner]]), value);
}

/**
 * Inserts a whole document after the one given, before any comments that lead into the next
 * document. `body` has no final line break.
 */
export function insertDocumentAfter(editor: FileEditor, document: Document, body: string): void {
  const { text, layout } = editor;
  const offset = document.contents?.range?.[2] ?? document.range?.[1] ?? editor.text.length;
  const eol = layout.eolAt(layout.lineOf(Math.max(offset - 1, 0)));
  if (offset >= text.length) {
    appendDocument(editor, body);
    return;
  }
  editor.insert(offset, text[offset - 1] === '\n' ? `---${eol}${body}${eol}` : `${eol}---${eol}${body}`);
}

/** Appends a document at the end of the file, keeping whether the file ends with a line break. */
export function appendDocument(editor: FileEditor, body: string): void {
  const { text, layout } = editor;
  const eol = layout.eolAt(Math.max(layout.lineCount - 2, 0));
  if (text.trim() === '') {
    editor.insert(text.length, `${body}${eol}`);
    return;
  }
  const lastContent = [...Array(layout.lineCount).keys()].reverse().find((line) => layout.line(line).trim() !== '');
  const separator = lastContent !== undefined && layout.line(lastContent).trim() === '---' ? '' : `---${eol}`;
  editor.insert(text.length, layout.endsWithEol ? `${separator}${body}${eol}` : `${eol}${separator}${body}`);
}
