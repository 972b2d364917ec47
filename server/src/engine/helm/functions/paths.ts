import { text, type FunctionGroup } from './common';

/** Go's `path.Clean`: slash paths only, as Helm runs on the chart's own paths whatever the platform. */
export function cleanPath(value: string): string {
  if (value === '') return '.';
  const rooted = value.startsWith('/');
  const out: string[] = [];
  for (const part of value.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return rooted ? '/' + joined : joined || '.';
}

function base(value: string): string {
  if (value === '') return '.';
  const trimmed = value.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function dir(value: string): string {
  return cleanPath(value.slice(0, value.lastIndexOf('/') + 1));
}

function ext(value: string): string {
  for (let i = value.length - 1; i >= 0 && value[i] !== '/'; i--) if (value[i] === '.') return value.slice(i);
  return '';
}

export const pathFunctions: FunctionGroup = {
  base: (_context, s = null) => base(text(s, 'base')),
  dir: (_context, s = null) => dir(text(s, 'dir')),
  ext: (_context, s = null) => ext(text(s, 'ext')),
  clean: (_context, s = null) => cleanPath(text(s, 'clean')),
  isAbs: (_context, s = null) => text(s, 'isAbs').startsWith('/'),
  osBase: (_context, s = null) => base(text(s, 'osBase')),
  osDir: (_context, s = null) => dir(text(s, 'osDir')),
  osExt: (_context, s = null) => ext(text(s, 'osExt')),
  osClean: (_context, s = null) => cleanPath(text(s, 'osClean')),
  osIsAbs: (_context, s = null) => text(s, 'osIsAbs').startsWith('/'),
};
