import picomatch from 'picomatch';
import { URI, Utils } from 'vscode-uri';

/*
 * What the language server needs of the files of a workspace, by URI, so that the same server
 * runs over the disk (Node) and over the editor's file systems (the browser, where a workspace
 * is often virtual, such as github.dev's). This module holds no Node built-in.
 */

/** YAML files by extension, and kustomize's third name for a kustomization, which has none. */
export const YAML_PATTERNS = ['**/*.yaml', '**/*.yml', '**/Kustomization'];
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/**
 * The most workspace files the language server indexes. A file no editor shows is held by the
 * light index, at a few times its size, until a check parses it (then about thirty times), and
 * a checkout of generated or vendored YAML can hold hundreds of thousands; past this many, the
 * files nearest the folder root are kept.
 */
export const MAX_INDEXED_FILES = 25_000;

export type ReadResult =
  | { kind: 'text'; text: string }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'unreadable'; reason: string };

export interface WorkspaceFiles {
  /** The URIs of every YAML file of a workspace folder, leaving out dependencies, Git internals and `exclude` globs. */
  findYamlFiles(folderUri: string, exclude: readonly string[]): Promise<string[]>;
  /** A file's text unless it is over the size limit; never throws. */
  readYamlFile(uri: string): Promise<ReadResult>;
  isFolder(uri: string): Promise<boolean>;
  /** Every file below a folder, as URIs, leaving out dependencies and Git internals. */
  listFiles(folderUri: string): Promise<string[]>;
  /** The files matching a glob relative to a folder, as URIs, leaving out dependencies and Git internals. */
  findByGlob(pattern: string, folderUri: string): Promise<string[]>;
}

/** The path of `uri` below the folder `folderUri`, with `/` separators; undefined outside it. */
export function relativePath(folderUri: string, uri: string): string | undefined {
  const folder = URI.parse(folderUri);
  const file = URI.parse(uri);
  if (folder.scheme !== file.scheme || folder.authority !== file.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return file.path.startsWith(base) && file.path.length > base.length ? file.path.slice(base.length) : undefined;
}

/** The URI of a file below a folder's URI, by its path relative to it with `/` separators. */
export function uriIn(folderUri: string, relative: string): string {
  return Utils.joinPath(URI.parse(folderUri), ...relative.split('/')).toString();
}

/** Whether a file below the folder is left out by the fixed exclusions or the `exclude` globs. */
export function isExcludedUri(folderUri: string, uri: string, exclude: readonly string[] = []): boolean {
  const relative = relativePath(folderUri, uri);
  return relative !== undefined && picomatch.isMatch(relative, [...ALWAYS_EXCLUDED, ...exclude], { dot: true });
}

/** Whether a file is one that `findYamlFiles(folderUri, exclude)` would list. */
export function isIndexedUri(folderUri: string, uri: string, exclude: readonly string[] = []): boolean {
  const relative = relativePath(folderUri, uri);
  return relative !== undefined && picomatch.isMatch(relative, YAML_PATTERNS, { dot: true }) && !isExcludedUri(folderUri, uri, exclude);
}

/** Files nearest their folder's root first, then by URI: the order in which indexing keeps files. */
export function nearestFirstUris(uris: readonly string[]): string[] {
  const depth = (uri: string) => URI.parse(uri).path.split('/').length;
  return [...uris].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Synchronous reads for the requests that look at files no index holds, such as a chart's
 * `.tpl` helpers; a server without a disk has none, and answers from open editors and the index.
 */
export interface SyncDisk {
  readText(uri: string): string | undefined;
  exists(uri: string): boolean;
  /** The names in a folder, sorted; none when it is no folder. */
  list(uri: string): string[];
  isFolder(uri: string): boolean;
}
