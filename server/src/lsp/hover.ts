import { MarkupKind, type Hover, type HoverParams, type ServerCapabilities } from 'vscode-languageserver';
import { hoverAt } from '../engine/hover/hover';
import type { Feature, ServerContext } from './feature';

/** Hovers: what a StatefulSet field does to this set's pods and volumes, then the field's reference docs. */
export const hover: Feature = {
  capabilities(): ServerCapabilities {
    return { hoverProvider: true };
  },

  register(context: ServerContext): void {
    let failed = false;
    context.connection.onHover((params: HoverParams): Hover | null => {
      try {
        const file = context.currentFile(params.textDocument.uri);
        if (!file) return null;
        const answer = hoverAt(context.workspace, file, params.position, { fieldDocs: context.settings().hoverFieldDocs });
        return answer ? { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range: answer.range } : null;
      } catch (error) {
        // One log line is enough to report a bug; the editor simply shows no hover.
        if (!failed) context.connection.console.error(`Hover failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        failed = true;
        return null;
      }
    });
  },
};
