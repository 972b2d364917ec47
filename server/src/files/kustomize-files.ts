import { promises as fs } from 'node:fs';
import { URI } from 'vscode-uri';
import type { BuildFiles } from '../engine/kustomize/files';
import { readYamlFile } from './yaml-files';

/** Enough for any real chain of bases; a deeper one is cut off rather than read forever. */
const MAX_ROUNDS = 100;

/**
 * Runs a kustomize build over files read from disk. The engine asks for files synchronously and
 * cannot wait, so each round reads what the previous build asked for and did not get, and the
 * build runs again until it asks for nothing new. Builds are quick next to the reads.
 */
export async function buildFromDisk<T>(build: (files: BuildFiles) => T): Promise<T> {
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
        const read = await readYamlFile(URI.parse(uri).fsPath);
        texts.set(uri, read.kind === 'text' ? read.text : undefined);
      }),
      ...[...missingFolders].map(async (uri) => {
        folders.set(uri, await fs.stat(URI.parse(uri).fsPath).then((stat) => stat.isDirectory(), () => false));
      }),
    ]);
  }
}
