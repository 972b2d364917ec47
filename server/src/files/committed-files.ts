import path from 'node:path';
import { URI } from 'vscode-uri';
import type { GitResult } from '../engine/git/failure';
import { GitRepository } from '../engine/git/repository';
import type { BaseVersion } from '../engine/workspace/base-versions';
import { nodeGitAccess, zlibInflate } from './git-files';

/** The scheme of a file's committed version: `kube-stateful-git:/path/to/file.yaml?HEAD`. */
export const COMMITTED_SCHEME = 'kube-stateful-git';

/** Committed texts kept: a long session visits many commits, and only the open files' texts are asked for again. */
const MAX_TEXTS = 256;

export interface CommittedRead {
  /** Undefined when there is nothing to compare with: the file is new, or in no repository. */
  version: BaseVersion | undefined;
  /** The repository read, when one was found. */
  repository?: GitRepository;
}

/**
 * Reads files at a revision from the repositories that hold them, in-process over `node:fs`,
 * for the server and the CLI. Repositories are opened once per folder, and texts are kept by
 * blob id: the same id is the same bytes, whatever commit it came from.
 */
export class CommittedFiles {
  private readonly repositories = new Map<string, Promise<GitResult<GitRepository>>>();
  private readonly texts = new Map<string, string>();

  async read(file: string, revision: string): Promise<CommittedRead> {
    const opened = await this.repositoryOf(path.dirname(file));
    // Outside a repository nothing is committed, as for a new file: no finding says so on every file of a folder without git.
    if (!opened.ok) return { version: opened.failure.kind === 'no-repository' ? undefined : { kind: 'unavailable', message: opened.failure.message } };
    const repository = opened.value;
    const found = await repository.readFile(revision, file);
    if (!found.ok) {
      return { version: found.failure.kind === 'path-not-found' ? undefined : { kind: 'unavailable', message: found.failure.message }, repository };
    }
    const text = this.textOf(found.value.blob, found.value.bytes);
    return { version: { kind: 'committed', text, uri: committedUri(file, revision), revision }, repository };
  }

  /** The decoded text of a blob; when too many are kept, the one used longest ago goes. */
  private textOf(blob: string, bytes: Uint8Array): string {
    const text = this.texts.get(blob) ?? new TextDecoder().decode(bytes);
    this.texts.delete(blob);
    this.texts.set(blob, text);
    if (this.texts.size > MAX_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    return text;
  }

  repositoryOf(folder: string): Promise<GitResult<GitRepository>> {
    let opened = this.repositories.get(folder);
    if (!opened) {
      opened = GitRepository.open(nodeGitAccess, folder, { inflate: zlibInflate });
      this.repositories.set(folder, opened);
    }
    return opened;
  }
}

export function committedUri(file: string, revision: string): string {
  return URI.from({ scheme: COMMITTED_SCHEME, path: URI.file(file).path, query: revision }).toString();
}

/** The file and revision a committed version's URI names. */
export function parseCommittedUri(uri: string): { file: string; revision: string } | undefined {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== COMMITTED_SCHEME || parsed.query === '') return undefined;
  return { file: URI.file(parsed.path).fsPath, revision: parsed.query };
}
