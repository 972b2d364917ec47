import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/**
 * Applies LSP text edits and workspace edits as an editor would, so tests check the text a
 * user ends up with. Edits of one document refer to its text before any of them; inserts at
 * one position land in array order; overlapping edits are an error, as the protocol says.
 */

/** An edit as plain offsets into the original text. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

interface SnippetEdit {
  range: Range;
  snippet: { kind: 'snippet'; value: string };
}

/** Offsets of each line start; LSP lines end at `\n` (a `\r` before it belongs to the line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function offsetAt(text: string, position: Range['start'], starts = lineStarts(text)): number {
  if (position.line >= starts.length) return text.length;
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : text.length;
  return Math.min(starts[position.line] + position.character, lineEnd);
}

/** Text edits (plain or snippet) of one document as sorted offset edits; throws on overlap. */
export function toOffsetEdits(text: string, edits: readonly (TextEdit | SnippetEdit)[]): OffsetEdit[] {
  const starts = lineStarts(text);
  const resolved = edits
    .map((edit, order) => ({
      start: offsetAt(text, edit.range.start, starts),
      end: offsetAt(text, edit.range.end, starts),
      text: 'snippet' in edit ? snippetText(edit.snippet.value) : edit.newText,
      order,
    }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  for (let i = 1; i < resolved.length; i++) {
    const previous = resolved[i - 1];
    if (previous.end > resolved[i].start) throw new Error(`Overlapping edits at offsets ${previous.start}-${previous.end} and ${resolved[i].start}`);
  }
  return resolved.map(({ start, end, text: inserted }) => ({ start, end, text: inserted }));
}

export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = '';
  let cursor = 0;
  for (const edit of edits) {
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

export function applyTextEdits(text: string, edits: readonly (TextEdit | SnippetEdit)[]): string {
  return applyOffsetEdits(text, toOffsetEdits(text, edits));
}

/**
 * The text a snippet inserts when accepted as offered: placeholders keep their text, tab stops
 * vanish. Unescaped `}` only closes placeholders, as the server escapes literal ones.
 */
export function snippetText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const character = snippet[i];
    const rest = snippet.slice(i);
    const stop = /^\$\d+|^\$\{\d+:?/.exec(rest);
    if (character === '\\' && '\\$}'.includes(snippet[i + 1] ?? '')) out += snippet[++i];
    else if (stop) i += stop[0].length - 1;
    else if (character !== '}') out += character;
  }
  return out;
}

/** The result of applying a workspace edit to a set of files (by URI); missing files are errors. */
export interface AppliedEdit {
  files: Map<string, string>;
  /** Per file, the offset edits applied to its original text. */
  edits: Map<string, OffsetEdit[]>;
  created: string[];
}

export function applyWorkspaceEdit(files: ReadonlyMap<string, string>, edit: WorkspaceEdit): AppliedEdit {
  const result = new Map(files);
  const applied = new Map<string, OffsetEdit[]>();
  const created: string[] = [];
  const editFile = (uri: string, edits: readonly (TextEdit | SnippetEdit)[]) => {
    const text = result.get(uri);
    if (text === undefined) throw new Error(`Edit of a file that does not exist: ${uri}`);
    const offsets = toOffsetEdits(text, edits);
    applied.set(uri, [...(applied.get(uri) ?? []), ...offsets]);
    result.set(uri, applyOffsetEdits(text, offsets));
  };
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`Unexpected resource operation ${change.kind}`);
      if (result.has(change.uri) && !change.options?.overwrite) {
        if (change.options?.ignoreIfExists) continue;
        throw new Error(`File exists: ${change.uri}`);
      }
      result.set(change.uri, '');
      created.push(change.uri);
      continue;
    }
    editFile(change.textDocument.uri, change.edits as (TextEdit | SnippetEdit)[]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) editFile(uri, edits);
  return { files: result, edits: applied, created };
}

/**
 * The original lines that no edit touches and that are not found, byte for byte with their
 * line break, where they should be in the result. An insertion at a line start touches no line.
 */
export function changedUntouchedLines(original: string, edits: readonly OffsetEdit[], result: string): string[] {
  const starts = lineStarts(original);
  const problems: string[] = [];
  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : original.length;
    if (start === end) return;
    const touched = edits.some((edit) =>
      edit.start === edit.end ? edit.start > start && edit.start < end : edit.start < end && edit.end > start,
    );
    if (touched) return;
    const shift = edits
      .filter((edit) => edit.end <= start)
      .reduce((sum, edit) => sum + edit.text.length - (edit.end - edit.start), 0);
    const line = original.slice(start, end);
    if (result.slice(start + shift, start + shift + line.length) !== line) problems.push(`line ${index + 1}: ${JSON.stringify(line)}`);
  });
  return problems;
}
