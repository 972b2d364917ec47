import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateClient } from './activate';
import { registerCommittedVersions } from './committed-version';
import { createLanguageClient } from './language-client';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  await activateClient(context, client, [registerCommittedVersions(client)]);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
