import { SourceFile } from '../document/source-file';

/**
 * What a file looked like in the version it is compared with (by default the committed one),
 * as an adapter read it: the engine reads no repository itself.
 */
export type BaseVersion =
  | {
      kind: 'committed';
      text: string;
      /** Where an editor opens this text, read-only; related locations point there. */
      uri: string;
      /** How messages name the version, such as `HEAD`. */
      revision: string;
    }
  /** The version could not be read (no repository, a shallow clone…): the message says why. */
  | { kind: 'unavailable'; message: string };

export interface BaseFile {
  version: BaseVersion;
  /** The committed text, parsed; undefined when the version is unavailable. */
  parsed?: SourceFile;
}

/** The base version of each file the adapters gave one for, parsed when a check first asks. */
export class BaseVersions {
  private readonly entries = new Map<string, { version: BaseVersion; parsed?: SourceFile }>();

  /** Records a file's base version (undefined: none, the file is new); whether anything changed. */
  set(uri: string, version: BaseVersion | undefined): boolean {
    const previous = this.entries.get(uri)?.version;
    if (sameVersion(previous, version)) return false;
    if (version) this.entries.set(uri, { version });
    else this.entries.delete(uri);
    return true;
  }

  get(uri: string): BaseFile | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (entry.version.kind === 'committed' && !entry.parsed) entry.parsed = new SourceFile(entry.version.uri, entry.version.text);
    return entry;
  }

  clear(): string[] {
    const uris = [...this.entries.keys()];
    this.entries.clear();
    return uris;
  }
}

function sameVersion(a: BaseVersion | undefined, b: BaseVersion | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'unavailable') return b.kind === 'unavailable' && a.message === b.message;
  if (b.kind === 'unavailable') return false;
  return a.text === b.text && a.uri === b.uri && a.revision === b.revision;
}
