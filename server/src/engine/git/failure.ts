/** Why the reader could not answer; the rule shows the message as one information finding. */
export type GitFailureKind =
  /** No `.git` above the file. */
  | 'no-repository'
  /** A repository format the reader does not handle: SHA-256 ids, reftable refs, an old pack index. */
  | 'unsupported'
  /** The ref or revision names nothing here. */
  | 'ref-not-found'
  /** An object the history needs is not in the repository (shallow or partial clone, borrowed objects). */
  | 'object-missing'
  /** The commit has no file at the path: the file is new. */
  | 'path-not-found'
  /** The path names a folder, a submodule or a symbolic link in the commit. */
  | 'not-a-file'
  | 'too-large'
  | 'corrupt';

export interface GitFailure {
  kind: GitFailureKind;
  message: string;
}

export type GitResult<T> = { ok: true; value: T } | { ok: false; failure: GitFailure };

/** Thrown inside the reader only; the public methods catch it and answer with its failure. */
export class GitError extends Error {
  constructor(
    readonly kind: GitFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a read, turning every error into a failure so that no exception leaves the reader. */
export async function attempt<T>(read: () => Promise<T>): Promise<GitResult<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof GitError) return { ok: false, failure: { kind: error.kind, message: error.message } };
    return { ok: false, failure: { kind: 'corrupt', message: `The git data could not be read: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
