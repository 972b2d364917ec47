import type { Connection } from 'vscode-languageserver';
import { clientWorkspaceFiles } from './client-workspace-files';
import { uncachedIndex } from './index-cache';
import type { ServerHost } from './server-host';

/**
 * The server in a browser: workspace files come from the client, and no file is compared with
 * its committed version, as a virtual workspace such as github.dev's has no readable `.git`.
 */
export function webHost(connection: Connection): ServerHost {
  const files = clientWorkspaceFiles(connection);
  return {
    files,
    bases: () => ({ ensure: () => {}, forget: () => {}, reset: () => {}, isGitFile: () => false, refsMoved: () => {} }),
    indexCache: async () => uncachedIndex(files),
    withoutDisk:
      'On the web, files are not compared with their committed version (rule immutable-field-changed): that needs the git repository on a local disk. Every other check runs.',
  };
}
