import { commands, Disposable, window } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RENDERED_MANIFEST_CHANGED, RENDERED_MANIFEST_REQUEST } from '../protocol';
import { failureText, registerManifestView } from './virtual-manifest';

export const SHOW_RENDERED_MANIFEST = 'kubeStateful.showRenderedManifest';
export const RENDERED_SCHEME = 'kube-stateful-rendered';

/**
 * Kube Stateful: Show Rendered Manifest: opens, beside the editor, a read-only document with
 * what the chart of the active file renders to, as `helm template` prints it. The document
 * follows the server's renders. Its URI carries the chart file it was opened for in the query.
 */
export function registerShowRenderedManifest(client: BaseLanguageClient): Disposable {
  const view = registerManifestView(client, {
    scheme: RENDERED_SCHEME,
    async text(languageClient, source) {
      try {
        const result = await languageClient.sendRequest<{ text: string } | null>(RENDERED_MANIFEST_REQUEST, { uri: source });
        return result?.text ?? '# The file is not part of a Helm chart that Kube Stateful renders.\n';
      } catch (error) {
        return failureText('rendered manifest', error);
      }
    },
    changedNotification: RENDERED_MANIFEST_CHANGED,
    concerns(params, source) {
      const root = typeof (params as { rootUri?: unknown })?.rootUri === 'string' ? (params as { rootUri: string }).rootUri : undefined;
      return !root || source === root || source.startsWith(`${root}/`);
    },
  });
  const command = commands.registerCommand(SHOW_RENDERED_MANIFEST, async () => {
    const active = window.activeTextEditor?.document.uri;
    if (!active || active.scheme !== 'file') {
      void window.showInformationMessage('Open a file of a Helm chart to show the manifest it renders to.');
      return;
    }
    const source = active.toString();
    const name = source.replace(/^.*\/templates\//, '').replace(/^.*\//, '') || 'chart';
    await view.show(`/${name} (rendered).yaml`, source);
  });
  return Disposable.from(view.disposable, command);
}
