import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { LanguageServer } from './lsp/language-server';
import { nodeHost } from './lsp/node-host';
import { version } from '../../package.json';

const USAGE = `kube-stateful-language-server ${version}
Language server for Kubernetes StatefulSet YAML.

Usage: kube-stateful-language-server --stdio | --node-ipc | --socket=<port>`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  console.log(version);
} else if (args.includes('--help') || args.includes('-h') || args.length === 0) {
  console.log(USAGE);
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A bug of ours must cost one answer, not the editor's checks for the session.
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${String(reason)}`));
  new LanguageServer(connection, nodeHost(connection)).listen();
}
