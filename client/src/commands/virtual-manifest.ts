import { Disposable, EventEmitter, Uri, ViewColumn, window, workspace, type TextDocumentContentProvider } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

/** What sets one kind of shown manifest (a chart's render, a kustomization's build) apart. */
export interface ManifestView {
  readonly scheme: string;
  /** The document's text for the source its URI's query names. */
  text(client: BaseLanguageClient, query: string): Promise<string>;
  readonly changedNotification: string;
  /** Whether a changed notification's params concern the document opened with this query. */
  concerns(params: unknown, query: string): boolean;
}

/**
 * A read-only virtual document kind that follows the server: each change notification refreshes
 * the documents it concerns. Returns the opener of such a document and what to dispose.
 */
export function registerManifestView(client: BaseLanguageClient, view: ManifestView): { show: (path: string, query: string) => Promise<void>; disposable: Disposable } {
  const changes = new EventEmitter<Uri>();
  const shown = new Set<string>();
  const provider: TextDocumentContentProvider = {
    onDidChange: changes.event,
    provideTextDocumentContent: (uri: Uri) => view.text(client, uri.query),
  };
  const onChanged = client.onNotification(view.changedNotification, (params: unknown) => {
    for (const uri of shown) {
      const parsed = Uri.parse(uri);
      if (view.concerns(params, parsed.query)) changes.fire(parsed);
    }
  });
  const onClosed = workspace.onDidCloseTextDocument((document) => {
    if (document.uri.scheme === view.scheme) shown.delete(document.uri.toString());
  });
  const show = async (path: string, query: string) => {
    const uri = Uri.from({ scheme: view.scheme, path, query });
    shown.add(uri.toString());
    const document = await workspace.openTextDocument(uri);
    await window.showTextDocument(document, { viewColumn: ViewColumn.Beside, preview: true, preserveFocus: true });
  };
  return { show, disposable: Disposable.from(workspace.registerTextDocumentContentProvider(view.scheme, provider), onChanged, onClosed, changes) };
}

/** A failed request as a comment in the document, so that the view still opens. */
export function failureText(what: string, error: unknown): string {
  return `# Kube Stateful could not get the ${what}: ${error instanceof Error ? error.message : String(error)}\n`;
}
