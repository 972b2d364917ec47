/** The four kinds of object a git history is made of. */
export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  data: Uint8Array;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function hexOf(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let hex = '';
  for (let index = start; index < end; index++) hex += HEX[bytes[index]];
  return hex;
}

export function bytesOfHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++) bytes[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

export const isObjectId = (text: string) => /^[0-9a-f]{40}$/.test(text);
