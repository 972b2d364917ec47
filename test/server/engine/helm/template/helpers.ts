import type { FunctionTable, TemplateFunction } from '../../../../../server/src/engine/helm/functions/function-table';
import { formatValue } from '../../../../../server/src/engine/helm/go/format';
import { Rope } from '../../../../../server/src/engine/helm/go/rope';
import { GoError, isString, isTrue, stringOf, type GoValue } from '../../../../../server/src/engine/helm/go/values';
import { TemplateSet, type TemplateSetOptions } from '../../../../../server/src/engine/helm/template/template-set';

const text = (value: GoValue): string => (isString(value) ? stringOf(value) : formatValue(value));

/** A few Sprig-like functions, enough to exercise the evaluator. */
export const functions: FunctionTable = new Map<string, TemplateFunction>([
  ['include', (context, name, data) => context.include(text(name), data)],
  ['tpl', (context, source, data) => context.tpl(isString(source) ? source : text(source), data)],
  ['quote', (_context, ...args) => args.filter((arg) => arg !== null).map((arg) => `"${text(arg)}"`).join(' ')],
  ['upper', (_context, value) => text(value).toUpperCase()],
  ['default', (_context, fallback, given = null) => (isTrue(given) ? given : fallback)],
  ['nindent', (_context, count, value) => Rope.concat(['\n', (value instanceof Rope ? value : Rope.of(text(value))).indentLines(' '.repeat(Number(count)), true)])],
  ['required', (_context, message, value) => {
    if (value === null || (isString(value) && stringOf(value) === '')) throw new GoError(text(message));
    return value;
  }],
  ['list', (_context, ...args) => args],
  ['dict', (_context, ...args) => {
    const map = new Map<string, GoValue>();
    for (let i = 0; i + 1 < args.length; i += 2) map.set(text(args[i]), args[i + 1]);
    return map;
  }],
  ['int', (_context, value) => (typeof value === 'number' ? BigInt(Math.trunc(value)) : value)],
]);

export function templates(files: Record<string, string>, options?: TemplateSetOptions): TemplateSet {
  const set = new TemplateSet(functions, options);
  for (const [name, source] of Object.entries(files)) {
    const error = set.add(name, `file:///chart/${name}`, source);
    if (error) throw new Error(error.message);
  }
  return set;
}

export function values(object: unknown): GoValue {
  if (object === null || object === undefined) return null;
  if (Array.isArray(object)) return object.map(values);
  if (typeof object === 'object') return new Map(Object.entries(object).map(([key, value]) => [key, values(value)]));
  return object as GoValue;
}

/** Renders `source` as a lone template with `data` as `.`; throws on a parse error. */
export function render(source: string, data: unknown = {}, extra: Record<string, string> = {}): { text: string; error: string | undefined } {
  const set = templates({ ...extra, main: source });
  const { output, error } = set.render('main', values(data));
  return { text: output.text, error: error?.message };
}

export function ok(source: string, data: unknown = {}, extra: Record<string, string> = {}): string {
  const { text, error } = render(source, data, extra);
  if (error) throw new Error(error);
  return text;
}
