import { commands, Uri, window, workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { JSON_SCHEMA_REQUEST } from '../protocol';

export const EXPORT_JSON_SCHEMA = 'kubeStateful.exportJsonSchema';
const DEFAULT_NAME = 'kube-stateful.schema.json';

/**
 * Kube Stateful: Export JSON Schema: asks the server for the JSON Schema of the kinds it
 * checks and saves it where the user picks, for the YAML extension or other tools.
 */
export function registerExportJsonSchema(client: BaseLanguageClient): Disposable {
  return commands.registerCommand(EXPORT_JSON_SCHEMA, async () => {
    let schema: unknown;
    try {
      schema = await client.sendRequest(JSON_SCHEMA_REQUEST);
    } catch (error) {
      void window.showErrorMessage(`Kube Stateful could not build the JSON Schema: ${messageOf(error)}`);
      return;
    }
    const folder = workspace.workspaceFolders?.[0]?.uri;
    const target = await window.showSaveDialog({
      title: 'Export JSON Schema',
      saveLabel: 'Export',
      defaultUri: folder ? Uri.joinPath(folder, DEFAULT_NAME) : undefined,
      filters: { 'JSON Schema': ['json'] },
    });
    if (!target) return;
    try {
      await workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(schema, null, 2) + '\n'));
    } catch (error) {
      void window.showErrorMessage(`Kube Stateful could not save ${target.fsPath}: ${messageOf(error)}`);
      return;
    }
    const open = await window.showInformationMessage(`Saved the JSON Schema to ${workspace.asRelativePath(target)}.`, 'Open');
    if (open) await window.showTextDocument(target);
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
