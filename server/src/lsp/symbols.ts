import {
  SymbolKind,
  type ClientCapabilities,
  type DocumentSymbol,
  type ServerCapabilities,
  type SymbolInformation,
} from 'vscode-languageserver';
import { outlineOf, workspaceObjects, type OutlineObject } from '../engine/navigation/outline';
import type { Feature, ServerContext } from './feature';
import { guarded } from './navigation-support';

/** The outline of a file, one symbol per object with its top-level fields, and the workspace's objects by name. */
class Symbols implements Feature {
  private hierarchical = false;

  capabilities(client: ClientCapabilities): ServerCapabilities {
    this.hierarchical = client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    return { documentSymbolProvider: { label: 'Kubernetes objects' }, workspaceSymbolProvider: true };
  }

  register(context: ServerContext): void {
    const outline = guarded<DocumentSymbol[] | SymbolInformation[]>(context, 'Outline');
    const search = guarded<SymbolInformation[]>(context, 'Workspace symbols');
    context.connection.onDocumentSymbol((params) =>
      outline(() => {
        const file = context.currentFile(params.textDocument.uri);
        const objects = file ? outlineOf(context.workspace, file) : [];
        return this.hierarchical ? objects.map(documentSymbolOf) : objects.map((object) => symbolInformationOf(params.textDocument.uri, object));
      }, []),
    );
    context.connection.onWorkspaceSymbol((params) =>
      search(() => workspaceObjects(context.workspace, params.query).map(({ uri, object }) => symbolInformationOf(uri, object)), []),
    );
  }
}

function documentSymbolOf(object: OutlineObject): DocumentSymbol {
  return {
    name: object.name,
    detail: object.namespace,
    kind: SymbolKind.Class,
    range: object.range,
    selectionRange: object.selectionRange,
    children: object.fields.map((field) => ({ name: field.name, kind: SymbolKind.Field, range: field.range, selectionRange: field.selectionRange })),
  };
}

function symbolInformationOf(uri: string, object: OutlineObject): SymbolInformation {
  return { name: object.name, kind: SymbolKind.Class, location: { uri, range: object.selectionRange }, containerName: object.namespace };
}

export const symbols: Feature = new Symbols();
