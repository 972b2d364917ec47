import type { ClientCapabilities, DefinitionParams, Location, LocationLink, ServerCapabilities } from 'vscode-languageserver';
import { definitionsAt } from '../engine/navigation/navigate';
import type { Feature, ServerContext } from './feature';
import { helmDefinitions } from './helm-definition';
import { currentWorkspaceFile, guarded, locationOf, openable } from './navigation-support';

/**
 * Go to definition: from a field naming an object, key or volume (`serviceName`, `secretKeyRef`,
 * `claimName`, a selector…) to where it is defined, nearest first; in chart templates, from a
 * values path or an `include` to what it names.
 */
class Definition implements Feature {
  private links = false;

  capabilities(client: ClientCapabilities): ServerCapabilities {
    this.links = client.textDocument?.definition?.linkSupport === true;
    return { definitionProvider: true };
  }

  register(context: ServerContext): void {
    const attempt = guarded<Location[] | LocationLink[] | null>(context, 'Definition');
    context.connection.onDefinition((params) => attempt(() => helmDefinitions(context, params) ?? this.definitions(context, params), null));
  }

  private definitions(context: ServerContext, params: DefinitionParams): Location[] | LocationLink[] | null {
    const file = currentWorkspaceFile(context, params.textDocument.uri);
    const found = file && definitionsAt(context.workspace, file, params.position);
    if (!found) return null;
    const targets = openable(found.targets);
    if (!this.links) return targets.map(locationOf);
    return targets.map((target) => ({
      originSelectionRange: found.origin.range,
      targetUri: target.uri,
      targetRange: target.extent,
      targetSelectionRange: target.range,
    }));
  }
}

export const definition: Feature = new Definition();
