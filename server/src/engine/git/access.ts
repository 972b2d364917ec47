/**
 * How the git reader reaches the files of a repository. The server and the CLI pass one over
 * `node:fs`; a web build passes one over the editor's file system. Paths are absolute, with `/`
 * separators. Every method answers `undefined` for a path that is missing or unreadable
 * instead of throwing; the reader turns that into a typed failure.
 */
export interface GitFileAccess {
  /** The whole content of a file. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Up to `length` bytes from `offset`; fewer at the end of the file. Packs are read this way, never whole. */
  readSlice(path: string, offset: number, length: number): Promise<Uint8Array | undefined>;
  stat(path: string): Promise<{ kind: 'file' | 'directory'; size: number } | undefined>;
  /** The names in a directory. */
  list(path: string): Promise<string[] | undefined>;
}

/**
 * Inflates zlib data (git's loose objects and pack entries) that is exactly one stream, without
 * trailing bytes. It answers `undefined` when the data inflates to more than `maxBytes`, stopping
 * there, and rejects data that is not zlib.
 */
export type Inflate = (compressed: Uint8Array, maxBytes: number) => Promise<Uint8Array | undefined>;
