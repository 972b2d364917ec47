import { promises as fs } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { GitFileAccess, Inflate } from '../engine/git/access';

/*
 * The git reader's file access and inflate for the server and the CLI. Every failure of the
 * file system reads as "missing": the reader decides what a missing file means.
 */

const orUndefined = <T>(promise: Promise<T>): Promise<T | undefined> => promise.catch(() => undefined);

async function readSlice(path: string, offset: number, length: number): Promise<Uint8Array> {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function stat(path: string): Promise<{ kind: 'file' | 'directory'; size: number } | undefined> {
  const found = await fs.stat(path);
  if (found.isDirectory()) return { kind: 'directory', size: found.size };
  return found.isFile() ? { kind: 'file', size: found.size } : undefined;
}

export const nodeGitAccess: GitFileAccess = {
  read: (path) => orUndefined(fs.readFile(path)),
  readSlice: (path, offset, length) => orUndefined(readSlice(path, offset, length)),
  stat: (path) => orUndefined(stat(path)),
  list: (path) => orUndefined(fs.readdir(path)),
};

/** node:zlib, which stops at the limit instead of allocating whatever a corrupt or hostile object declares. */
export const zlibInflate: Inflate = async (compressed, maxBytes) => {
  try {
    const data = inflateSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
    return data.length > maxBytes ? undefined : data;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
};
