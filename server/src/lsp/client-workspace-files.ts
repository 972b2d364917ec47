import type { Connection } from 'vscode-languageserver';
import { MAX_FILE_BYTES } from '../engine/document/source-file';
import { isIndexedUri, MAX_INDEXED_FILES, type ReadResult, type WorkspaceFiles } from '../files/workspace-files';

/** Asks the client for the YAML files of a workspace folder: `{ folderUri, max }`, answered with URIs. */
export const FIND_YAML_FILES_REQUEST = 'kubeStateful/findYamlFiles';
/** Asks the client for a file's text: `{ uri, maxBytes }`, answered with a `ReadResult`. */
export const READ_FILE_REQUEST = 'kubeStateful/readFile';
/** Asks the client whether a URI names a folder: `{ uri }`, answered with a boolean. */
export const IS_FOLDER_REQUEST = 'kubeStateful/isFolder';
/** Asks the client for the files below a folder that match a glob: `{ folderUri, pattern, max }`, answered with URIs. */
export const FIND_FILES_REQUEST = 'kubeStateful/findFiles';

/**
 * More than the index keeps, so that the files nearest the folder roots are the ones kept, as on
 * the desktop, and the log can say how many were left out.
 */
const MAX_LISTED = MAX_INDEXED_FILES * 5;

/**
 * The workspace's files as the editor sees them, asked of the client: in a browser the server
 * has no disk, and a workspace may live on a virtual file system such as github.dev's. The
 * `exclude` globs are applied here, as for the disk, so both mean the same.
 */
export function clientWorkspaceFiles(connection: Connection): WorkspaceFiles {
  return {
    async findYamlFiles(folderUri, exclude) {
      const found: unknown = await connection.sendRequest(FIND_YAML_FILES_REQUEST, { folderUri, max: MAX_LISTED });
      const uris = Array.isArray(found) ? found.filter((uri): uri is string => typeof uri === 'string') : [];
      return uris.filter((uri) => isIndexedUri(folderUri, uri, exclude));
    },
    async readYamlFile(uri) {
      try {
        const read = (await connection.sendRequest(READ_FILE_REQUEST, { uri, maxBytes: MAX_FILE_BYTES })) as ReadResult | null;
        return read ?? { kind: 'unreadable', reason: 'no answer' };
      } catch (error) {
        return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
      }
    },
    async isFolder(uri) {
      return (await connection.sendRequest(IS_FOLDER_REQUEST, { uri }).catch(() => false)) === true;
    },
    listFiles: (folderUri) => findFiles(connection, folderUri, '**/*'),
    findByGlob: (pattern, folderUri) => findFiles(connection, folderUri, pattern),
  };
}

async function findFiles(connection: Connection, folderUri: string, pattern: string): Promise<string[]> {
  const found: unknown = await connection.sendRequest(FIND_FILES_REQUEST, { folderUri, pattern, max: MAX_LISTED }).catch(() => []);
  return Array.isArray(found) ? found.filter((uri): uri is string => typeof uri === 'string') : [];
}
