import { existsSync, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import { ALWAYS_EXCLUDED, type SyncDisk, type WorkspaceFiles } from './workspace-files';
import { findByGlob, findYamlFiles, readYamlFile } from './yaml-files';

/** The disk holds only `file:` URIs; any other scheme reads as missing. */
function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export const nodeWorkspaceFiles: WorkspaceFiles = {
  async findYamlFiles(folderUri, exclude) {
    const folder = pathOf(folderUri);
    if (folder === undefined) return [];
    const files = await findYamlFiles(folder, exclude).catch(() => []);
    return files.map((file) => URI.file(file).toString());
  },
  readYamlFile(uri) {
    const file = pathOf(uri);
    return file === undefined ? Promise.resolve({ kind: 'unreadable', reason: 'not on disk' }) : readYamlFile(file);
  },
  async isFolder(uri) {
    const file = pathOf(uri);
    return file !== undefined && (await fs.stat(file).then((stat) => stat.isDirectory(), () => false));
  },
  async listFiles(folderUri) {
    const folder = pathOf(folderUri);
    if (folder === undefined) return [];
    const files = await glob(['**/*'], { cwd: folder, dot: true, ignore: ALWAYS_EXCLUDED, absolute: true, followSymbolicLinks: false }).catch(() => []);
    return files.map((file) => URI.file(file).toString());
  },
  async findByGlob(pattern, folderUri) {
    const folder = pathOf(folderUri);
    if (folder === undefined) return [];
    return (await findByGlob(pattern, folder).catch(() => [])).map((file) => URI.file(file).toString());
  },
};

function orUndefined<T>(read: (file: string) => T): (uri: string) => T | undefined {
  return (uri) => {
    const file = pathOf(uri);
    try {
      return file === undefined ? undefined : read(file);
    } catch {
      return undefined;
    }
  };
}

export const nodeSyncDisk: SyncDisk = {
  readText: orUndefined((file) => readFileSync(file, 'utf8')),
  exists: (uri) => orUndefined(existsSync)(uri) ?? false,
  list: (uri) => orUndefined((file) => readdirSync(file).sort())(uri) ?? [],
  isFolder: (uri) => orUndefined((file) => statSync(file).isDirectory())(uri) ?? false,
};
