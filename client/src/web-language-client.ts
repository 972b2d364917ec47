import type { ExtensionContext } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { startWebServer } from '../../server/src/web-server';
import { clientOptions } from './client-options';

/**
 * The client of a language server that runs in the extension host itself, over a
 * `MessageChannel`, rather than in a Worker: an extension served from a remote host, as in
 * code-server and Codespaces, may not create workers ("Creating workers from remote extensions
 * is currently not supported", microsoft/vscode#144235). Each start makes a fresh server.
 */
export function createWebLanguageClient(context: ExtensionContext): LanguageClient {
  const start = async () => {
    const channel = new MessageChannel();
    startWebServer(channel.port2);
    return { reader: new BrowserMessageReader(channel.port1), writer: new BrowserMessageWriter(channel.port1) };
  };
  return new LanguageClient('kubeStateful', 'Kube Stateful', start, clientOptions(context));
}
