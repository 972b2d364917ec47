import type { Inflate } from './access';

/**
 * Inflate over the web platform's DecompressionStream, for the web build, where `node:zlib` does
 * not exist. Browsers reject bytes after the zlib stream; the reader passes exactly one entry.
 */
export const streamInflate: Inflate = async (compressed, maxBytes) => {
  const reader = new Blob([compressed]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return data;
};
