import type { Finding } from './types';

const DIRECTIVE = /^\s*#\s*kube-stateful-(disable-next-line|disable)\b(.*)$/;

/** Rule ids a comment names, or 'all' when it names none. */
type Scope = Set<string> | 'all';

export interface Suppressions {
  file: Scope | undefined;
  /** Zero-based line numbers to the rules silenced on them. */
  lines: Map<number, Scope>;
}

/**
 * Reads the suppression comments of a file. Only whole-line comments count, so that a `#`
 * inside a value is never taken for one; `disable-next-line` applies to the next line that is
 * neither blank nor a comment.
 */
export function suppressionsOf(text: string): Suppressions {
  const result: Suppressions = { file: undefined, lines: new Map() };
  if (!text.includes('kube-stateful-disable')) return result;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const scope = scopeOf(match[2]);
    if (match[1] === 'disable') {
      result.file = merge(result.file, scope);
      return;
    }
    let target = index + 1;
    while (target < lines.length && /^\s*(#.*)?$/.test(lines[target])) target++;
    result.lines.set(target, merge(result.lines.get(target), scope));
  });
  return result;
}

export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  const covers = (scope: Scope | undefined) => scope === 'all' || scope?.has(finding.ruleId) === true;
  return covers(suppressions.file) || covers(suppressions.lines.get(finding.range.start.line));
}

function scopeOf(text: string): Scope {
  // A trailing `-- reason`, as ESLint allows, explains the directive.
  const ids = text.split('--')[0].split(/[\s,]+/).filter((id) => id !== '');
  return ids.length === 0 ? 'all' : new Set(ids);
}

function merge(current: Scope | undefined, added: Scope): Scope {
  if (current === 'all' || added === 'all') return 'all';
  return new Set([...(current ?? []), ...added]);
}
