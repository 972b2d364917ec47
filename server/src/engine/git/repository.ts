import type { GitFileAccess, Inflate } from './access';
import { attempt, GitError, type GitResult } from './failure';
import { decodeText, locateRepository, type RepositoryLocation } from './location';
import { ObjectStore } from './object-store';
import { findTreeEntry, parseCommit, parseTagTarget } from './object-parse';
import { isObjectId } from './objects';
import { relativeTo, resolvePath, toSlashes } from './paths';
import { RefStore } from './refs';

/*
 * A read-only view of a git repository, in-process: no `git` is run, nothing of the repository
 * is executed, and nothing is written. Our own code rather than isomorphic-git: the research
 * measured that library at 245 KB minified for resolving a ref and reading a blob, and it
 * fails on `git worktree` checkouts (it ignores `commondir`), while a reader of our own came
 * to a few kilobytes and matched `git show` on 660 of 660 files. The formats it reads (refs,
 * loose objects, packs with index v2 and deltas) have not changed in fifteen years.
 */

export interface GitReaderOptions {
  /** node:zlib in the server and the CLI; `streamInflate` on the web. */
  inflate: Inflate;
  /** The largest object read, inflated or rebuilt from deltas. */
  maxObjectBytes?: number;
  /** How many bytes of objects stay cached between reads. */
  cacheBytes?: number;
}

export interface ResolvedRevision {
  commit: string;
  /** The full ref name a name resolved through, or undefined for an object id. */
  ref?: string;
}

export interface CommittedFile extends ResolvedRevision {
  /** The blob's id: the same id means the same bytes, so callers may cache by it. */
  blob: string;
  bytes: Uint8Array;
}

const DEFAULT_MAX_OBJECT_BYTES = 32 * 1024 * 1024;
const DEFAULT_CACHE_BYTES = 16 * 1024 * 1024;
/** Nested annotated tags are followed this far. */
const MAX_TAG_DEPTH = 16;
/** `~N` and `^N` after a name: `HEAD~2`, `main^`, `HEAD^2`. */
const NAVIGATION = /^(.+?)((?:[~^]\d*)*)$/;

export class GitRepository {
  private readonly refs: RefStore;
  private readonly objects: ObjectStore;

  private constructor(
    readonly location: RepositoryLocation,
    access: GitFileAccess,
    options: GitReaderOptions,
  ) {
    this.refs = new RefStore(access, location);
    this.objects = new ObjectStore(access, location, options.inflate, {
      maxObjectBytes: options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES,
      cacheBytes: options.cacheBytes ?? DEFAULT_CACHE_BYTES,
    });
  }

  /** The repository that holds a file or folder. */
  static open(access: GitFileAccess, path: string, options: GitReaderOptions): Promise<GitResult<GitRepository>> {
    return attempt(async () => {
      const location = await locateRepository(access, path);
      rejectUnsupportedFormat(decodeText(await access.read(resolvePath(location.commonDir, 'config'))) ?? '');
      return new GitRepository(location, access, options);
    });
  }

  /** The commit a revision names: a ref name as git resolves it, a full object id, with `~N` and `^N` after either. */
  resolve(revision: string): Promise<GitResult<ResolvedRevision>> {
    return attempt(() => this.resolveRevision(revision));
  }

  /** A file's content at a revision; `filePath` is absolute, in the working tree. */
  readFile(revision: string, filePath: string): Promise<GitResult<CommittedFile>> {
    return attempt(async () => {
      const inTree = relativeTo(this.location.workTree, toSlashes(filePath));
      if (!inTree) throw new GitError('path-not-found', `${toSlashes(filePath)} is outside the working tree ${this.location.workTree}.`);
      const resolved = await this.resolveRevision(revision);
      const blob = await this.blobAt(resolved.commit, inTree, revision);
      return { ...resolved, blob, bytes: await this.objectOfType(blob, 'blob') };
    });
  }

  /** A blob by id, from the cache when it was read before. */
  readBlob(id: string): Promise<GitResult<Uint8Array>> {
    return attempt(() => this.objectOfType(id, 'blob'));
  }

  private async resolveRevision(revision: string): Promise<ResolvedRevision> {
    const [, name, steps] = NAVIGATION.exec(revision.trim()) ?? [];
    if (name === undefined) throw new GitError('ref-not-found', `'${revision}' is not a revision.`);
    const start = await this.resolveStart(name === '@' ? 'HEAD' : name);
    let commit = await this.peelToCommit(start.id, revision);
    for (const [, operator, digits] of steps.matchAll(/([~^])(\d*)/g)) {
      const count = digits === '' ? 1 : Number(digits);
      if (operator === '~') {
        for (let step = 0; step < count; step++) commit = await this.parent(commit, 1, revision);
      } else if (count > 0) {
        commit = await this.parent(commit, count, revision);
      }
    }
    // A parent named in a shallow clone's commit may not be there: it must be read to be known.
    if (steps !== '') await this.objectOfType(commit, 'commit');
    return start.ref ? { commit, ref: start.ref } : { commit };
  }

  private async resolveStart(name: string): Promise<{ id: string; ref?: string }> {
    if (isObjectId(name.toLowerCase())) return { id: name.toLowerCase() };
    if (/^[0-9a-f]{64}$/i.test(name)) throw new GitError('unsupported', `'${name}' is a SHA-256 id, which Kube Stateful cannot read.`);
    try {
      return await this.refs.resolveName(name);
    } catch (error) {
      if (error instanceof GitError && error.kind === 'ref-not-found' && /^[0-9a-f]{4,39}$/i.test(name)) {
        throw new GitError('ref-not-found', `No ref named '${name}'. Abbreviated object ids are not read: give all 40 characters.`);
      }
      throw error;
    }
  }

  private async peelToCommit(id: string, revision: string): Promise<string> {
    let current = id;
    for (let depth = 0; depth < MAX_TAG_DEPTH; depth++) {
      const object = await this.objects.read(current);
      if (object.type === 'commit') return current;
      if (object.type !== 'tag') throw new GitError('ref-not-found', `'${revision}' names a ${object.type}, not a commit.`);
      current = parseTagTarget(object.data, current);
    }
    throw new GitError('corrupt', `'${revision}' is a chain of more than ${MAX_TAG_DEPTH} tags.`);
  }

  private async parent(commit: string, number: number, revision: string): Promise<string> {
    const parents = parseCommit(await this.objectOfType(commit, 'commit'), commit).parents;
    const parent = parents[number - 1];
    if (parent) return parent;
    throw new GitError('ref-not-found', `'${revision}' goes past the start of the history (commit ${commit} has ${parents.length === 0 ? 'no parent' : parents.length === 1 ? 'one parent' : `${parents.length} parents`}).`);
  }

  /** The blob id at a path in a commit, walking one tree per folder. */
  private async blobAt(commit: string, path: string, revision: string): Promise<string> {
    let tree = parseCommit(await this.objectOfType(commit, 'commit'), commit).tree;
    const parts = path.split('/');
    for (const [index, part] of parts.entries()) {
      const entry = findTreeEntry(await this.objectOfType(tree, 'tree'), part, tree);
      const sofar = parts.slice(0, index + 1).join('/');
      if (!entry) throw new GitError('path-not-found', `${path} is not in ${revision}.`);
      const last = index === parts.length - 1;
      if (!last && entry.mode !== '40000') throw new GitError('path-not-found', `${path} is not in ${revision}: ${sofar} is a file there.`);
      if (last && !/^100(644|755)$/.test(entry.mode)) throw new GitError('not-a-file', `${path} is ${describeMode(entry.mode)} in ${revision}, not a file.`);
      tree = entry.id;
    }
    return tree;
  }

  private async objectOfType(id: string, type: 'commit' | 'tree' | 'blob'): Promise<Uint8Array> {
    const object = await this.objects.read(id);
    if (object.type !== type) throw new GitError('corrupt', `The object ${id} is a ${object.type} where a ${type} was expected.`);
    return object.data;
  }
}

function describeMode(mode: string): string {
  if (mode === '40000') return 'a folder';
  if (mode === '120000') return 'a symbolic link';
  if (mode === '160000') return 'a submodule';
  return `an entry of mode ${mode}`;
}

/** Formats git marks in `[extensions]` that change how objects or refs are stored. */
function rejectUnsupportedFormat(config: string): void {
  let section = '';
  for (const raw of config.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)/.exec(line);
    if (header) {
      section = header[1].toLowerCase();
      continue;
    }
    const [, key, value] = /^([A-Za-z0-9-]+)\s*=\s*(.*)$/.exec(line) ?? [];
    if (section !== 'extensions' || !key) continue;
    if (key.toLowerCase() === 'objectformat' && value.toLowerCase() !== 'sha1') {
      throw new GitError('unsupported', `This repository uses ${value} object ids, which Kube Stateful cannot read.`);
    }
    if (key.toLowerCase() === 'refstorage' && value.toLowerCase() !== 'files') {
      throw new GitError('unsupported', `This repository stores its refs as ${value}, which Kube Stateful cannot read.`);
    }
  }
}
