import { commands, window, type Disposable } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const RESTART_SERVER = 'kubeStateful.restartServer';

/** Kube Stateful: Restart Server: a fresh server, which indexes the workspace again. */
export function registerRestartServer(client: LanguageClient): Disposable {
  return commands.registerCommand(RESTART_SERVER, async () => {
    try {
      await client.restart();
      window.setStatusBarMessage('$(check) Kube Stateful server restarted', 3000);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void window.showErrorMessage(`Kube Stateful could not restart its server: ${message}`);
    }
  });
}
