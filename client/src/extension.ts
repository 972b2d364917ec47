import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerExportJsonSchema } from './commands/export-json-schema';
import { registerInsertPreset } from './commands/insert-preset';
import { registerLensCommands } from './commands/lens-commands';
import { registerOpenExample } from './commands/open-example';
import { registerRestartServer } from './commands/restart-server';
import { registerShowBuiltManifest } from './commands/show-built-manifest';
import { registerShowRenderedManifest } from './commands/show-rendered-manifest';
import { registerShowRuleDocumentation } from './commands/show-rule-docs';
import { registerCommittedVersions } from './committed-version';
import { createLanguageClient } from './language-client';
import { registerProblemStatus } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  // Commands come first, so that they answer even while the server is starting.
  context.subscriptions.push(
    registerInsertPreset(context),
    registerShowRuleDocumentation(context),
    registerRestartServer(client),
    registerExportJsonSchema(client),
    registerShowRenderedManifest(client),
    registerShowBuiltManifest(client),
    registerCommittedVersions(client),
    registerOpenExample(context),
    registerLensCommands(client),
    registerProblemStatus(client),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
