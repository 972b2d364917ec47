/** One line of `.helmignore`: a shell glob, for a directory when it ends in `/`, negated with `!`. */
interface IgnoreRule {
  readonly negate: boolean;
  readonly directoryOnly: boolean;
  /** Matched against the whole path when the pattern has a `/`, otherwise against each path part. */
  readonly anchored: boolean;
  readonly pattern: RegExp;
}

export function readHelmIgnore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    line = line.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    if (line.startsWith('/')) line = line.slice(1);
    rules.push({ negate, directoryOnly, anchored: line.includes('/'), pattern: shellGlob(line) });
  }
  return rules;
}

/** Whether `.helmignore` leaves out `path` (relative to the chart, `/` separators). The last matching rule decides. */
export function ignoredBy(rules: readonly IgnoreRule[], path: string): boolean {
  let ignored = false;
  const parts = path.split('/');
  for (const rule of rules) {
    let matches: boolean;
    if (rule.anchored) {
      matches = parts.some((_, index) => rule.pattern.test(parts.slice(0, index + 1).join('/')) && (!rule.directoryOnly || index < parts.length - 1));
    } else {
      // A directory rule matches any folder on the way; a file rule any part, the name included.
      const candidates = rule.directoryOnly ? parts.slice(0, -1) : parts;
      matches = candidates.some((part) => rule.pattern.test(part));
    }
    if (matches) ignored = !rule.negate;
  }
  return ignored;
}

function shellGlob(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += '[' + pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
