import type { GitFileAccess } from './access';
import { GitError } from './failure';
import { parentOf, resolvePath, toSlashes } from './paths';

/** Where a checkout's git data lives. */
export interface RepositoryLocation {
  /** The checked-out folder: paths in commits are relative to it. */
  workTree: string;
  /** This checkout's own git folder: its `HEAD` and per-worktree refs. */
  gitDir: string;
  /** The folder shared by every worktree of the repository: objects, branches, `packed-refs`, config. */
  commonDir: string;
}

/** Folders climbed from a file before giving up, far more than any real nesting. */
const MAX_DEPTH = 256;

/**
 * Finds the repository holding a file or folder, as git does from a working directory: the nearest
 * folder with a `.git` folder, or a `.git` file that points elsewhere (a `git worktree`
 * checkout or a submodule), whose `commondir` names the shared folder.
 */
export async function locateRepository(access: GitFileAccess, filePath: string): Promise<RepositoryLocation> {
  let folder: string | undefined = toSlashes(filePath).replace(/(.)\/+$/, '$1');
  for (let depth = 0; folder !== undefined && depth < MAX_DEPTH; depth++, folder = parentOf(folder)) {
    const dotGit = resolvePath(folder, '.git');
    const kind = (await access.stat(dotGit))?.kind;
    if (kind === 'directory' && (await access.stat(resolvePath(dotGit, 'HEAD')))) return withCommonDir(access, folder, dotGit);
    if (kind === 'file') {
      const text = decodeText(await access.read(dotGit));
      const target = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(text ?? '')?.[1];
      if (!target) throw new GitError('corrupt', `${dotGit} does not say where the repository is (no "gitdir:" line).`);
      return withCommonDir(access, folder, resolvePath(folder, target));
    }
  }
  throw new GitError('no-repository', `${toSlashes(filePath)} is not in a git repository.`);
}

async function withCommonDir(access: GitFileAccess, workTree: string, gitDir: string): Promise<RepositoryLocation> {
  if (!(await access.stat(resolvePath(gitDir, 'HEAD')))) throw new GitError('corrupt', `${gitDir} is not a git folder: it has no HEAD.`);
  const common = decodeText(await access.read(resolvePath(gitDir, 'commondir')))?.trim();
  return { workTree, gitDir, commonDir: common ? resolvePath(gitDir, common) : gitDir };
}

const decoder = new TextDecoder();

export function decodeText(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : decoder.decode(bytes);
}
