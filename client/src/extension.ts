import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateClient } from './activate';
import { registerCommittedVersions } from './committed-version';
import { createLanguageClient } from './language-client';
import { answerFileRequests } from './workspace-file-requests';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  // A virtual workspace's files are read through the client, as on the web.
  await activateClient(context, client, [registerCommittedVersions(client), ...answerFileRequests(client)]);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
