import {
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type ClientCapabilities,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type ServerCapabilities,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { prepareRenameAt, renameAt } from '../engine/navigation/rename';
import type { Feature, ServerContext } from './feature';
import { currentWorkspaceFile } from './navigation-support';
import { editSupportOf, toWorkspaceEdit, type EditSupport } from './workspace-edit';

/**
 * Rename of a Service, Secret, ConfigMap, key, PVC, volume or claim template with everything
 * that names it, in one workspace edit. A name the kind does not allow is refused with the
 * reason; what a live cluster makes of the change comes as a warning.
 */
class Rename implements Feature {
  private support: EditSupport = { documentChanges: false, createFiles: false, snippets: false };

  capabilities(client: ClientCapabilities): ServerCapabilities {
    this.support = editSupportOf(client);
    return { renameProvider: client.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true };
  }

  register(context: ServerContext): void {
    context.connection.onPrepareRename((params) => this.prepare(context, params));
    context.connection.onRenameRequest((params) => this.rename(context, params));
  }

  private prepare(context: ServerContext, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
    const file = currentWorkspaceFile(context, params.textDocument.uri);
    const answer = file && failingAsRefusal(() => prepareRenameAt(context.workspace, file, params.position));
    if (!answer) return null;
    if ('refused' in answer) throw new ResponseError(ErrorCodes.InvalidRequest, answer.refused);
    return answer;
  }

  private rename(context: ServerContext, params: RenameParams): WorkspaceEdit | null {
    const file = currentWorkspaceFile(context, params.textDocument.uri);
    const answer = file && failingAsRefusal(() => renameAt(context.workspace, file, params.position, params.newName));
    if (!answer) return null;
    if ('refused' in answer) throw new ResponseError(ErrorCodes.InvalidRequest, answer.refused);
    // A notification, not a request: the user has nothing to answer, and the edit goes ahead.
    for (const message of answer.warnings) void context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    return toWorkspaceEdit({ creates: [], edits: answer.edits }, this.support, (uri) => context.documents.get(uri)?.version ?? null) ?? null;
  }
}

/** A bug of ours refuses the rename rather than failing the request with a stack trace. */
function failingAsRefusal<T>(compute: () => T): T | { refused: string } {
  try {
    return compute();
  } catch {
    return { refused: 'Kube Stateful could not work out this rename.' };
  }
}

export const rename: Feature = new Rename();
