import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient } from './activate';
import { answerFileRequests } from './workspace-file-requests';
import { createWebLanguageClient } from './web-language-client';

/*
 * The browser build (vscode.dev, github.dev, code-server's browser extension host): the same
 * client and server, the server reading the workspace through this client.
 */

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  client = createWebLanguageClient(context);
  await activateClient(context, client, answerFileRequests(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
