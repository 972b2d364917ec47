import { promises as fs } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { MAX_FILE_BYTES } from '../engine/document/source-file';

/** YAML files by extension, and kustomize's third name for a kustomization, which has none. */
const YAML_PATTERNS = ['**/*.yaml', '**/*.yml', '**/Kustomization'];
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/**
 * The most workspace files the language server indexes. A file no editor shows is held by the
 * light index, at a few times its size, until a check parses it (then about thirty times), and
 * a checkout of generated or vendored YAML can hold hundreds of thousands; past this many, the
 * files nearest the folder root are kept.
 */
export const MAX_INDEXED_FILES = 25_000;

/** Files nearest their folder's root first, then by path: the order in which indexing keeps files. */
export function nearestFirst(files: readonly string[]): string[] {
  const depth = (file: string) => file.split(path.sep).length;
  return [...files].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Every YAML file below `root`, leaving out dependencies, Git internals and `exclude` globs. */
export function findYamlFiles(root: string, exclude: readonly string[] = []): Promise<string[]> {
  return glob(YAML_PATTERNS, {
    cwd: root,
    ignore: [...ALWAYS_EXCLUDED, ...exclude],
    absolute: true,
    dot: true,
    followSymbolicLinks: false,
  });
}

/** Files matching a glob, relative to `cwd`. */
export function findByGlob(pattern: string, cwd: string): Promise<string[]> {
  return glob([pattern], { cwd, ignore: ALWAYS_EXCLUDED, absolute: true, dot: true, followSymbolicLinks: false });
}

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** Whether `file` lies inside the folder `root`. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function relativePosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Whether a file below `root` is left out by the fixed exclusions or the `exclude` globs. */
export function isExcludedPath(root: string, file: string, exclude: readonly string[] = []): boolean {
  return picomatch.isMatch(relativePosix(root, file), [...ALWAYS_EXCLUDED, ...exclude], { dot: true });
}

/** Whether a file is one that `findYamlFiles(root, exclude)` would list. */
export function isIndexedPath(root: string, file: string, exclude: readonly string[] = []): boolean {
  return (
    isInside(root, file) &&
    picomatch.isMatch(relativePosix(root, file), YAML_PATTERNS, { dot: true }) &&
    !isExcludedPath(root, file, exclude)
  );
}

export type ReadResult =
  | { kind: 'text'; text: string }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'unreadable'; reason: string };

/**
 * Reads a file unless it is over the size limit, without throwing. A FIFO or device named like a
 * YAML file is never opened (reading one could wait forever). A byte order mark is dropped, as
 * editors drop it, so that columns on the first line agree with what the user sees.
 */
export async function readYamlFile(file: string): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { kind: 'oversized', bytes: stat.size };
    const text = await fs.readFile(file, 'utf8');
    return { kind: 'text', text: text.startsWith('\ufeff') ? text.slice(1) : text };
  } catch (error) {
    return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}
