import type { Finding } from '../types';

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
  // Walking up from the end, each line learns the next line below it that is neither blank nor a comment.
  let nextContent = lines.length;
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = DIRECTIVE.exec(lines[index]);
    if (match) {
      const scope = scopeOf(match[2]);
      if (match[1] === 'disable') result.file = merge(result.file, scope);
      else result.lines.set(nextContent, merge(result.lines.get(nextContent), scope));
    }
    if (!/^\s*(#.*)?$/.test(lines[index])) nextContent = index;
  }
  return result;
}

export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  const covers = (scope: Scope | undefined) => scope === 'all' || scope?.has(finding.ruleId) === true;
  return covers(suppressions.file) || covers(suppressions.lines.get(finding.range.start.line));
}

function scopeOf(text: string): Scope {
  const ids = [...idsIn(text)].map((match) => match[0]);
  return ids.length === 0 ? 'all' : new Set(ids);
}

/** The rule ids of a directive's text, as matches with their index in it. */
function idsIn(text: string): IterableIterator<RegExpMatchArray> {
  // A trailing `-- reason`, as ESLint allows, explains the directive.
  return text.split('--')[0].matchAll(/[^\s,]+/g);
}

/** Each rule id a suppression comment names, with its offsets in the text. */
export function suppressedRuleIds(text: string): { id: string; start: number; end: number }[] {
  const found: { id: string; start: number; end: number }[] = [];
  if (!text.includes('kube-stateful-disable')) return found;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const match = DIRECTIVE.exec(line.replace(/\r$/, ''));
    if (match) {
      const idsStart = lineStart + match[0].length - match[2].length;
      for (const id of idsIn(match[2])) found.push({ id: id[0], start: idsStart + id.index!, end: idsStart + id.index! + id[0].length });
    }
    lineStart += line.length + 1;
  }
  return found;
}

/** Adds to a scope in place: many directives may name the same line. */
function merge(current: Scope | undefined, added: Scope): Scope {
  if (current === 'all' || added === 'all') return 'all';
  if (!current) return new Set(added);
  for (const id of added) current.add(id);
  return current;
}
