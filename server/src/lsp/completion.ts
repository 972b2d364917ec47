import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { completionsAt } from '../engine/completion/completion';
import type { CompletionEntry, CompletionKind } from '../engine/completion/types';
import type { SourceFile } from '../engine/document/source-file';
import type { Feature, ServerContext } from './feature';
import { helmValuesCompletion } from './helm-values-completion';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  key: CompletionItemKind.Constant,
};

/** A space or colon typed after a key opens the list of its values; a dot after `.Values` in a chart template, its keys. */
const TRIGGER_CHARACTERS = [' ', ':', '.'];

/** Completion of field names and of values, including the Services, Secrets and volumes of the workspace. */
class Completion implements Feature {
  private snippets = false;
  private failed = false;

  capabilities(client: ClientCapabilities): ServerCapabilities {
    this.snippets = client.textDocument?.completion?.completionItem?.snippetSupport === true;
    return { completionProvider: { triggerCharacters: TRIGGER_CHARACTERS } };
  }

  register(context: ServerContext): void {
    context.connection.onCompletion((params) => this.complete(context, params));
  }

  private complete(context: ServerContext, params: CompletionParams): CompletionItem[] {
    try {
      const values = helmValuesCompletion(context, params);
      if (values) return values;
      // A dot typed anywhere else is part of a name or a number, not a reason to open a list.
      if (params.context?.triggerCharacter === '.') return [];
      const file = this.sourceOf(context, params.textDocument.uri);
      if (!file) return [];
      // A typed space or colon may be indentation or part of a value: only a value list is worth opening then.
      const typed = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter;
      const entries = completionsAt(context.workspace, file, params.position, {
        fields: context.settings().completionFields,
        valuesOnly: typed,
      });
      return entries.map((entry) => this.itemOf(entry));
    } catch (error) {
      if (!this.failed) context.connection.console.error(`Completion failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.failed = true;
      return [];
    }
  }

  /**
   * The editor's text, without parsing the whole file again: completion comes with every
   * keystroke and reads only the document at the cursor. A file the index holds is neither
   * excluded nor new, and its last indexed version, at most one debounce old, tells whether
   * it is skipped (a Helm template, a file too large).
   */
  private sourceOf(context: ServerContext, uri: string): Pick<SourceFile, 'text' | 'skipped'> | undefined {
    const document = context.documents.get(uri);
    const indexed = context.workspace.get(uri);
    if (!document) return undefined;
    return indexed ? { text: document.getText(), skipped: indexed.skipped } : context.currentFile(uri);
  }

  private itemOf(entry: CompletionEntry): CompletionItem {
    const snippet = entry.snippet && this.snippets;
    return {
      label: entry.label,
      kind: KINDS[entry.kind],
      detail: entry.detail,
      documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
      textEdit: { range: entry.range, newText: entry.snippet && !snippet ? plainText(entry.insertText) : entry.insertText },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // The engine indents inserted lines itself, to the column of the key.
      insertTextMode: InsertTextMode.asIs,
      sortText: entry.sortText,
      preselect: entry.preselect || undefined,
      command: entry.retrigger ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined,
    };
  }
}

/** A snippet as plain text, for clients without snippet support: tab stops and choices left empty. */
function plainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|[^|]*\|\}/g, '')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

export const completion: Feature = new Completion();
