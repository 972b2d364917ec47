import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { DeferredText } from '../engine/document/source-file';
import type { ObjectKeys } from '../engine/workspace/light-object';
import type { Workspace } from '../engine/workspace/workspace';
import type { WorkspaceFiles } from '../files/workspace-files';
import { uncachedIndex, type IndexCache, type IndexRead, type KeptFile } from './index-cache';

/** Raised whenever what the file holds changes meaning; a file of another format is ignored. */
const FORMAT = 2;

interface Stored {
  format: number;
  version: string;
  files: Record<string, KeptFile>;
}

/**
 * The light index of the disk files, kept in the extension's storage folder between sessions.
 * A file whose size and modification time are those a past session saw is indexed by the keys
 * it had then, and read only when a check needs its objects; one that changed is read, and
 * still indexed by its old keys if its text hashes the same. The server's version is part of
 * the key, since its checks may look up other keys. A file that is missing, corrupt or of
 * another version is no cache, and the next save replaces it.
 */
export class LightIndexCache implements IndexCache {
  private readonly seen = new Map<string, KeptFile>();
  /** Files indexed by the keys of a past session since the last call of `takeReused`. */
  private reused = 0;
  /** The size and time of the files read, noted with their keys once they are set. */
  private readonly pending = new Map<string, { size: number; mtimeMs: number }>();
  readonly enabled = true;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly kept: ReadonlyMap<string, KeptFile>,
    /** For the files that are not on the disk, such as a virtual workspace's, which are not kept. */
    private readonly offDisk: IndexCache,
  ) {}

  /**
   * The cache of these workspace folders in the storage folder `storageUri`, as the client
   * passed it; without one on the disk, every file is read through `files` and nothing is kept.
   */
  static async open(storageUri: unknown, folders: readonly string[], version: string, files: WorkspaceFiles): Promise<IndexCache> {
    const offDisk = uncachedIndex(files);
    if (typeof storageUri !== 'string') return offDisk;
    const storage = URI.parse(storageUri);
    if (storage.scheme !== 'file') return offDisk;
    // A window's global storage folder is shared by every workspace it opens: each set of folders has its own file.
    const file = path.join(storage.fsPath, `light-index-${digest(folders.join('\n')).slice(0, 16).replace(/[/+]/g, '_')}.json`);
    return new LightIndexCache(file, version, await readKept(file, version), offDisk);
  }

  takeReused(): number {
    const reused = this.reused;
    this.reused = 0;
    return reused;
  }

  /** A file for the index: not read when a past session saw it as it is on the disk. */
  async read(uri: string): Promise<IndexRead> {
    const file = diskPath(uri);
    if (file === undefined) return this.offDisk.read(uri);
    const kept = this.kept.get(file);
    // A synchronous stat costs a few microseconds; the promise one, a trip through the thread pool: a third of a second start.
    const stat = statOf(file);
    if (kept && stat?.isFile() && stat.size === kept.size && stat.mtimeMs === kept.mtimeMs) return { kind: 'kept', kept };
    const content = await this.offDisk.read(uri);
    if (content.kind === 'text' && stat) this.pending.set(file, { size: stat.size, mtimeMs: stat.mtimeMs });
    return content;
  }

  setUnopened(workspace: Workspace, uri: string, content: IndexRead & { kind: 'kept' | 'text' }): string[] {
    const file = diskPath(uri);
    if (file === undefined) return this.offDisk.setUnopened(workspace, uri, content);
    if (content.kind === 'kept') {
      this.reused++;
      // Indexed again (the folders or the exclusions changed) as this session already holds it: nothing changes.
      if (this.seen.get(file) === content.kept && workspace.get(uri)?.isKnown) return [];
      this.seen.set(file, content.kept);
      return workspace.setUnopened(uri, deferredText(file), content.kept.keys);
    }
    const hash = digest(content.text);
    const kept = this.kept.get(file);
    const known = kept?.hash === hash ? kept.keys : undefined;
    if (known) this.reused++;
    const affected = workspace.setUnopened(uri, content.text, known);
    const keys = workspace.lightKeysOf(uri);
    const stat = this.pending.get(file);
    this.pending.delete(file);
    if (keys && stat) this.seen.set(file, { ...stat, hash, keys });
    else this.seen.delete(file);
    return affected;
  }

  /** Writes what this session indexed, whole, through a temporary file; returns why it failed, if it did. */
  async save(): Promise<string | undefined> {
    const stored: Stored = { format: FORMAT, version: this.version, files: Object.fromEntries(this.seen) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.writeFile(temporary, JSON.stringify(stored));
      await fs.rename(temporary, this.file);
      return undefined;
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
  }
}

/**
 * A disk file's text, read when a check first needs it. Reading cannot wait there, so it is
 * synchronous; an entry that is no longer a regular file (a FIFO would block the read) or
 * cannot be read gives no text, and the file watcher's event for the change reindexes it.
 */
function deferredText(file: string): DeferredText {
  return {
    read: () => {
      let descriptor: number | undefined;
      try {
        descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
        if (!fstatSync(descriptor).isFile()) return '';
        const text = readFileSync(descriptor, 'utf8');
        return text.startsWith('\ufeff') ? text.slice(1) : text;
      } catch {
        return '';
      } finally {
        if (descriptor !== undefined) closeSync(descriptor);
      }
    },
  };
}

function statOf(file: string): { size: number; mtimeMs: number; isFile(): boolean } | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function diskPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

async function readKept(file: string, version: string): Promise<Map<string, KeptFile>> {
  const kept = new Map<string, KeptFile>();
  let stored: Partial<Stored> | undefined;
  try {
    stored = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Stored>;
  } catch {
    return kept;
  }
  if (stored?.format !== FORMAT || stored.version !== version || typeof stored.files !== 'object' || stored.files === null) return kept;
  for (const [name, entry] of Object.entries(stored.files)) if (isKeptFile(entry)) kept.set(name, entry);
  return kept;
}

function isKeptFile(value: unknown): value is KeptFile {
  if (typeof value !== 'object' || value === null) return false;
  const { size, mtimeMs, hash, keys } = value as Record<string, unknown>;
  return typeof size === 'number' && typeof mtimeMs === 'number' && typeof hash === 'string' && Array.isArray(keys) && keys.every(isObjectKeys);
}

function isObjectKeys(value: unknown): value is ObjectKeys {
  if (typeof value !== 'object' || value === null) return false;
  const { provided, required, references } = value as Record<string, unknown>;
  return [provided, required, references].every((keys) => Array.isArray(keys) && keys.every((key) => typeof key === 'string'));
}
