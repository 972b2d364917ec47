import { GitError } from './failure';
import { decodeText } from './location';
import { hexOf, isObjectId } from './objects';

export interface Commit {
  tree: string;
  parents: string[];
}

export interface TreeEntry {
  mode: string;
  name: string;
  id: string;
}

/** The header lines of a commit or tag, up to the blank line before its message. */
function headerLines(data: Uint8Array): string[] {
  const text = decodeText(data) ?? '';
  const end = text.indexOf('\n\n');
  return (end < 0 ? text : text.slice(0, end)).split('\n');
}

export function parseCommit(data: Uint8Array, id: string): Commit {
  let tree: string | undefined;
  const parents: string[] = [];
  for (const line of headerLines(data)) {
    if (line.startsWith('tree ')) tree ??= line.slice(5);
    else if (line.startsWith('parent ')) parents.push(line.slice(7));
  }
  if (!tree || !isObjectId(tree) || !parents.every(isObjectId)) throw new GitError('corrupt', `The commit ${id} is malformed.`);
  return { tree, parents };
}

/** The object an annotated tag points to. */
export function parseTagTarget(data: Uint8Array, id: string): string {
  const target = headerLines(data).find((line) => line.startsWith('object '))?.slice(7);
  if (!target || !isObjectId(target)) throw new GitError('corrupt', `The tag ${id} is malformed.`);
  return target;
}

/** The entry named `name` in a tree (`<mode> <name>\0<20-byte id>` each), without decoding the others. */
export function findTreeEntry(data: Uint8Array, name: string, treeId: string): TreeEntry | undefined {
  const wanted = new TextEncoder().encode(name);
  let position = 0;
  while (position < data.length) {
    const space = data.indexOf(0x20, position);
    const nul = data.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new GitError('corrupt', `The tree ${treeId} is malformed.`);
    if (nul - space - 1 === wanted.length && wanted.every((byte, index) => data[space + 1 + index] === byte)) {
      return { mode: decodeText(data.subarray(position, space))!, name, id: hexOf(data, nul + 1, nul + 21) };
    }
    position = nul + 21;
  }
  return undefined;
}
