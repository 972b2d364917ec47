import { window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { redactedTraceChannel } from './redacted-trace';

/**
 * What the desktop and the web clients share: the documents checked, on disk and in the file
 * systems of the workspace folders (github.dev's `vscode-vfs`…), and one output channel for the
 * server's log and the protocol trace.
 */
export function clientOptions(context: ExtensionContext): LanguageClientOptions {
  const schemes = [...new Set(['file', ...(workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)])];
  // The trace leaves out document texts and edits.
  const outputChannel = window.createOutputChannel('Kube Stateful', { log: true });
  context.subscriptions.push(outputChannel);
  return {
    documentSelector: [
      ...schemes.map((scheme) => ({ scheme, language: 'yaml' })),
      { scheme: 'untitled', language: 'yaml' },
      // Helm charts: templates as the Helm extension names them, and helpers whatever their language.
      ...schemes.flatMap((scheme) => [
        { scheme, language: 'helm' },
        { scheme, pattern: '**/templates/**/*.tpl' },
      ]),
    ],
    outputChannel,
    traceOutputChannel: redactedTraceChannel(outputChannel),
  };
}
