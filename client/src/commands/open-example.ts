import {
  commands,
  languages,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type TextEditor,
} from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { focusIn, isExampleFocus, type ExampleFocus } from '../example';

export const OPEN_EXAMPLE = 'kubeStateful.openExample';
const EXAMPLE = 'media/walkthrough/example-statefulset.yaml';
/** How long to wait for the server's first diagnostics before opening the quick fixes anyway. */
const DIAGNOSTICS_WAIT_MS = 10_000;

/**
 * Kube Stateful: Open Example StatefulSet: an unsaved copy of a StatefulSet with mistakes,
 * for the walkthrough. With `partition`, the hover on `partition` opens; with `password`,
 * the quick fixes of the inline password do, once the server has reported it.
 */
export function registerOpenExample(context: ExtensionContext): Disposable {
  return commands.registerCommand(OPEN_EXAMPLE, async (focus?: unknown) => {
    const bytes = await workspace.fs.readFile(Uri.joinPath(context.extensionUri, EXAMPLE));
    const content = new TextDecoder().decode(bytes);
    // A second click reuses the example while it is untouched, rather than open another copy.
    const untouched = workspace.textDocuments.find((candidate) => candidate.isUntitled && candidate.getText() === content);
    const document = untouched ?? (await workspace.openTextDocument({ language: 'yaml', content }));
    // From the walkthrough, no text editor is active: open beside it so that both stay in view.
    const editor = await window.showTextDocument(document, window.activeTextEditor ? ViewColumn.Active : ViewColumn.Beside);
    if (isExampleFocus(focus)) await showFocus(editor, content, focus);
  });
}

async function showFocus(editor: TextEditor, content: string, focus: ExampleFocus): Promise<void> {
  const target = focusIn(content, focus);
  if (!target) return;
  const range = new Range(target.line, target.start, target.line, target.end);
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenter);
  if (focus === 'partition') {
    await commands.executeCommand('editor.action.showHover');
    return;
  }
  await diagnosticsArrived(editor.document.uri);
  // The walkthrough may have taken the focus back meanwhile; the quick fix menu opens in the focused editor.
  await window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: range });
  await commands.executeCommand('editor.action.quickFix');
}

/** Resolves once Kube Stateful has reported on the document, or after a while regardless. */
function diagnosticsArrived(uri: Uri): Promise<void> {
  const reported = () => languages.getDiagnostics(uri).some((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
  if (reported()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, DIAGNOSTICS_WAIT_MS);
    const listener = languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && reported()) done();
    });
  });
}
