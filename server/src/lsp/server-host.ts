import type { SyncDisk, WorkspaceFiles } from '../files/workspace-files';
import type { BaseSyncHost } from './base-sync';
import type { IndexCache } from './index-cache';

/** The committed version of each open file, read from its git repository. */
export interface BaseVersions {
  ensure(uri: string): void;
  forget(uri: string): void;
  reset(): void;
  isGitFile(uri: string): boolean;
  refsMoved(): void;
}

/**
 * What the server runs over: the Node server has the disk and everything on it; the browser
 * build reads the workspace through the client and leaves out what needs a disk. Only types are
 * imported here, so that the browser bundle takes in none of the disk code.
 */
export interface ServerHost {
  files: WorkspaceFiles;
  disk?: SyncDisk;
  bases(host: BaseSyncHost): BaseVersions;
  /** How the files indexed are read, and kept between sessions in the client's storage folder where the host can. */
  indexCache(storageUri: unknown, folders: readonly string[]): Promise<IndexCache>;
  /** Said once in the output log when features are off for want of a disk. */
  withoutDisk?: string;
}
