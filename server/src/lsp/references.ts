import type { Location, ServerCapabilities } from 'vscode-languageserver';
import { referencesAt } from '../engine/navigation/navigate';
import type { Feature, ServerContext } from './feature';
import { currentWorkspaceFile, guarded, locationOf, openable } from './navigation-support';

/** Find references: everything in the workspace that points at the object, key or volume under the cursor. */
export const references: Feature = {
  capabilities(): ServerCapabilities {
    return { referencesProvider: true };
  },

  register(context: ServerContext): void {
    const attempt = guarded<Location[] | null>(context, 'Find references');
    context.connection.onReferences((params) =>
      attempt(() => {
        const file = currentWorkspaceFile(context, params.textDocument.uri);
        const places = file && referencesAt(context.workspace, file, params.position, params.context.includeDeclaration);
        return places ? openable(places).map(locationOf) : null;
      }, null),
    );
  },
};
