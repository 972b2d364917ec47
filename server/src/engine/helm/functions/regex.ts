import { RE2JS } from 're2js';
import { GoError, type GoValue } from '../go/values';
import { intArg, text, type FunctionGroup } from './common';

/**
 * Go's regexp is RE2: linear in the input, whatever the pattern. JS RegExp backtracks, so a
 * chart's pattern like `(a*)*b` could hang the editor; re2js keeps RE2's guarantee.
 */
const compiled = new Map<string, RE2JS>();
const CACHE_LIMIT = 500;

function compile(pattern: string): RE2JS {
  let regex = compiled.get(pattern);
  if (regex) return regex;
  try {
    regex = RE2JS.compile(pattern);
  } catch (error) {
    throw new GoError(`error parsing regexp: ${error instanceof Error ? error.message : String(error)}: \`${pattern}\``);
  }
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(pattern, regex);
  return regex;
}

interface Match {
  readonly start: number;
  readonly end: number;
  readonly groups: (string | null)[];
}

/**
 * Successive matches as Go's `FindAll` reports them: an empty match right where the previous
 * match ended is skipped. At most `limit` matches when `limit` is not negative.
 */
function matches(regex: RE2JS, input: string, limit = -1): Match[] {
  const out: Match[] = [];
  const matcher = regex.matcher(input);
  let previousEnd = -1;
  while ((limit < 0 || out.length < limit) && matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    if (start === end && start === previousEnd) continue;
    const groups: (string | null)[] = [];
    for (let group = 0; group <= matcher.groupCount(); group++) groups.push(matcher.group(group));
    out.push({ start, end, groups });
    previousEnd = end;
  }
  return out;
}

function groupNames(regex: RE2JS): Map<string, number> {
  const names = new Map<string, number>();
  const named = regex.namedGroups() as Record<string, number> | Map<string, number> | undefined;
  if (named instanceof Map) for (const [name, index] of named) names.set(name, index);
  else if (named) for (const [name, index] of Object.entries(named)) names.set(name, index);
  return names;
}

/**
 * Go's `Regexp.Expand`: `$name` takes the longest run of letters, digits and underscores, so
 * `$1x` names a group "1x" (empty); `${1}x` is group 1 then "x"; `$$` is a dollar.
 */
function expand(template: string, match: Match, names: Map<string, number>): string {
  let out = '';
  for (let index = 0; index < template.length; index++) {
    const char = template[index]!;
    if (char !== '$' || index + 1 >= template.length) {
      out += char;
      continue;
    }
    const next = template[index + 1]!;
    if (next === '$') {
      out += '$';
      index++;
      continue;
    }
    let name: string | undefined;
    let after = index;
    if (next === '{') {
      const close = template.indexOf('}', index + 2);
      const candidate = close < 0 ? '' : template.slice(index + 2, close);
      if (candidate !== '' && /^\w+$/.test(candidate)) [name, after] = [candidate, close];
    } else {
      const run = /^\w+/.exec(template.slice(index + 1));
      if (run) [name, after] = [run[0], index + run[0].length];
    }
    if (name === undefined) {
      out += char;
      continue;
    }
    const number = /^\d+$/.test(name) ? Number(name) : names.get(name);
    if (number !== undefined && number < match.groups.length) out += match.groups[number] ?? '';
    index = after;
  }
  return out;
}

function replaceAll(pattern: string, input: string, replacement: (match: Match) => string): string {
  let out = '';
  let position = 0;
  for (const match of matches(compile(pattern), input)) {
    out += input.slice(position, match.start) + replacement(match);
    position = match.end;
  }
  return out + input.slice(position);
}

/** Go's `Regexp.Split`. */
function split(pattern: string, input: string, limit: number): string[] {
  if (limit === 0) return [];
  const regex = compile(pattern);
  if (pattern.length > 0 && input.length === 0) return [''];
  const found = matches(regex, input, limit > 0 ? limit - 1 : -1);
  const out: string[] = [];
  let begin = 0;
  let lastStart = 0;
  for (const match of found) {
    lastStart = match.start;
    // An empty match at the very start does not make an empty first piece.
    if (match.end !== 0) out.push(input.slice(begin, match.start));
    begin = match.end;
  }
  // Nor does an empty match at the very end make an empty last piece.
  if (lastStart !== input.length || found.length === 0) out.push(input.slice(begin));
  return out;
}

/** Go's `regexp.QuoteMeta`: a backslash before each of `\.+*?()|[]{}^$`. */
export function quoteMeta(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

function isMatch(pattern: string, input: string): boolean {
  return compile(pattern).matcher(input).find();
}

const findFirst = (pattern: string, input: string): string => matches(compile(pattern), input, 1)[0]?.groups[0] ?? '';
const findAll = (pattern: string, input: string, limit: GoValue): GoValue[] =>
  matches(compile(pattern), input, intArg(limit, 'regexFindAll')).map((match) => match.groups[0] ?? '');

export const regexFunctions: FunctionGroup = {
  regexMatch: (_context, pattern = null, s = null) => isMatch(text(pattern, 'regexMatch'), text(s, 'regexMatch')),
  mustRegexMatch: (_context, pattern = null, s = null) => isMatch(text(pattern, 'mustRegexMatch'), text(s, 'mustRegexMatch')),
  regexFind: (_context, pattern = null, s = null) => findFirst(text(pattern, 'regexFind'), text(s, 'regexFind')),
  mustRegexFind: (_context, pattern = null, s = null) => findFirst(text(pattern, 'mustRegexFind'), text(s, 'mustRegexFind')),
  regexFindAll: (_context, pattern = null, s = null, n = null) => findAll(text(pattern, 'regexFindAll'), text(s, 'regexFindAll'), n),
  mustRegexFindAll: (_context, pattern = null, s = null, n = null) => findAll(text(pattern, 'mustRegexFindAll'), text(s, 'mustRegexFindAll'), n),
  regexReplaceAll: (_context, pattern = null, s = null, replacement = null) => {
    const source = text(pattern, 'regexReplaceAll');
    const template = text(replacement, 'regexReplaceAll');
    const names = groupNames(compile(source));
    return replaceAll(source, text(s, 'regexReplaceAll'), (match) => expand(template, match, names));
  },
  mustRegexReplaceAll: (_context, pattern = null, s = null, replacement = null) => {
    const source = text(pattern, 'mustRegexReplaceAll');
    const template = text(replacement, 'mustRegexReplaceAll');
    const names = groupNames(compile(source));
    return replaceAll(source, text(s, 'mustRegexReplaceAll'), (match) => expand(template, match, names));
  },
  regexReplaceAllLiteral: (_context, pattern = null, s = null, replacement = null) =>
    replaceAll(text(pattern, 'regexReplaceAllLiteral'), text(s, 'regexReplaceAllLiteral'), () => text(replacement, 'regexReplaceAllLiteral')),
  mustRegexReplaceAllLiteral: (_context, pattern = null, s = null, replacement = null) =>
    replaceAll(text(pattern, 'mustRegexReplaceAllLiteral'), text(s, 'mustRegexReplaceAllLiteral'), () => text(replacement, 'mustRegexReplaceAllLiteral')),
  regexSplit: (_context, pattern = null, s = null, n = null) => split(text(pattern, 'regexSplit'), text(s, 'regexSplit'), intArg(n, 'regexSplit')),
  mustRegexSplit: (_context, pattern = null, s = null, n = null) => split(text(pattern, 'mustRegexSplit'), text(s, 'mustRegexSplit'), intArg(n, 'mustRegexSplit')),
  regexQuoteMeta: (_context, s = null) => quoteMeta(text(s, 'regexQuoteMeta')),
};
