import { DidChangeWatchedFilesNotification, type Connection, type FileSystemWatcher } from 'vscode-languageserver';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { GitRepository } from '../engine/git/repository';
import type { BaseVersion } from '../engine/workspace/base-versions';
import type { Workspace } from '../engine/workspace/workspace';
import { CommittedFiles, parseCommittedUri } from '../files/committed-files';

/** Asks for the committed text behind a `kube-stateful-git:` URI, for the client's read-only view of it. */
export const COMMITTED_TEXT_REQUEST = 'kubeStateful/committedText';
export { COMMITTED_SCHEME } from '../files/committed-files';

export interface BaseSyncHost {
  connection: Connection;
  workspace: Workspace;
  /** `kubeStateful.compareWith`: a revision, or `off`. */
  compareWith(): string;
  /** Whether the client registers file watchers at all, and with a base folder (LSP relative patterns). */
  watchers(): { relativePatterns: boolean } | undefined;
  validateOpen(uris: readonly string[]): void;
}

/**
 * Gives the workspace the committed version of each open file, read in-process from its
 * repository, and reads it again when a ref the comparison follows moves (a commit, a
 * checkout, a pull): the client watches the repositories' `HEAD`, `packed-refs` and refs.
 */
export class BaseSync {
  private readonly committed = new CommittedFiles();
  /** The files with a base version asked for, as a ref moving must read them again. */
  private readonly tracked = new Set<string>();
  private readonly watchedGitDirs = new Set<string>();
  private generation = 0;

  constructor(private readonly host: BaseSyncHost) {
    host.connection.onRequest(COMMITTED_TEXT_REQUEST, (params: { uri?: unknown }) => this.committedText(params?.uri));
  }

  /** Reads a file's base version the first time it is checked; later reads follow the refs. */
  ensure(uri: string): void {
    if (this.tracked.has(uri) || this.host.compareWith() === 'off' || URI.parse(uri).scheme !== 'file') return;
    this.tracked.add(uri);
    void this.load(uri, this.generation);
  }

  forget(uri: string): void {
    this.tracked.delete(uri);
    this.host.workspace.setBase(uri, undefined);
  }

  /** The setting changed: every base version is read again, or dropped when comparing is off. */
  reset(): void {
    this.generation++;
    const had = [...this.tracked, ...this.host.workspace.clearBases()];
    this.tracked.clear();
    this.host.validateOpen([...new Set(had)]);
  }

  /** Whether a watched file is one of a repository's refs rather than a file of the workspace. */
  isGitFile(uri: string): boolean {
    return /\/\.git(\/|$)/.test(URI.parse(uri).path) || [...this.watchedGitDirs].some((dir) => URI.parse(uri).fsPath.startsWith(dir + path.sep));
  }

  /** A ref may have moved: every tracked file is compared with what it now names. */
  refsMoved(): void {
    const generation = ++this.generation;
    for (const uri of this.tracked) void this.load(uri, generation);
  }

  private async load(uri: string, generation: number): Promise<void> {
    const revision = this.host.compareWith();
    const file = URI.parse(uri).fsPath;
    const version = await this.read(file, revision);
    if (generation !== this.generation || !this.tracked.has(uri)) return;
    this.host.validateOpen(this.host.workspace.setBase(uri, version));
  }

  private async read(file: string, revision: string): Promise<BaseVersion | undefined> {
    const { version, repository } = await this.committed.read(file, revision);
    if (repository) this.watch(repository);
    return version;
  }

  /** Asks the client to tell about the files that say where HEAD and the branches point. */
  private watch(repository: GitRepository): void {
    const { gitDir, commonDir } = repository.location;
    const fresh = [gitDir, commonDir].map((dir) => path.normalize(dir)).filter((dir) => !this.watchedGitDirs.has(dir));
    const support = this.host.watchers();
    if (fresh.length === 0 || !support) return;
    fresh.forEach((dir) => this.watchedGitDirs.add(dir));
    const watchers: FileSystemWatcher[] = support.relativePatterns
      ? fresh.map((dir) => ({ globPattern: { baseUri: URI.file(dir).toString(), pattern: '{HEAD,packed-refs,refs/**}' } }))
      : [{ globPattern: '**/.git/{HEAD,packed-refs,refs/**}' }];
    this.host.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error: unknown) => {
      this.host.connection.console.warn(`The client refused to watch the git refs: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async committedText(uri: unknown): Promise<{ text: string } | null> {
    const target = typeof uri === 'string' ? parseCommittedUri(uri) : undefined;
    if (!target) return null;
    const version = await this.read(target.file, target.revision);
    return version?.kind === 'committed' ? { text: version.text } : null;
  }
}
