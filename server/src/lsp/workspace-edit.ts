import {
  CreateFile,
  TextDocumentEdit,
  type ClientCapabilities,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextEdit as EngineTextEdit, WorkspaceChange } from '../engine/fixes';

/** The parts of a workspace edit the client can apply. */
export interface EditSupport {
  documentChanges: boolean;
  createFiles: boolean;
  snippets: boolean;
}

export function editSupportOf(client: ClientCapabilities): EditSupport {
  const workspaceEdit = client.workspace?.workspaceEdit;
  const documentChanges = workspaceEdit?.documentChanges === true;
  return {
    documentChanges,
    createFiles: documentChanges && (workspaceEdit?.resourceOperations ?? []).includes('create'),
    snippets: documentChanges && workspaceEdit?.snippetEditSupport === true,
  };
}

/**
 * An engine change as the client can apply it: `documentChanges` (file creations first, then
 * each file's edits against its current version) when supported, else plain `changes`.
 * Undefined when the change creates files and the client cannot.
 */
export function toWorkspaceEdit(change: WorkspaceChange, support: EditSupport, versionOf: (uri: string) => number | null): WorkspaceEdit | undefined {
  const byUri = new Map<string, EngineTextEdit[]>();
  for (const edit of change.edits) byUri.set(edit.uri, [...(byUri.get(edit.uri) ?? []), edit]);
  const created = new Set(change.creates.map((creation) => creation.uri));
  if (!support.documentChanges) {
    if (created.size > 0) return undefined;
    return { changes: Object.fromEntries([...byUri].map(([uri, edits]) => [uri, edits.map(plainEdit)])) };
  }
  if (created.size > 0 && !support.createFiles) return undefined;
  return {
    documentChanges: [
      ...change.creates.map((creation) => CreateFile.create(creation.uri, { overwrite: false, ignoreIfExists: false })),
      ...[...byUri].map(([uri, edits]) =>
        TextDocumentEdit.create(
          { uri, version: created.has(uri) ? null : versionOf(uri) },
          edits.map((edit) => (support.snippets && edit.snippet ? snippetEdit(edit) : plainEdit(edit))),
        ),
      ),
    ],
  };
}

function plainEdit(edit: EngineTextEdit): TextEdit {
  return { range: edit.range, newText: edit.newText };
}

function snippetEdit(edit: EngineTextEdit): SnippetTextEdit {
  return { range: edit.range, snippet: { kind: 'snippet', value: edit.snippet! } };
}
