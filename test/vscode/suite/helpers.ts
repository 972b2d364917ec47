import * as vscode from 'vscode';

/*
 * What the extension-host suites share, the desktop one and the web one. Nothing here may need
 * Node: the web suite runs in the browser's extension host.
 */

export const folder = () => vscode.workspace.workspaceFolders![0].uri;
export const file = (name: string) => vscode.Uri.joinPath(folder(), name);

export async function waitFor<T>(read: () => T | PromiseLike<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const codeOf = (diagnostic: vscode.Diagnostic) =>
  typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);

/** Where `text` first appears in a document. */
export async function positionOf(uri: vscode.Uri, text: string): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(uri);
  return document.positionAt(document.getText().indexOf(text));
}
