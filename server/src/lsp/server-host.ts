import type { SyncDisk, WorkspaceFiles } from '../files/workspace-files';
import type { BaseSyncHost } from './base-sync';
import type { ChartSyncHost } from './chart-sync';

/** Helm chart rendering, which reads whole chart folders from disk. */
export interface ChartRendering {
  /** Takes the `Chart.yaml` files among the indexed URIs, and renders every chart. */
  reset(uris: readonly string[]): Promise<void>;
  manifestChanged(uri: string, exists: boolean): Promise<void>;
  renderAll(): void;
  fileChanged(uri: string): void;
}

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
  charts(host: ChartSyncHost): ChartRendering;
  bases(host: BaseSyncHost): BaseVersions;
  /** Said once in the output log when features are off for want of a disk. */
  withoutDisk?: string;
}
