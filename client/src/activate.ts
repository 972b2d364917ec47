import type { Disposable, ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerExportJsonSchema } from './commands/export-json-schema';
import { registerInsertPreset } from './commands/insert-preset';
import { registerLensCommands } from './commands/lens-commands';
import { registerOpenExample } from './commands/open-example';
import { registerRestartServer } from './commands/restart-server';
import { registerShowBuiltManifest } from './commands/show-built-manifest';
import { registerShowRenderedManifest } from './commands/show-rendered-manifest';
import { registerShowRuleDocumentation } from './commands/show-rule-docs';
import { registerProblemStatus } from './status-bar';

/** Registers what the desktop and web builds share around `client`, and starts it; `extra` is the build's own. */
export async function activateClient(context: ExtensionContext, client: BaseLanguageClient, extra: Disposable[]): Promise<void> {
  // Commands come first, so that they answer even while the server is starting.
  context.subscriptions.push(
    registerInsertPreset(context),
    registerShowRuleDocumentation(context),
    registerRestartServer(client),
    registerExportJsonSchema(client),
    registerShowRenderedManifest(client),
    registerShowBuiltManifest(client),
    registerOpenExample(context),
    registerLensCommands(client),
    registerProblemStatus(client),
    ...extra,
  );
  await client.start();
}
