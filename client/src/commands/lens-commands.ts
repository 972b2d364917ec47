import { commands, Disposable, Selection, TextEditorRevealType, Uri, window } from 'vscode';
import type { BaseLanguageClient, Range as LspRange } from 'vscode-languageclient';
import { QUICK_FIX_COMMAND, REVEAL_LOCATION_COMMAND } from '../protocol';

/**
 * The commands the server's code lenses run: show a place (the governing Service, the budget),
 * or open the quick fixes where a finding is (no headless Service). Their arguments are a URI
 * and a range as LSP writes them.
 */
export function registerLensCommands(client: BaseLanguageClient): Disposable {
  const open = async (uri: unknown, range: unknown) => {
    if (typeof uri !== 'string' || !isRange(range)) return undefined;
    const selection = client.protocol2CodeConverter.asRange(range);
    const editor = await window.showTextDocument(Uri.parse(uri), { selection, preview: false });
    editor.revealRange(selection, TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  };
  return Disposable.from(
    commands.registerCommand(REVEAL_LOCATION_COMMAND, (uri: unknown, range: unknown) => open(uri, range)),
    commands.registerCommand(QUICK_FIX_COMMAND, async (uri: unknown, range: unknown) => {
      const editor = await open(uri, range);
      if (!editor) return;
      // The quick fix menu opens at the cursor, and lists the fixes of the findings there.
      editor.selection = new Selection(editor.selection.start, editor.selection.start);
      await commands.executeCommand('editor.action.quickFix');
    }),
  );
}

function isRange(value: unknown): value is LspRange {
  const range = value as LspRange | undefined;
  return typeof range?.start?.line === 'number' && typeof range.start.character === 'number' && typeof range.end?.line === 'number';
}
