import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions } from './client-options';

/** The client of the bundled language server, for YAML files on disk and unsaved ones. */
export function createLanguageClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The server keeps its index of the workspace's files there between sessions.
  const storageUri = (context.storageUri ?? context.globalStorageUri).toString();
  // The id makes the client read `kubeStateful.trace.server`.
  return new LanguageClient('kubeStateful', 'Kube Stateful', serverOptions, { ...clientOptions(context), initializationOptions: { storageUri } });
}
