import type { BuildFiles } from '../engine/kustomize/files';
import type { WorkspaceFiles } from './workspace-files';

/** Enough for any real chain of bases; a deeper one is cut off rather than read forever. */
const MAX_ROUNDS = 100;

/**
 * Runs a kustomize build over files read through `access`. The engine asks for files
 * synchronously and cannot wait, so each round reads what the previous build asked for and did
 * not get, and the build runs again until it asks for nothing new. Builds are quick next to the reads.
 */
export async function buildFromFiles<T>(access: Omit<WorkspaceFiles, 'findYamlFiles'>, build: (files: BuildFiles) => T): Promise<T> {
  const texts = new Map<string, string | undefined>();
  const folders = new Map<string, boolean>();
  for (let round = 0; ; round++) {
    const missingTexts = new Set<string>();
    const missingFolders = new Set<string>();
    const files: BuildFiles = {
      read: (uri) => (texts.has(uri) ? texts.get(uri) : (missingTexts.add(uri), undefined)),
      isFolder: (uri) => (folders.has(uri) ? folders.get(uri)! : (missingFolders.add(uri), false)),
    };
    const result = build(files);
    if ((missingTexts.size === 0 && missingFolders.size === 0) || round === MAX_ROUNDS) return result;
    await Promise.all([
      ...[...missingTexts].map(async (uri) => {
        const read = await access.readYamlFile(uri);
        texts.set(uri, read.kind === 'text' ? read.text : undefined);
      }),
      ...[...missingFolders].map(async (uri) => {
        folders.set(uri, await access.isFolder(uri).catch(() => false));
      }),
    ]);
  }
}
