import type { GitFileAccess, Inflate } from './access';
import { applyDelta } from './delta';
import { GitError } from './failure';
import { decodeText, type RepositoryLocation } from './location';
import { ObjectCache } from './object-cache';
import { bytesOfHex, hexOf, type GitObject, type ObjectType } from './objects';
import { PackIndex } from './pack-index';
import { resolvePath } from './paths';

export interface StoreLimits {
  /** The largest object, inflated or rebuilt from deltas, that the reader holds in memory. */
  maxObjectBytes: number;
  /** How many bytes of objects stay cached. */
  cacheBytes: number;
}

interface Pack {
  path: string;
  size: number;
  index: PackIndex;
}

/** A pack entry's header: what it is, and where its zlib data starts. */
interface EntryHeader {
  code: number;
  size: number;
  dataStart: number;
  /** For an offset delta: where its base starts in the same pack. */
  baseOffset?: number;
  /** For a ref delta: its base's id. */
  baseId?: Uint8Array;
}

const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;
/** Longer than any chain git writes (`pack.depth` is at most 4095), short enough to stop a loop at once. */
const MAX_DELTA_CHAIN = 5000;
/** The most a pack entry's header takes: the type and size, then an offset or a base id. */
const HEADER_BYTES = 32;
const ID_BYTES = 20;

/** Where a rebuilt object sits in a pack: the key under which a delta base is cached. */
const locationKey = (pack: Pack, offset: number) => `${pack.path}@${offset}`;

/**
 * Reads objects by id from loose files and packs, cached by id. The pack list is read once, and
 * again when an object is not found or its pack cannot be read, since `git gc` and fetches
 * replace packs.
 */
export class ObjectStore {
  private readonly cache: ObjectCache;
  private packs: Promise<Pack[]> | undefined;
  private readonly objects: string;

  constructor(
    private readonly access: GitFileAccess,
    location: RepositoryLocation,
    private readonly inflate: Inflate,
    private readonly limits: StoreLimits,
  ) {
    this.cache = new ObjectCache(limits.cacheBytes);
    this.objects = resolvePath(location.commonDir, 'objects');
  }

  async read(id: string): Promise<GitObject> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    let found: GitObject | undefined;
    try {
      found = await this.find(id);
    } catch {
      // A pack that `git gc` replaced since it was listed reads as cut short: list the packs again.
    }
    found ??= await this.find(id, true);
    if (!found) throw new GitError('object-missing', await this.missingMessage(id));
    this.cache.set(id, found);
    return found;
  }

  private async find(id: string, relist = false): Promise<GitObject | undefined> {
    const loose = await this.access.read(this.loosePath(id));
    if (loose) return this.parseLoose(id, loose);
    if (relist) this.packs = undefined;
    const bytes = bytesOfHex(id);
    for (const pack of await this.packList()) {
      const offset = pack.index.offsetOf(bytes);
      if (offset !== undefined) return this.readPacked(pack, offset);
    }
    return undefined;
  }

  private loosePath(id: string): string {
    return resolvePath(this.objects, `${id.slice(0, 2)}/${id.slice(2)}`);
  }

  private async parseLoose(id: string, compressed: Uint8Array): Promise<GitObject> {
    // The header (`blob 1234\0`) is inside the zlib data, so the limit allows for it.
    const raw = await this.inflateOrFail(compressed, this.limits.maxObjectBytes + 32, `object ${id}`);
    const space = raw.indexOf(0x20);
    const nul = raw.indexOf(0);
    const type = decodeText(raw.subarray(0, space)) as ObjectType;
    const size = Number(decodeText(raw.subarray(space + 1, nul)));
    if (space < 0 || nul < space || !Object.values(TYPES).includes(type) || size !== raw.length - nul - 1) {
      throw new GitError('corrupt', `The loose object ${id} has a malformed header.`);
    }
    if (size > this.limits.maxObjectBytes) throw this.tooLarge(size);
    return { type, data: raw.subarray(nul + 1) };
  }

  /** An entry of a pack, following its delta chain down to a whole object and back up. */
  private async readPacked(pack: Pack, offset: number): Promise<GitObject> {
    const deltas: { key: string; delta: Uint8Array }[] = [];
    const seen = new Set<string>();
    let current: { pack: Pack; offset: number } | GitObject = { pack, offset };
    while ('pack' in current) {
      const key = locationKey(current.pack, current.offset);
      const cached = this.cache.get(key);
      if (cached) {
        current = cached;
        break;
      }
      if (seen.has(key) || deltas.length >= MAX_DELTA_CHAIN) throw new GitError('corrupt', `A delta chain in ${current.pack.path} loops or is too long.`);
      seen.add(key);
      const header = await this.readHeader(current.pack, current.offset);
      const data = await this.inflateEntry(current.pack, current.offset, header);
      const type = TYPES[header.code];
      if (type) {
        current = { type, data };
        break;
      }
      deltas.push({ key, delta: data });
      current = header.baseOffset !== undefined ? { pack: current.pack, offset: header.baseOffset } : await this.locateBase(current.pack, header.baseId!);
    }
    let object: GitObject = current;
    for (let index = deltas.length - 1; index >= 0; index--) {
      object = { type: object.type, data: applyDelta(object.data, deltas[index].delta, this.limits.maxObjectBytes) };
      // Sibling versions share their bases: keeping each step saves rebuilding the chain.
      if (index > 0) this.cache.set(deltas[index].key, object);
    }
    return object;
  }

  /** A ref delta's base: in the same pack, another pack, or a loose object. */
  private async locateBase(pack: Pack, id: Uint8Array): Promise<{ pack: Pack; offset: number } | GitObject> {
    const own = pack.index.offsetOf(id);
    if (own !== undefined) return { pack, offset: own };
    for (const other of await this.packList()) {
      const offset = other.index.offsetOf(id);
      if (offset !== undefined) return { pack: other, offset };
    }
    const hex = hexOf(id);
    const loose = await this.access.read(this.loosePath(hex));
    if (loose) return this.parseLoose(hex, loose);
    throw new GitError('object-missing', `The base object ${hex} of a delta in ${pack.path} is not in the repository.`);
  }

  private async readHeader(pack: Pack, offset: number): Promise<EntryHeader> {
    const bytes = await this.access.readSlice(pack.path, offset, HEADER_BYTES);
    if (!bytes || bytes.length === 0) throw new GitError('corrupt', `${pack.path} ends before its entry at ${offset}.`);
    let position = 0;
    let byte = bytes[position++];
    const code = (byte >> 4) & 7;
    let size = byte & 0x0f;
    for (let shift = 16; byte & 0x80; shift *= 128) {
      if (position >= bytes.length || shift > 2 ** 49) throw new GitError('corrupt', `${pack.path} has a malformed entry at ${offset}.`);
      byte = bytes[position++];
      size += (byte & 0x7f) * shift;
    }
    if (code === OFS_DELTA) {
      byte = bytes[position++];
      let distance = byte & 0x7f;
      while (byte & 0x80) {
        if (position >= bytes.length) throw new GitError('corrupt', `${pack.path} has a malformed delta offset at ${offset}.`);
        byte = bytes[position++];
        distance = (distance + 1) * 128 + (byte & 0x7f);
      }
      if (distance <= 0 || distance > offset) throw new GitError('corrupt', `${pack.path} has a delta at ${offset} whose base is outside the pack.`);
      return { code, size, dataStart: offset + position, baseOffset: offset - distance };
    }
    if (code === REF_DELTA) {
      if (position + ID_BYTES > bytes.length) throw new GitError('corrupt', `${pack.path} ends inside the entry at ${offset}.`);
      return { code, size, dataStart: offset + position + ID_BYTES, baseId: bytes.slice(position, position + ID_BYTES) };
    }
    if (!TYPES[code]) throw new GitError('corrupt', `${pack.path} has an entry of unknown type ${code} at ${offset}.`);
    return { code, size, dataStart: offset + position };
  }

  private async inflateEntry(pack: Pack, offset: number, header: EntryHeader): Promise<Uint8Array> {
    if (header.size > this.limits.maxObjectBytes) throw this.tooLarge(header.size);
    const end = pack.index.entryEnd(offset, pack.size);
    const compressed = end > header.dataStart ? await this.access.readSlice(pack.path, header.dataStart, end - header.dataStart) : undefined;
    if (!compressed) throw new GitError('corrupt', `${pack.path} ends inside the entry at ${offset}.`);
    const data = await this.inflateOrFail(compressed, header.size, `the entry at ${offset} of ${pack.path}`);
    if (data.length !== header.size) throw new GitError('corrupt', `The entry at ${offset} of ${pack.path} is not the size its header gives.`);
    return data;
  }

  private async inflateOrFail(compressed: Uint8Array, maxBytes: number, what: string): Promise<Uint8Array> {
    let data: Uint8Array | undefined;
    try {
      data = await this.inflate(compressed, maxBytes);
    } catch {
      throw new GitError('corrupt', `The zlib data of ${what} is corrupt.`);
    }
    if (!data) throw this.tooLarge(maxBytes + 1);
    return data;
  }

  private tooLarge(size: number): GitError {
    const limit = this.limits.maxObjectBytes;
    return new GitError('too-large', `A git object of ${size > limit + 1 ? `${size} bytes` : `more than ${limit} bytes`} is over the ${limit} bytes Kube Stateful reads.`);
  }

  private packList(): Promise<Pack[]> {
    return (this.packs ??= this.listPacks());
  }

  private async listPacks(): Promise<Pack[]> {
    const folder = resolvePath(this.objects, 'pack');
    const names = (await this.access.list(folder)) ?? [];
    const packs: Pack[] = [];
    for (const name of names.filter((candidate) => /^pack-[0-9a-f]+\.idx$/.test(candidate)).sort()) {
      const path = resolvePath(folder, name.replace(/\.idx$/, '.pack'));
      const [index, stat, signature] = await Promise.all([this.access.read(resolvePath(folder, name)), this.access.stat(path), this.access.readSlice(path, 0, 12)]);
      // An index without its pack is what an interrupted fetch or gc leaves: git skips it too.
      if (!index || stat?.kind !== 'file' || !signature) continue;
      const version = new DataView(signature.buffer, signature.byteOffset, signature.byteLength).getUint32(4);
      if (decodeText(signature.subarray(0, 4)) !== 'PACK' || (version !== 2 && version !== 3)) throw new GitError('corrupt', `${path} is not a git pack.`);
      packs.push({ path, size: stat.size, index: PackIndex.parse(index, resolvePath(folder, name)) });
    }
    return packs;
  }

  /** What the repository says about objects it does not hold. */
  private async missingMessage(id: string): Promise<string> {
    const common = resolvePath(this.objects, '..');
    const [shallow, alternates, packNames] = await Promise.all([
      this.access.read(resolvePath(common, 'shallow')),
      this.access.read(resolvePath(this.objects, 'info/alternates')),
      this.access.list(resolvePath(this.objects, 'pack')),
    ]);
    const base = `The git object ${id} is not in the repository`;
    if (shallow) return `${base}: the clone is shallow. Fetch more history (git fetch --deepen=50, or --unshallow).`;
    if (packNames?.some((name) => name.endsWith('.promisor'))) return `${base}: the clone is partial and leaves it on the server. Fetch it with git, which Kube Stateful never runs.`;
    if (alternates) return `${base}: this repository borrows objects from another (objects/info/alternates), which Kube Stateful does not read.`;
    return `${base}.`;
  }
}
