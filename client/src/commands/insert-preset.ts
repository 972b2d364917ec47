import {
  commands,
  Position,
  Range,
  SnippetString,
  Uri,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type TextEditor,
} from 'vscode';
import { placePreset } from '../preset-placement';
import { presetsOf, snippetFiles, type Preset } from '../presets';

export const INSERT_PRESET = 'kubeStateful.insertPreset';

/**
 * Kube Stateful: Insert Database Preset…: a quick pick of the presets of the snippet files
 * the extension contributes, read from its folder each time so that the list is the snippets'.
 */
export function registerInsertPreset(context: ExtensionContext): Disposable {
  return commands.registerCommand(INSERT_PRESET, async () => {
    const presets = await loadPresets(context);
    const picked = await window.showQuickPick(
      presets.map((preset) => ({ label: preset.name, description: preset.prefix, detail: preset.description, preset })),
      {
        title: 'Insert Database Preset',
        placeHolder: 'Pick an engine: its StatefulSet comes with its Services and PodDisruptionBudget',
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (picked) await insert(picked.preset);
  });
}

async function loadPresets(context: ExtensionContext): Promise<Preset[]> {
  const files = snippetFiles(context.extension.packageJSON);
  const texts = await Promise.all(
    files.map((file) =>
      workspace.fs.readFile(Uri.joinPath(context.extensionUri, file)).then(
        (bytes) => new TextDecoder().decode(bytes),
        () => '',
      ),
    ),
  );
  return texts.flatMap(presetsOf);
}

async function insert(preset: Preset): Promise<void> {
  const active = window.activeTextEditor;
  const editor = active?.document.languageId === 'yaml' ? active : await newYamlEditor();
  const document = editor.document;
  const lines = Array.from({ length: document.lineCount }, (_, line) => document.lineAt(line).text);
  const placement = placePreset(lines, editor.selection.active.line);
  // The separators are plain text; the body keeps its tab stops and mirrored placeholders.
  const text = (plain: string) => new SnippetString().appendText(plain).value;
  const snippet = (before: string, after = '') => new SnippetString(text(before) + preset.body + text(after));
  switch (placement.kind) {
    case 'replace-all':
      const whole = new Range(new Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
      await editor.insertSnippet(snippet('', '\n'), whole);
      return;
    case 'at-line':
      await editor.insertSnippet(snippet(placement.before, placement.after), document.lineAt(placement.line).range);
      return;
    case 'at-end':
      await editor.insertSnippet(snippet(placement.before, '\n'), document.lineAt(document.lineCount - 1).range.end);
  }
}

async function newYamlEditor(): Promise<TextEditor> {
  return window.showTextDocument(await workspace.openTextDocument({ language: 'yaml' }));
}
