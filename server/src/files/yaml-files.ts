import { promises as fs } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { MAX_FILE_BYTES } from '../engine/document/source-file';
import { ALWAYS_EXCLUDED, YAML_PATTERNS, type ReadResult } from './workspace-files';

export { MAX_INDEXED_FILES, type ReadResult } from './workspace-files';

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
