import type { Range } from '../types';

/** What a completion inserts: a field name, a word of a fixed set, an object of the workspace, or a key of one. */
export type CompletionKind = 'field' | 'enum' | 'reference' | 'key';

/** One completion, editor-agnostic; the LSP adapter turns it into a CompletionItem. */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** A short line next to the label, such as the field's type. */
  detail?: string;
  /** Markdown shown beside the list. */
  documentation?: string;
  /** Replaces `range`; a snippet (`$0`, `${1|a,b|}`) when `snippet` is set. */
  insertText: string;
  snippet: boolean;
  range: Range;
  /** Entries are listed in the order of this text. */
  sortText: string;
  /** The entry to select first. */
  preselect?: boolean;
  /** After insertion, ask for completions again: the field's values are suggested. */
  retrigger?: boolean;
}
