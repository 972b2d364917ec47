import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { contentOf, lineEndAt, lineStartAt, offsetAt, parseDocumentAt } from '../document/document-at';
import { documentSpanAt } from '../document/document-spans';
import type { Position, Range } from '../types';
import { isMapping } from '../document/values';
import { isMergePair, resolveNode, type PathSegment } from '../document/yaml-nodes';

/**
 * A word the cursor line gets in place of what is being typed, so that the document parses
 * and the word shows where a key or value would land. A plain scalar, valid as either.
 */
export const PLACEHOLDER = 'kube_stateful_cursor';

/** What is being typed at the cursor, and where it sits in the object. */
export interface CursorContext {
  role: 'key' | 'value';
  /**
   * For a key: the path of the mapping that receives it. For a value: the path of the value,
   * ending with its key or its list index.
   */
  path: PathSegment[];
  /** The text to replace: the word being typed, through its end. */
  range: Range;
  /** What is typed before the cursor. */
  typed: string;
  /** A key already followed by `:`, so only its name is to be inserted. */
  hasColon: boolean;
  /** A value right after `key:` with no space yet. */
  needsSpace: boolean;
  /** A value inside quotes, which completions must not quote again. */
  quoted: boolean;
  /** The token directly follows a `- ` list marker. */
  afterDash: boolean;
  /** Column of the token, where the lines of a multi-line insertion align. */
  column: number;
  /** The keys of the mapping receiving a key, or holding the value (merged ones included). */
  siblings: Record<string, unknown>;
  /** The object holding the cursor: the document, or the item of a `kind: List`. */
  object: Record<string, unknown>;
  /** The document's text, for its layout. */
  documentText: string;
}

/** The word being typed, as columns of its line. */
interface Token {
  role: 'key' | 'value';
  start: number;
  end: number;
  hasColon: boolean;
  needsSpace: boolean;
  quote: '' | '"' | "'";
  afterDash: boolean;
}

/** A line's indentation and list markers (`  - - `), then the rest. */
const LINE_PREFIX = /^[ \t]*(?:-[ \t]+)*/;
/** `key:` followed by a space or the end, the key plain or quoted. */
const KEY_THEN_COLON = /^("[^"]*"|'[^']*'|[^\s"'#{}[\],&*!|>%@`][^#]*?)[ \t]*:(?=[ \t]|$)([ \t]*)/;
/** Characters that end a plain word being typed. */
const WORD_END = /[\s#,[\]{}]/;

/**
 * Reads the cursor's surroundings on YAML that may be momentarily invalid (`serviceName: ` with
 * nothing after it, a new line inside a mapping, a half-typed key). The word being typed is
 * replaced with a placeholder, as a key (`kube_stateful_cursor:`) or a value, and only the
 * document holding the cursor is parsed again: the parser then tells where the word belongs.
 * Undefined inside comments, flow collections, block scalars and other places completion has
 * nothing to offer.
 */
export function cursorContext(text: string, position: Position): CursorContext | undefined {
  const offset = offsetAt(text, position);
  const lineStart = lineStartAt(text, offset);
  const line = text.slice(lineStart, lineEndAt(text, lineStart));
  const token = tokenAt(line, offset - lineStart);
  if (!token) return undefined;
  const span = documentSpanAt(text, offset);
  const inserted =
    token.role === 'key'
      ? `${PLACEHOLDER}${token.hasColon ? '' : ':'}`
      : `${token.needsSpace ? ' ' : ''}${PLACEHOLDER}${token.quote && !line.slice(token.end).startsWith(token.quote) ? token.quote : ''}`;
  const editedLine = line.slice(0, token.start) + inserted + line.slice(token.end);
  const source = text.slice(span[0], lineStart) + editedLine + text.slice(lineStart + line.length, span[1]);
  const document = parseDocumentAt(text, span, source);
  const found = document.contents ? findPlaceholder(document.contents as Node, []) : undefined;
  if (!found || found.role !== token.role) return undefined;
  const root = rootOf(contentOf(document), found.path);
  if (!root) return undefined;
  return {
    role: token.role,
    path: root.path,
    range: { start: { line: position.line, character: token.start }, end: { line: position.line, character: token.end } },
    typed: line.slice(token.start, offset - lineStart),
    hasColon: token.hasColon,
    needsSpace: token.needsSpace,
    quoted: token.quote !== '',
    afterDash: token.afterDash,
    column: token.start,
    siblings: siblingsOf(found.parent, document),
    object: root.object,
    documentText: text.slice(span[0], span[1]),
  };
}

/** The word at a column of a line, as a key or a value, or undefined where nothing is completed. */
function tokenAt(line: string, column: number): Token | undefined {
  const before = line.slice(0, column);
  if (/(^|\s)#/.test(before)) return undefined;
  const prefix = LINE_PREFIX.exec(before)![0];
  const afterDash = /-[ \t]+$/.test(prefix);
  const rest = before.slice(prefix.length);
  const pair = KEY_THEN_COLON.exec(rest);
  if (pair) {
    const valueStart = prefix.length + pair[0].length;
    const typed = line.slice(valueStart, column);
    const quote = typed.startsWith('"') ? '"' : typed.startsWith("'") ? "'" : '';
    if (quote) {
      const closing = line.indexOf(quote, valueStart + 1);
      if (closing >= 0 && closing < column) return undefined;
      return {
        role: 'value',
        start: valueStart + 1,
        end: closing >= 0 ? closing : line.length,
        hasColon: false,
        needsSpace: false,
        quote,
        afterDash: false,
      };
    }
    // Flow collections, anchors, aliases, tags and block scalars are left alone.
    if (/^[[{&*!|>]/.test(typed) || /[\s,[\]{}]/.test(typed.trimEnd())) return undefined;
    return {
      role: 'value',
      start: valueStart,
      end: column + wordLength(line, column),
      hasColon: false,
      needsSpace: pair[2] === '' && valueStart === line.length,
      quote: '',
      afterDash: false,
    };
  }
  if (rest !== '' && !/^[^\s"'#{}[\],&*!|>%@`:][^\s:#]*$/.test(rest)) return undefined;
  const end = column + wordLength(line, column);
  const after = line.slice(end);
  const hasColon = /^[ \t]*:(?=[ \t]|$)/.test(after);
  // Something other than a key's colon after the word: not a place for a key.
  if (!hasColon && after.trim() !== '') return undefined;
  return { role: 'key', start: prefix.length, end, hasColon, needsSpace: false, quote: '', afterDash };
}

function wordLength(line: string, column: number): number {
  let length = 0;
  while (column + length < line.length && !WORD_END.test(line[column + length]) && line[column + length] !== ':') length++;
  return length;
}

interface Found {
  role: 'key' | 'value';
  /** Path of the receiving mapping (key) or of the value. */
  path: PathSegment[];
  parent: Node;
}

function findPlaceholder(node: Node, path: PathSegment[]): Found | undefined {
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node | null, Node | null>[]) {
      if (isScalar(pair.key) && pair.key.value === PLACEHOLDER) return { role: 'key', path, parent: node };
      if (!isScalar(pair.key) || isMergePair(pair) || !pair.value) continue;
      if (isScalar(pair.value) && pair.value.value === PLACEHOLDER) return { role: 'value', path: [...path, String(pair.key.value)], parent: node };
      const inner = findPlaceholder(pair.value, [...path, String(pair.key.value)]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of (node.items as (Node | null)[]).entries()) {
      if (isScalar(item) && item.value === PLACEHOLDER) return { role: 'value', path: [...path, index], parent: node };
      const inner = item ? findPlaceholder(item, [...path, index]) : undefined;
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The object holding the path: the document, or the `kind: List` item the path goes through. */
function rootOf(content: unknown, path: PathSegment[]): { object: Record<string, unknown>; path: PathSegment[] } | undefined {
  if (!isMapping(content)) return path.length === 0 ? { object: {}, path } : undefined;
  if (content.kind === 'List' && path[0] === 'items' && typeof path[1] === 'number' && Array.isArray(content.items)) {
    const item = content.items[path[1]];
    return { object: isMapping(item) ? item : {}, path: path.slice(2) };
  }
  return { object: content, path };
}

function siblingsOf(parent: Node, document: ReturnType<typeof parseDocumentAt>): Record<string, unknown> {
  if (!isMap(parent)) return {};
  const siblings: Record<string, unknown> = {};
  for (const pair of parent.items as Pair<Node | null, Node | null>[]) {
    if (isMergePair(pair)) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const merged = resolveNode(document, source);
        if (isMap(merged)) for (const item of merged.items) if (isScalar(item.key)) siblings[String(item.key.value)] ??= plain(item.value);
      }
    } else if (isScalar(pair.key) && pair.key.value !== PLACEHOLDER) {
      siblings[String(pair.key.value)] = plain(pair.value);
    }
  }
  return siblings;
}

/** A scalar's value; collections count as present without their content. */
function plain(node: unknown): unknown {
  return isScalar(node) ? node.value : node === null || node === undefined ? null : {};
}
