import type { DocumentLink, ServerCapabilities } from 'vscode-languageserver';
import { ruleLinksOf } from '../engine/navigation/rule-links';
import type { Feature, ServerContext } from './feature';
import { guarded } from './navigation-support';

/** Links from the rule ids of suppression comments to the rules' documentation. */
export const documentLinks: Feature = {
  capabilities(): ServerCapabilities {
    return { documentLinkProvider: { resolveProvider: false } };
  },

  register(context: ServerContext): void {
    const attempt = guarded<DocumentLink[]>(context, 'Document links');
    context.connection.onDocumentLinks((params) =>
      attempt(() => {
        const file = context.currentFile(params.textDocument.uri);
        return (file ? ruleLinksOf(file) : []).map((link) => ({ range: link.range, target: link.target, tooltip: `Documentation of ${link.ruleId}` }));
      }, []),
    );
  },
};
