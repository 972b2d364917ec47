import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { LanguageServer } from './lsp/language-server';
import { webHost } from './lsp/web-host';

/** One end of a `MessageChannel`, typed from the reader, as the project's types do not hold the DOM's. */
type ChannelPort = ConstructorParameters<typeof BrowserMessageReader>[0] & { close(): void };

/** Runs the language server over one end of a `MessageChannel`, in the caller's own thread. */
export function startWebServer(port: ChannelPort): void {
  const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
  // The client stops a server by `exit`: closing the port lets the old server be collected on a restart.
  connection.onExit(() => port.close());
  new LanguageServer(connection, webHost(connection)).listen();
}
