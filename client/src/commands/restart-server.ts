import { commands, window, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

export const RESTART_SERVER = 'kubeStateful.restartServer';

/** Kube Stateful: Restart Server: a fresh server, which indexes the workspace again. */
export function registerRestartServer(client: BaseLanguageClient): Disposable {
  return commands.registerCommand(RESTART_SERVER, async () => {
    try {
      // The desktop client's restart() is this too; the browser client has none of its own.
      await client.stop();
      await client.start();
      window.setStatusBarMessage('$(check) Kube Stateful server restarted', 3000);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void window.showErrorMessage(`Kube Stateful could not restart its server: ${message}`);
    }
  });
}
