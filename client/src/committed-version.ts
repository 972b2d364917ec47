import { Disposable, workspace, type TextDocumentContentProvider, type Uri } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COMMITTED_SCHEME, COMMITTED_TEXT_REQUEST } from './protocol';

/**
 * Serves the committed versions of files that `immutable-field-changed` points to, read-only:
 * the server reads them from the repository, so the client needs neither git nor its extension.
 */
export function registerCommittedVersions(client: BaseLanguageClient): Disposable {
  const provider: TextDocumentContentProvider = {
    async provideTextDocumentContent(uri: Uri): Promise<string> {
      try {
        const result = await client.sendRequest<{ text: string } | null>(COMMITTED_TEXT_REQUEST, { uri: uri.toString() });
        return result?.text ?? `# ${uri.path} is not in ${uri.query}.\n`;
      } catch (error) {
        return `# Kube Stateful could not read the committed version: ${error instanceof Error ? error.message : String(error)}\n`;
      }
    },
  };
  return workspace.registerTextDocumentContentProvider(COMMITTED_SCHEME, provider);
}
