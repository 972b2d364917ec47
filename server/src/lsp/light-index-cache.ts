import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { ObjectKeys } from '../engine/workspace/light-object';
import type { Workspace } from '../engine/workspace/workspace';

/** Raised whenever what the file holds changes meaning; a file of another format is ignored. */
const FORMAT = 1;

interface Stored {
  format: number;
  version: string;
  /** The keys each text was indexed by, by the text's hash. */
  texts: Record<string, ObjectKeys[]>;
}

/**
 * The light index of the disk files, kept in the extension's storage folder between sessions:
 * a file whose text is the one a past session indexed is indexed by the keys it had then,
 * without being read by the light reader. Keyed by the text's hash, so that a file changed by
 * any means is read again, and by the server's version, whose checks may read other keys. A
 * file that is missing, corrupt or of another version is no cache, and the next save replaces it.
 */
export class LightIndexCache {
  private readonly seen = new Map<string, ObjectKeys[]>();
  /** Files indexed by the keys of a past session since the last save. */
  reused = 0;

  private constructor(
    private readonly file: string | undefined,
    private readonly version: string,
    private readonly kept: ReadonlyMap<string, ObjectKeys[]>,
  ) {}

  /** No storage folder, no cache: every file is read. */
  static none(version: string): LightIndexCache {
    return new LightIndexCache(undefined, version, new Map());
  }

  /** The cache of these workspace folders in the storage folder `storageUri`, as the client passed it. */
  static async open(storageUri: unknown, folders: readonly string[], version: string): Promise<LightIndexCache> {
    if (typeof storageUri !== 'string') return LightIndexCache.none(version);
    const storage = URI.parse(storageUri);
    if (storage.scheme !== 'file') return LightIndexCache.none(version);
    // A window's global storage folder is shared by every workspace it opens: each set of folders has its own file.
    const file = path.join(storage.fsPath, `light-index-${digest(folders.join('\n')).slice(0, 16).replace(/[/+]/g, '_')}.json`);
    return new LightIndexCache(file, version, await readKept(file, version));
  }

  /** Whether the client gave a storage folder to keep the index in. */
  get enabled(): boolean {
    return this.file !== undefined;
  }

  /** Sets a disk file's text in the workspace as no editor shows it, with the keys a past session gave the same text. */
  setUnopened(workspace: Workspace, uri: string, text: string): string[] {
    const hash = digest(text);
    const known = this.kept.get(hash);
    if (known) this.reused++;
    const affected = workspace.setUnopened(uri, text, known);
    const keys = workspace.lightKeysOf(uri);
    if (keys) this.seen.set(hash, keys);
    return affected;
  }

  /** Writes the keys of the texts indexed in this session, whole, through a temporary file; returns why it failed, if it did. */
  async save(): Promise<string | undefined> {
    if (!this.file) return undefined;
    const stored: Stored = { format: FORMAT, version: this.version, texts: Object.fromEntries(this.seen) };
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

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

async function readKept(file: string, version: string): Promise<Map<string, ObjectKeys[]>> {
  const kept = new Map<string, ObjectKeys[]>();
  let stored: Partial<Stored> | undefined;
  try {
    stored = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Stored>;
  } catch {
    return kept;
  }
  if (stored?.format !== FORMAT || stored.version !== version || typeof stored.texts !== 'object' || stored.texts === null) return kept;
  for (const [hash, keys] of Object.entries(stored.texts)) if (Array.isArray(keys) && keys.every(isObjectKeys)) kept.set(hash, keys);
  return kept;
}

function isObjectKeys(value: unknown): value is ObjectKeys {
  if (typeof value !== 'object' || value === null) return false;
  const { provided, required, references } = value as Record<string, unknown>;
  return [provided, required, references].every((keys) => Array.isArray(keys) && keys.every((key) => typeof key === 'string'));
}
