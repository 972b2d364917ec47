import type { ObjectKeys } from '../engine/workspace/light-object';
import type { Workspace } from '../engine/workspace/workspace';
import type { ReadResult, WorkspaceFiles } from '../files/workspace-files';

/** What a past session learnt of one workspace file. */
export interface KeptFile {
  size: number;
  mtimeMs: number;
  /** Of its text, so that a file touched but not changed is still known once read. */
  hash: string;
  keys: ObjectKeys[];
}

/** A file as indexing finds it: read, or known from a past session and not read. */
export type IndexRead = ReadResult | { kind: 'kept'; kept: KeptFile };

/**
 * How the server reads the workspace files it indexes, and keeps what it learnt of them for the
 * next session where the host has somewhere to keep it. This module holds no Node built-in.
 */
export interface IndexCache {
  /** Whether what is learnt is kept for the next session. */
  readonly enabled: boolean;
  /** How many files were indexed by the keys of a past session since the last call. */
  takeReused(): number;
  read(uri: string): Promise<IndexRead>;
  /** Sets a file that `read` gave, as no editor shows it; returns the other files whose findings may change. */
  setUnopened(workspace: Workspace, uri: string, content: IndexRead & { kind: 'kept' | 'text' }): string[];
  /** Keeps what this session indexed; returns why that failed, if it did. */
  save(): Promise<string | undefined>;
}

/** Reads every file afresh, through `files`, and keeps nothing: a host without storage, such as the browser. */
export function uncachedIndex(files: WorkspaceFiles): IndexCache {
  return {
    enabled: false,
    takeReused: () => 0,
    read: (uri) => files.readYamlFile(uri),
    setUnopened: (workspace, uri, content) => (content.kind === 'text' ? workspace.setUnopened(uri, content.text) : []),
    save: async () => undefined,
  };
}
