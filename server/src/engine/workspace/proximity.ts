/**
 * How close two files are: the same file, else the number of folders their paths share. Of
 * several objects of one name, the nearest in the file tree is the one meant; farther ones
 * belong to other projects of a monorepo.
 */
export function proximity(a: string, b: string): number {
  if (a === b) return Number.MAX_SAFE_INTEGER;
  const left = a.split('/').slice(0, -1);
  const right = b.split('/').slice(0, -1);
  let shared = 0;
  while (shared < left.length && left[shared] === right[shared]) shared++;
  return shared;
}
