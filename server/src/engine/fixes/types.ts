import type { Finding, Range } from '../types';

/** A change to the text of one file; ranges refer to the file as it is before any edit. */
export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
  /**
   * The same insertion as an LSP snippet (`${1:value}`), for clients that can place the cursor
   * on the value; `newText` is what clients without snippet edits insert.
   */
  snippet?: string;
}

/** A file to create before its text edits apply; it must not exist yet. */
export interface FileCreation {
  uri: string;
}

/** Everything one fix changes: files to create first, then text edits in any file. */
export interface WorkspaceChange {
  creates: FileCreation[];
  edits: TextEdit[];
}

/** What the editor can do with a fix, which decides the fixes offered. */
export interface FixOptions {
  /** The client accepts file creations in a workspace edit. */
  canCreateFiles: boolean;
}

export interface Fix {
  /** Names the fix among those of its findings, so that it can be computed again on resolve. */
  id: string;
  title: string;
  /** The one obvious repair, which an editor may apply without asking. */
  preferred: boolean;
  /** Safe to apply with no choice to make, as part of "fix all". */
  safe: boolean;
  /** The findings it repairs or silences. */
  findings: Finding[];
  /**
   * The edits, computed on demand from the text as it is now; undefined when the text no
   * longer allows the fix.
   */
  change(): WorkspaceChange | undefined;
}
