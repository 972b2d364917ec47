import { GitError } from './failure';

/** A delta's size header: a little-endian number, seven bits a byte. */
function readSize(delta: Uint8Array, start: number): [size: number, next: number] {
  let size = 0;
  let shift = 1;
  let position = start;
  for (;;) {
    if (position >= delta.length || shift > 2 ** 49) throw new GitError('corrupt', 'A delta has a malformed size header.');
    const byte = delta[position++];
    size += (byte & 0x7f) * shift;
    shift *= 128;
    if (byte < 0x80) return [size, position];
  }
}

/**
 * Rebuilds an object from its base and a delta (git's pack format: copy runs from the base and
 * inserted bytes). Every run is checked against both buffers, so a corrupt delta fails here
 * instead of producing wrong bytes.
 */
export function applyDelta(base: Uint8Array, delta: Uint8Array, maxBytes: number): Uint8Array {
  const [baseSize, afterBase] = readSize(delta, 0);
  const [targetSize, start] = readSize(delta, afterBase);
  if (baseSize !== base.length) throw new GitError('corrupt', 'A delta does not fit its base object.');
  if (targetSize > maxBytes) throw new GitError('too-large', `An object of ${targetSize} bytes is over the ${maxBytes} bytes Kube Stateful reads.`);
  const target = new Uint8Array(targetSize);
  let written = 0;
  let position = start;
  while (position < delta.length) {
    const command = delta[position++];
    if (command & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++) if (command & (1 << bit)) offset += delta[position++] * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (command & (0x10 << bit)) size += delta[position++] * 2 ** (8 * bit);
      if (size === 0) size = 0x10000;
      if (position > delta.length || offset + size > base.length || written + size > targetSize) throw new GitError('corrupt', 'A delta copies outside its objects.');
      target.set(base.subarray(offset, offset + size), written);
      written += size;
    } else if (command > 0) {
      if (position + command > delta.length || written + command > targetSize) throw new GitError('corrupt', 'A delta inserts past its end.');
      target.set(delta.subarray(position, position + command), written);
      written += command;
      position += command;
    } else {
      throw new GitError('corrupt', 'A delta holds the reserved command 0.');
    }
  }
  if (written !== targetSize) throw new GitError('corrupt', 'A delta rebuilds fewer bytes than it declares.');
  return target;
}
