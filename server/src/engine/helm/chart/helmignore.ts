import picomatch from 'picomatch/posix';

/** One line of `.helmignore`: a Go `filepath.Match` glob, for a directory when it ends in `/`, negated with `!`. */
interface IgnoreRule {
  readonly negate: boolean;
  readonly directoryOnly: boolean;
  /** Tests the whole path when the pattern has a `/`, otherwise only the last part. */
  readonly matchesWholePath: boolean;
  readonly matches: (path: string) => boolean;
}

/** A `.helmignore` line Helm refuses, with its offsets in the file. */
export interface IgnoreProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface HelmIgnore {
  readonly rules: readonly IgnoreRule[];
  readonly problems: readonly IgnoreProblem[];
}

/**
 * Go's `filepath.Match` has no braces, extglobs or globstar, and its `*` matches a leading dot;
 * `[^…]` negates a class, as picomatch reads it too.
 */
const FILEPATH_MATCH = { dot: true, nobrace: true, noextglob: true, nonegate: true, noglobstar: true, strictSlashes: true } as const;

/** Helm adds this rule after the chart's own: dot files under `templates/` are never templates. */
const DEFAULT_RULES = ['templates/.?*'];

export function readHelmIgnore(text: string): HelmIgnore {
  const rules: IgnoreRule[] = [];
  const problems: IgnoreProblem[] = [];
  let offset = 0;
  for (const line of [...text.split('\n'), ...DEFAULT_RULES]) {
    const start = offset;
    offset += line.length + 1;
    const pattern = line.trim();
    if (pattern === '' || pattern.startsWith('#')) continue;
    // Helm refuses the whole chart over such a line; we drop the line and say why.
    if (pattern.includes('**')) problems.push({ start, end: start + line.trimEnd().length, message: 'double-star (**) syntax is not supported' });
    else rules.push(parseRule(pattern));
  }
  return { rules, problems };
}

function parseRule(pattern: string): IgnoreRule {
  const negate = pattern.startsWith('!');
  if (negate) pattern = pattern.slice(1);
  const directoryOnly = pattern.endsWith('/');
  if (directoryOnly) pattern = pattern.slice(0, -1);
  const matchesWholePath = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  return { negate, directoryOnly, matchesWholePath, matches: picomatch(pattern, FILEPATH_MATCH) };
}

/**
 * Whether `.helmignore` leaves out `path` (a file, relative to the chart, `/` separators).
 * Helm walks the chart folder and skips a folder its rules ignore, so each folder on the way is
 * asked first, then the file.
 */
export function ignoredBy(ignore: HelmIgnore, path: string): boolean {
  const parts = path.split('/');
  return parts.some((_, index) => ignores(ignore.rules, parts.slice(0, index + 1).join('/'), index < parts.length - 1));
}

/**
 * Helm's order: the first rule that decides wins. A plain rule decides when it matches. A
 * negated rule decides "ignored" when it does not match (or wants a folder and this is a
 * file), and lets the next rule decide when it matches: so `!x` alone ignores all but `x`.
 */
function ignores(rules: readonly IgnoreRule[], path: string, isDirectory: boolean): boolean {
  for (const rule of rules) {
    const tested = rule.matchesWholePath ? path : path.slice(path.lastIndexOf('/') + 1);
    if (rule.negate) {
      if ((rule.directoryOnly && !isDirectory) || !rule.matches(tested)) return true;
    } else if ((!rule.directoryOnly || isDirectory) && rule.matches(tested)) return true;
  }
  return false;
}
