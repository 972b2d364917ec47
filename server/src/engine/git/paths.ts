/*
 * Path arithmetic on the `/`-separated absolute paths that GitFileAccess takes. The engine has
 * no `node:path`, and a web file system has no platform separator.
 */

/** A path with `/` separators, as the reader works with it. */
export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

const isAbsolute = (path: string) => path.startsWith('/') || /^[A-Za-z]:\//.test(path);

/** `relative` resolved against the folder `base`, with `.` and `..` removed. */
export function resolvePath(base: string, relative: string): string {
  const target = toSlashes(relative);
  const joined = isAbsolute(target) ? target : `${toSlashes(base).replace(/\/+$/, '')}/${target}`;
  const root = /^[A-Za-z]:\//.test(joined) ? joined.slice(0, 3) : '/';
  const parts: string[] = [];
  for (const part of joined.slice(root.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return root + parts.join('/');
}

/** The folder holding a path, or undefined at the root. */
export function parentOf(path: string): string | undefined {
  const trimmed = path.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  if (cut < 0) return undefined;
  const parent = trimmed.slice(0, cut);
  if (parent === '') return '/';
  return /^[A-Za-z]:$/.test(parent) ? `${parent}/` : parent;
}

/** `path` relative to the folder `root`, or undefined when it is outside it. */
export function relativeTo(root: string, path: string): string | undefined {
  const folder = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(folder) ? path.slice(folder.length) : undefined;
}
