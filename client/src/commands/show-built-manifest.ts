import { commands, Disposable, window } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BUILT_MANIFEST_CHANGED, BUILT_MANIFEST_REQUEST } from '../protocol';
import { failureText, registerManifestView } from './virtual-manifest';

export const SHOW_BUILT_MANIFEST = 'kubeStateful.showBuiltManifest';
export const BUILT_SCHEME = 'kube-stateful-built';

type Answer = { kustomization: string; text: string } | { choices: { kustomization: string; label: string }[] } | null;

/**
 * Kube Stateful: Show Built Manifest: opens, beside the editor, a read-only document with what
 * `kustomize build` prints for the kustomization of the active file (one picked from a list when
 * several builds read it). The document follows the server's builds; its URI's query is the
 * kustomization file.
 */
export function registerShowBuiltManifest(client: BaseLanguageClient): Disposable {
  const view = registerManifestView(client, {
    scheme: BUILT_SCHEME,
    async text(languageClient, kustomization) {
      try {
        const answer = await languageClient.sendRequest<Answer>(BUILT_MANIFEST_REQUEST, { uri: kustomization, kustomization });
        return answer && 'text' in answer ? answer.text : '# The kustomization is no longer in the workspace.\n';
      } catch (error) {
        return failureText('built manifest', error);
      }
    },
    changedNotification: BUILT_MANIFEST_CHANGED,
    concerns: (params, kustomization) => (params as { kustomization?: unknown })?.kustomization === kustomization,
  });
  const command = commands.registerCommand(SHOW_BUILT_MANIFEST, async () => {
    const active = window.activeTextEditor?.document.uri;
    if (!active || active.scheme !== 'file') {
      void window.showInformationMessage('Open a kustomization, or a file one of them uses, to show what it builds.');
      return;
    }
    const kustomization = await pickKustomization(client, active.toString());
    if (!kustomization) return;
    const folder = kustomization.replace(/\/[^/]*$/, '');
    await view.show(`/${decodeURIComponent(folder.slice(folder.lastIndexOf('/') + 1)) || 'kustomization'} (built).yaml`, kustomization);
  });
  return Disposable.from(view.disposable, command);
}

/** The kustomization to show for a file: the only one reading it, or the one the user picks. */
async function pickKustomization(client: BaseLanguageClient, uri: string): Promise<string | undefined> {
  const answer = await client.sendRequest<Answer>(BUILT_MANIFEST_REQUEST, { uri }).catch(() => null);
  if (!answer) {
    void window.showInformationMessage('No kustomization in the workspace uses this file.');
    return undefined;
  }
  if ('kustomization' in answer) return answer.kustomization;
  const picked = await window.showQuickPick(
    answer.choices.map((choice) => ({ label: choice.label, kustomization: choice.kustomization })),
    { placeHolder: 'Several kustomizations use this file: which build to show?' },
  );
  return picked?.kustomization;
}
