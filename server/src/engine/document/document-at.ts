import { Parser, type Document } from 'yaml';
import { collectionKey } from './mapping-keys';
import { withinNestingLimit } from './nesting';
import type { Position } from '../types';
import { manifestComposer, MAX_ALIAS_EXPANSIONS } from './parsed-document';
import { aliasTargets } from './yaml-nodes';

/** The offset of a zero-based line and UTF-16 column, clamped to the text. */
export function offsetAt(text: string, position: Position): number {
  let lineStart = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', lineStart);
    if (next < 0) return text.length;
    lineStart = next + 1;
  }
  const lineEnd = lineEndAt(text, lineStart);
  return Math.min(lineStart + Math.max(position.character, 0), lineEnd);
}

/** The start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  // `lastIndexOf` reads a negative start as 0, which would find a line break at offset 0.
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line starting at `lineStart`, before its `\r\n` or `\n`. */
export function lineEndAt(text: string, lineStart: number): number {
  const newline = text.indexOf('\n', lineStart);
  const end = newline < 0 ? text.length : newline;
  return end > lineStart && text[end - 1] === '\r' ? end - 1 : end;
}

/**
 * Parses one document of a file, read the way `SourceFile` reads it (YAML 1.1, merge keys),
 * with node ranges as offsets into the whole text. `source` replaces the document's text
 * when the caller parses an edited copy of it.
 */
export function parseDocumentAt(text: string, [start, end]: [number, number], source = text.slice(start, end)): Document.Parsed {
  const parser = new Parser();
  // The parser counts offsets from this field, so nodes carry positions in the whole file.
  parser.offset = start;
  const composer = manifestComposer();
  // A document nested too deep for the composer's recursion reads as empty, as `SourceFile` skips it.
  const tokens = withinNestingLimit(parser, source, () => undefined);
  const documents = [...composer.compose(tokens, true, start + source.length)];
  return documents[0];
}

/** A document's content as JavaScript, or undefined when it cannot be read (unresolved or too many aliases). */
export function contentOf(document: Document): unknown {
  // Keys that are collections are not Kubernetes, and turning them into text is very slow; so is
  // resolving thousands of aliases. `SourceFile` does not read such documents either.
  if (collectionKey(document) || aliasTargets(document).size > MAX_ALIAS_EXPANSIONS) return undefined;
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch {
    return undefined;
  }
}
