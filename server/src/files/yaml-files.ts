import { promises as fs } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { MAX_FILE_BYTES } from '../engine/source-file';

const YAML_PATTERNS = ['**/*.yaml', '**/*.yml'];
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

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

/** Reads a file unless it is over the size limit, without throwing. */
export async function readYamlFile(file: string): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { kind: 'oversized', bytes: stat.size };
    return { kind: 'text', text: await fs.readFile(file, 'utf8') };
  } catch (error) {
    return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}
