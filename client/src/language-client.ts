import * as path from 'node:path';
import { window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { redactedTraceChannel } from './redacted-trace';

/** The client of the bundled language server, for YAML files on disk and unsaved ones. */
export function createLanguageClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The server's log and the protocol trace share one channel; the trace leaves out document texts and edits.
  const outputChannel = window.createOutputChannel('Kube Stateful', { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      // Helm charts: templates as the Helm extension names them, and helpers whatever their language.
      { scheme: 'file', language: 'helm' },
      { scheme: 'file', pattern: '**/templates/**/*.tpl' },
    ],
    // The server keeps its index of the workspace's files there between sessions.
    initializationOptions: { storageUri: (context.storageUri ?? context.globalStorageUri).toString() },
    outputChannel,
    traceOutputChannel: redactedTraceChannel(outputChannel),
  };
  // The id makes the client read `kubeStateful.trace.server`.
  return new LanguageClient('kubeStateful', 'Kube Stateful', serverOptions, clientOptions);
}
