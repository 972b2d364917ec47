import { URI, Utils } from 'vscode-uri';

/**
 * What a build reads: files by URI and whether a URI is a folder. The engine never touches a
 * disk, so the language server hands its open documents and workspace index, the CLI the files it
 * read, and the web build whatever its host can see.
 */
export interface BuildFiles {
  /** The file's text; undefined when there is no such file (or it is a folder). */
  read(uri: string): string | undefined;
  isFolder(uri: string): boolean;
}

/** The names kustomize looks for in a folder, in its order. */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Files given as a map of URI to text; a folder is any URI that some file lies below. */
export function filesFromMap(texts: ReadonlyMap<string, string>): BuildFiles {
  const folders = new Set<string>();
  for (const uri of texts.keys()) {
    for (let slash = uri.lastIndexOf('/'); slash > uri.indexOf('://') + 2; slash = uri.lastIndexOf('/', slash - 1)) {
      const folder = uri.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return { read: (uri) => texts.get(uri), isFolder: (uri) => folders.has(uri) };
}

export function resolveUri(folder: string, relative: string): string {
  return Utils.resolvePath(URI.parse(folder), relative).toString();
}

export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** The kustomization file in a folder, if it holds one. */
export function kustomizationIn(files: BuildFiles, folder: string): string | undefined {
  return KUSTOMIZATION_NAMES.map((name) => `${folder}/${name}`).find((uri) => files.read(uri) !== undefined);
}

/** A path as a user wrote it relative to `from`, for messages. */
export function relativeTo(from: string, uri: string): string {
  const base = from.split('/');
  const target = uri.split('/');
  let common = 0;
  while (common < base.length && common < target.length && base[common] === target[common]) common++;
  const up = base.slice(common).map(() => '..');
  return decodeURIComponent([...up, ...target.slice(common)].join('/')) || '.';
}
