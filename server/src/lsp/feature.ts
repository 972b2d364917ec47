import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceFile } from '../engine/document/source-file';
import type { Workspace } from '../engine/workspace/workspace';
import type { SyncDisk } from '../files/workspace-files';
import type { ServerSettings } from './settings';

/** What a feature of the server (hover, completion, code actions) may use. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  /** Files that neither an editor nor the index holds; none in the browser. */
  disk?: SyncDisk;
  settings(): ServerSettings;
  /**
   * The parsed file for an open document, with any edit still waiting for its debounce
   * applied first, so that a request answers for the text the user sees.
   */
  currentFile(uri: string): SourceFile | undefined;
}

/** One capability of the server: what it announces, and the handlers it installs. */
export interface Feature {
  capabilities(client: ClientCapabilities): ServerCapabilities;
  register(context: ServerContext): void;
  /** Told after the settings changed, for a feature whose answers depend on them. */
  settingsChanged?(): void;
}
