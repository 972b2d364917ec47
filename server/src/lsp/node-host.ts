import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { nodeSyncDisk, nodeWorkspaceFiles } from '../files/node-workspace-files';
import type { WorkspaceFiles } from '../files/workspace-files';
import { BaseSync } from './base-sync';
import { version } from '../../../package.json';
import { clientWorkspaceFiles } from './client-workspace-files';
import { LightIndexCache } from './light-index-cache';
import type { ServerHost } from './server-host';

/**
 * The server over the local disk: every feature, git's committed versions and Helm charts
 * included. A workspace on a virtual file system (GitHub Repositories in desktop VS Code) is
 * read through the client, as in the browser.
 */
export function nodeHost(connection: Connection): ServerHost {
  const client = clientWorkspaceFiles(connection);
  const by = (uri: string): WorkspaceFiles => (URI.parse(uri).scheme === 'file' ? nodeWorkspaceFiles : client);
  const files: WorkspaceFiles = {
    findYamlFiles: (folderUri, exclude) => by(folderUri).findYamlFiles(folderUri, exclude),
    readYamlFile: (uri) => by(uri).readYamlFile(uri),
    isFolder: (uri) => by(uri).isFolder(uri),
    listFiles: (folderUri) => by(folderUri).listFiles(folderUri),
    findByGlob: (pattern, folderUri) => by(folderUri).findByGlob(pattern, folderUri),
  };
  return {
    files,
    disk: nodeSyncDisk,
    bases: (host) => new BaseSync(host),
    indexCache: (storageUri, folders) => LightIndexCache.open(storageUri, folders, version, files),
  };
}
