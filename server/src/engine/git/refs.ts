import type { GitFileAccess } from './access';
import { GitError } from './failure';
import { decodeText, type RepositoryLocation } from './location';
import { resolvePath } from './paths';

/** A ref name and the commit (or tag) it ends at. */
export interface ResolvedRef {
  /** The full name read last, after symbolic refs: `HEAD` on a detached checkout, else `refs/…`. */
  ref: string;
  id: string;
}

/** git's order for a short name (`git help revisions`). */
const SHORT_NAME_RULES = ['%s', 'refs/%s', 'refs/tags/%s', 'refs/heads/%s', 'refs/remotes/%s', 'refs/remotes/%s/HEAD'];
/** git follows at most this many symbolic refs in a row. */
const MAX_SYMBOLIC_DEPTH = 5;
/** Refs each worktree keeps for itself instead of sharing them. */
const PER_WORKTREE = /^refs\/(worktree|bisect|rewritten)\//;
const OBJECT_ID = /^[0-9a-f]{40}/;

/** Refs as git stores them without reftable: loose files, then `packed-refs`. */
export class RefStore {
  constructor(
    private readonly access: GitFileAccess,
    private readonly location: RepositoryLocation,
  ) {}

  /** Resolves a name as git does: `HEAD`, `main`, `v1.0`, `origin/main`, `refs/heads/main`. */
  async resolveName(name: string): Promise<ResolvedRef> {
    if (!isRefName(name)) throw new GitError('ref-not-found', `'${name}' is not a valid ref name.`);
    for (const rule of SHORT_NAME_RULES) {
      const candidate = rule.replace('%s', name);
      if (rule === '%s' && !candidate.startsWith('refs/') && !/^[A-Z_]+$/.test(candidate)) continue;
      const found = await this.follow(candidate, 0);
      if (found) return found;
    }
    throw new GitError('ref-not-found', notFoundMessage(name));
  }

  /** A full ref name to its id, following symbolic refs; undefined when it does not exist. */
  private async follow(ref: string, depth: number): Promise<ResolvedRef | undefined> {
    const content = await this.read(ref);
    if (content === undefined) return undefined;
    const target = /^ref:[ \t]*(\S+)/.exec(content)?.[1];
    if (target === undefined) {
      const id = OBJECT_ID.exec(content)?.[0];
      if (id) return { ref, id };
      if (/^[0-9a-f]{64}/.test(content)) throw new GitError('unsupported', 'This repository uses SHA-256 object ids, which Kube Stateful cannot read.');
      throw new GitError('corrupt', `The ref ${ref} holds neither an object id nor a symbolic ref.`);
    }
    if (depth >= MAX_SYMBOLIC_DEPTH || !isRefName(target)) throw new GitError('corrupt', `The symbolic ref ${ref} points to '${target}', which cannot be followed.`);
    const resolved = await this.follow(target, depth + 1);
    if (!resolved) throw new GitError('ref-not-found', `${ref} names ${describeRef(target)}, which has no commits yet.`);
    return resolved;
  }

  /** The text of a ref: its loose file, or its line of `packed-refs`. */
  private async read(ref: string): Promise<string | undefined> {
    const shared = ref.startsWith('refs/') && !PER_WORKTREE.test(ref);
    const folder = shared ? this.location.commonDir : this.location.gitDir;
    const loose = decodeText(await this.access.read(resolvePath(folder, ref)));
    if (loose !== undefined) return loose.trim();
    return shared ? this.packed(ref) : undefined;
  }

  private async packed(ref: string): Promise<string | undefined> {
    const text = decodeText(await this.access.read(resolvePath(this.location.commonDir, 'packed-refs')));
    for (const line of text?.split('\n') ?? []) {
      // `#` starts the header and `^` the peeled id of the tag above: neither names a ref.
      if (line.startsWith('#') || line.startsWith('^')) continue;
      const space = line.indexOf(' ');
      if (space > 0 && line.slice(space + 1).trim() === ref) return line.slice(0, space);
    }
    return undefined;
  }
}

/**
 * git's rules for ref names (`git help check-ref-format`), which also keep a name from
 * climbing out of the git folder.
 */
export function isRefName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return false;
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name) || name.includes('..') || name.includes('//') || name.includes('@{')) return false;
  return name.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'));
}

function describeRef(ref: string): string {
  if (ref.startsWith('refs/heads/')) return `branch '${ref.slice('refs/heads/'.length)}'`;
  return `'${ref}'`;
}

function notFoundMessage(name: string): string {
  const remote = /^(?:refs\/remotes\/)?([^/]+)\/(.+)$/.exec(name);
  if (remote && !name.startsWith('refs/heads/') && !name.startsWith('refs/tags/')) {
    return `No ref named '${name}' in this repository. If it is a remote branch, fetch it first: git fetch ${remote[1]} ${remote[2]}`;
  }
  return `No ref named '${name}' in this repository.`;
}
