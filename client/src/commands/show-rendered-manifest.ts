import { commands, Disposable, EventEmitter, Uri, ViewColumn, window, workspace, type TextDocumentContentProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RENDERED_MANIFEST_CHANGED, RENDERED_MANIFEST_REQUEST } from '../protocol';

export const SHOW_RENDERED_MANIFEST = 'kubeStateful.showRenderedManifest';
export const RENDERED_SCHEME = 'kube-stateful-rendered';

/**
 * Kube Stateful: Show Rendered Manifest: opens, beside the editor, a read-only document with
 * what the chart of the active file renders to, as `helm template` prints it. The document
 * follows the server's renders. Its URI carries the chart file it was opened for in the query.
 */
export function registerShowRenderedManifest(client: LanguageClient): Disposable {
  const changes = new EventEmitter<Uri>();
  const shown = new Set<string>();
  const provider: TextDocumentContentProvider = {
    onDidChange: changes.event,
    async provideTextDocumentContent(uri: Uri): Promise<string> {
      const source = uri.query;
      try {
        const result = await client.sendRequest<{ text: string } | null>(RENDERED_MANIFEST_REQUEST, { uri: source });
        return result?.text ?? '# The file is not part of a Helm chart that Kube Stateful renders.\n';
      } catch (error) {
        return `# Kube Stateful could not get the rendered manifest: ${error instanceof Error ? error.message : String(error)}\n`;
      }
    },
  };
  const onChanged = client.onNotification(RENDERED_MANIFEST_CHANGED, (params: { rootUri?: string }) => {
    const root = typeof params?.rootUri === 'string' ? params.rootUri : undefined;
    for (const uri of shown) {
      const parsed = Uri.parse(uri);
      if (!root || parsed.query === root || parsed.query.startsWith(`${root}/`)) changes.fire(parsed);
    }
  });
  const onClosed = workspace.onDidCloseTextDocument((document) => {
    if (document.uri.scheme === RENDERED_SCHEME) shown.delete(document.uri.toString());
  });
  const command = commands.registerCommand(SHOW_RENDERED_MANIFEST, async () => {
    const active = window.activeTextEditor?.document.uri;
    if (!active || active.scheme !== 'file') {
      void window.showInformationMessage('Open a file of a Helm chart to show the manifest it renders to.');
      return;
    }
    const source = active.toString();
    const name = source.replace(/^.*\/templates\//, '').replace(/^.*\//, '') || 'chart';
    const uri = Uri.from({ scheme: RENDERED_SCHEME, path: `/${name} (rendered).yaml`, query: source });
    shown.add(uri.toString());
    const document = await workspace.openTextDocument(uri);
    await window.showTextDocument(document, { viewColumn: ViewColumn.Beside, preview: true, preserveFocus: true });
  });
  return Disposable.from(workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, provider), onChanged, onClosed, command, changes);
}
