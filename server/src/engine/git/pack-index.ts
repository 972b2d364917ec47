import { GitError } from './failure';

const MAGIC = [0xff, 0x74, 0x4f, 0x63];
const FANOUT = 8;
const NAMES = FANOUT + 256 * 4;
const ID_BYTES = 20;
/** Offsets past 2^53 cannot be held in a number; no real pack comes near. */
const MAX_HIGH_WORD = 2 ** 21;

/**
 * A pack's `.idx` file (version 2): which objects the pack holds and where each starts. Parsed
 * once per pack and kept.
 */
export class PackIndex {
  private readonly view: DataView;
  private readonly count: number;
  private sortedOffsets: Float64Array | undefined;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly path: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.count = this.view.getUint32(NAMES - 4);
  }

  static parse(bytes: Uint8Array, path: string): PackIndex {
    if (bytes.length < NAMES || !MAGIC.every((byte, index) => bytes[index] === byte)) {
      throw new GitError('unsupported', `${path} is not a version 2 pack index; run git gc to rewrite it.`);
    }
    const index = new PackIndex(bytes, path);
    const version = index.view.getUint32(4);
    if (version !== 2) throw new GitError('unsupported', `${path} is a version ${version} pack index, which Kube Stateful cannot read.`);
    if (bytes.length < NAMES + index.count * (ID_BYTES + 8) + 2 * ID_BYTES) throw new GitError('corrupt', `${path} is shorter than the object count it declares.`);
    return index;
  }

  /** Where the object starts in the pack, or undefined when this pack does not hold it. */
  offsetOf(id: Uint8Array): number | undefined {
    const first = id[0];
    let low = first === 0 ? 0 : this.view.getUint32(FANOUT + (first - 1) * 4);
    let high = this.view.getUint32(FANOUT + first * 4);
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(middle, id);
      if (order === 0) return this.offsetAt(middle);
      if (order < 0) low = middle + 1;
      else high = middle;
    }
    return undefined;
  }

  /**
   * Where the entry at `offset` ends: at the next entry, or before the pack's closing checksum.
   * Inflating exactly that many bytes is what a browser's DecompressionStream needs.
   */
  entryEnd(offset: number, packSize: number): number {
    const offsets = (this.sortedOffsets ??= this.allOffsets());
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (offsets[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return low < offsets.length ? offsets[low] : packSize - ID_BYTES;
  }

  private compare(position: number, id: Uint8Array): number {
    const start = NAMES + position * ID_BYTES;
    for (let index = 0; index < ID_BYTES; index++) {
      const difference = this.bytes[start + index] - id[index];
      if (difference !== 0) return difference;
    }
    return 0;
  }

  private offsetAt(position: number): number {
    const small = this.view.getUint32(NAMES + this.count * (ID_BYTES + 4) + position * 4);
    if (small < 0x80000000) return small;
    const large = NAMES + this.count * (ID_BYTES + 8) + (small & 0x7fffffff) * 8;
    if (large + 8 > this.bytes.length - 2 * ID_BYTES) throw new GitError('corrupt', `${this.path} points past its table of large offsets.`);
    const highWord = this.view.getUint32(large);
    if (highWord >= MAX_HIGH_WORD) throw new GitError('corrupt', `${this.path} gives an offset too large to be real.`);
    return highWord * 2 ** 32 + this.view.getUint32(large + 4);
  }

  private allOffsets(): Float64Array {
    const offsets = new Float64Array(this.count);
    for (let position = 0; position < this.count; position++) offsets[position] = this.offsetAt(position);
    return offsets.sort();
  }
}
