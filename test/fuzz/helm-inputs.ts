import fc from 'fast-check';
import { stringify } from 'yaml';
import { helmFunctions } from '../../server/src/engine/helm/functions/index';
import type { GoMap, GoValue } from '../../server/src/engine/helm/go/values';

/*
 * Random Go templates and values for the Helm renderer. Templates are built from the grammar
 * (actions, pipelines, control structures, defines), then some are damaged (cut short, a
 * delimiter dropped, a stray character put in), since editors hand the renderer half-typed
 * files far more often than finished ones.
 */

/** Every function the parser accepts, so that calls hit the real implementations. */
const FUNCTION_NAMES = [...helmFunctions().keys()].sort();
/** The few the fuzz should reach often: the regex, repetition and rendering functions. */
const RISKY_FUNCTIONS = [
  'regexMatch', 'regexFind', 'regexFindAll', 'regexReplaceAll', 'regexReplaceAllLiteral', 'regexSplit', 'mustRegexMatch',
  'until', 'untilStep', 'repeat', 'seq', 'include', 'tpl', 'toYaml', 'fromYaml', 'toJson', 'fromJson', 'printf', 'dict', 'list',
  'indent', 'nindent', 'trunc', 'substr', 'required', 'fail', 'default', 'ternary', 'index', 'slice', 'len',
].filter((name) => FUNCTION_NAMES.includes(name) || ['index', 'slice', 'len', 'printf'].includes(name));
const BUILTINS = ['and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery', 'call'];

/** Names of defines, few so that `template` and `include` find them and recurse. */
const DEFINE_NAMES = ['a', 'b', 'chart.name', 'x'];
const KEYS = ['a', 'b', 'name', 'list', 'n', 'enabled', 'image', 'Values', 'Release'];
const VARIABLES = ['$', '$x', '$i', '$v', '$y'];

/** Patterns that backtracking engines take exponential time on; RE2 must stay linear. */
const HOSTILE_PATTERNS = ['(a+)+$', '(a|a)*b', '(.*)*x', '^(a|aa)+$', '(x+x+)+y', '((a*)*)*b', '[', '(?P<n', '\\\\', 'a{1000}', '(?i)ß', '\\p{L}+'];
/** Counts that must be capped rather than allocated. */
const HUGE_NUMBERS = ['1000000000', '99999999999', '-1', '0', '9223372036854775807', '1e308', '0x7fffffff', '100000'];

const stringLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_PATTERNS).map((pattern) => JSON.stringify(pattern)),
  fc.string({ maxLength: 12 }).map((text) => JSON.stringify(text)),
  fc.constant('"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"'),
  fc.string({ maxLength: 8 }).filter((text) => !text.includes('`')).map((text) => `\`${text}\``),
  fc.constantFrom('"\\x41"', '"\\u00e9"', '"\\q"', '"unterminated', '`raw'),
);

const literal: fc.Arbitrary<string> = fc.oneof(
  stringLiteral,
  fc.constantFrom(...HUGE_NUMBERS),
  fc.integer({ min: -5, max: 20 }).map(String),
  fc.constantFrom('1.5', '-0.0', '1_000', '0b101', '0o17', "'a'", "'\\n'", "'ab'", 'true', 'false', 'nil', '3i'),
);

const field: fc.Arbitrary<string> = fc.oneof(
  fc.constant('.'),
  fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 4 }).map((keys) => `.${keys.join('.')}`),
  fc.tuple(fc.constantFrom(...VARIABLES), fc.array(fc.constantFrom(...KEYS), { maxLength: 3 })).map(([variable, keys]) =>
    keys.length === 0 ? variable : `${variable}.${keys.join('.')}`,
  ),
);

const functionName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RISKY_FUNCTIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...FUNCTION_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...BUILTINS) },
  { weight: 1, arbitrary: fc.constantFrom('nosuch', 'Values', 'define') },
);

interface Grammar {
  pipeline: string;
  operand: string;
  body: string;
}

/** Pipelines, operands and template bodies, each depth-limited through fast-check's letrec. */
const grammar = fc.letrec<Grammar>((tie) => ({
  operand: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    field,
    tie('pipeline').map((pipeline) => `(${pipeline})`),
    tie('pipeline').map((pipeline) => `(${pipeline}).a`),
  ),
  pipeline: fc
    .tuple(
      fc.option(fc.tuple(fc.constantFrom('$x', '$y', '$i, $v'), fc.constantFrom(':=', '=')), { nil: undefined }),
      fc.array(
        fc.oneof(
          tie('operand'),
          fc.tuple(functionName, fc.array(tie('operand'), { maxLength: 3 })).map(([name, args]) => [name, ...args].join(' ')),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([declaration, commands]) => (declaration ? `${declaration[0]} ${declaration[1]} ` : '') + commands.join(' | ')),
  body: fc
    .array(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('text ', '\n', 'key: ', '  - ', '---\n', '{', '}', '{{', '}}'),
        fc.tuple(fc.boolean(), tie('pipeline'), fc.boolean()).map(([left, pipeline, right]) => `{{${left ? '- ' : ''}${pipeline}${right ? ' -' : ''}}}`),
        fc.constantFrom('{{/* comment */}}', '{{- /* trimmed */ -}}', '{{/* open', '{{break}}', '{{continue}}', '{{end}}', '{{else}}'),
        fc.tuple(tie('pipeline'), tie('body'), fc.option(tie('body'), { nil: undefined })).map(
          ([condition, then, otherwise]) => `{{if ${condition}}}${then}${otherwise === undefined ? '' : `{{else}}${otherwise}`}{{end}}`,
        ),
        fc.tuple(tie('pipeline'), tie('pipeline'), tie('body')).map(([a, b, then]) => `{{if ${a}}}${then}{{else if ${b}}}x{{else with ${a}}}.{{end}}`),
        fc.tuple(tie('pipeline'), tie('body'), fc.constantFrom('', '{{break}}', '{{continue}}', '{{if .}}{{break}}{{end}}')).map(
          ([items, body, control]) => `{{range ${items}}}${body}${control}{{else}}empty{{end}}`,
        ),
        fc.tuple(tie('pipeline'), tie('body')).map(([items, body]) => `{{range $i, $v := ${items}}}${body}{{end}}`),
        fc.tuple(tie('pipeline'), tie('body')).map(([value, body]) => `{{with ${value}}}${body}{{else}}none{{end}}`),
        fc.tuple(fc.constantFrom(...DEFINE_NAMES), tie('body')).map(([name, body]) => `{{define "${name}"}}${body}{{end}}`),
        fc.tuple(fc.constantFrom(...DEFINE_NAMES), fc.option(tie('pipeline'), { nil: undefined })).map(
          ([name, pipeline]) => `{{template "${name}"${pipeline === undefined ? '' : ` ${pipeline}`}}}`,
        ),
        fc.tuple(fc.constantFrom(...DEFINE_NAMES), tie('pipeline')).map(([name, pipeline]) => `{{include "${name}" ${pipeline}}}`),
        fc.tuple(fc.constantFrom(...DEFINE_NAMES), tie('pipeline'), tie('body')).map(([name, pipeline, body]) => `{{block "${name}" ${pipeline}}}${body}{{end}}`),
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join('')),
}));

/** Damage done to a well-formed template, as half-typed files have. */
const damage: fc.Arbitrary<(text: string) => string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant((text: string) => text) },
  fc.nat().map((cut) => (text: string) => text.slice(0, cut % (text.length + 1))),
  fc.nat().map((at) => (text: string) => {
    const index = text.indexOf('}}', at % (text.length + 1));
    return index < 0 ? text : text.slice(0, index) + text.slice(index + 2);
  }),
  fc.tuple(fc.nat(), fc.constantFrom('{{', '}}', '(', ')', '"', '`', '|', ':=', '$', '.', '-', '\0', '\u2028')).map(
    ([at, inserted]) => (text: string) => {
      const index = at % (text.length + 1);
      return text.slice(0, index) + inserted + text.slice(index);
    },
  ),
);

/** A template from the grammar, sometimes damaged: what chart cases use, since renderChart runs with the real limits. */
export const plainTemplateArbitrary: fc.Arbitrary<string> = fc.tuple(grammar.body, damage).map(([body, hurt]) => hurt(body));

/** A template: mostly from the grammar, sometimes damaged, sometimes deep nesting to test the parser's limit. */
export const templateArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: plainTemplateArbitrary },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((depth) => `{{${'('.repeat(depth)}1${')'.repeat(depth)}}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((depth) => `${'{{if 1}}'.repeat(depth)}x${'{{end}}'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((depth) => `{{${'(list '.repeat(depth)}${')'.repeat(depth)}}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((depth) => `{{1${' | upper'.repeat(depth)}}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }).map((depth) => `{{${'(('.repeat(depth)}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{{define "a"}}{{include "a" .}}{{end}}{{include "a" .}}',
      '{{define "a"}}{{template "b" .}}{{end}}{{define "b"}}{{template "a" .}}{{end}}{{template "a" .}}',
      '{{define "a"}}{{tpl "{{include \\"a\\" .}}" .}}{{end}}{{include "a" .}}',
      '{{range until 1000000000}}{{end}}',
      '{{repeat 1000000000 "ab"}}',
      '{{range $i := until 100000}}{{range until 100000}}{{end}}{{end}}',
      '{{regexMatch "(a+)+$" (repeat 5000 "a")}}',
    ),
  },
);

export const valueArbitrary: fc.Arbitrary<GoValue> = fc.letrec<{ value: GoValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -3, max: 50 }),
    fc.bigInt({ min: -5n, max: 1n << 40n }),
    fc.string({ maxLength: 10 }),
    fc.constantFrom(...HOSTILE_PATTERNS, '{{ .Values.a }}', '{{include "a" .}}'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 4 }).map((entries) => new Map(entries) as GoValue),
  ),
})).value;

/** The dot of a render: `.Values` and a few of Helm's objects, or any value at all. */
export const dataArbitrary: fc.Arbitrary<GoValue> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(valueArbitrary, fc.string({ maxLength: 6 })).map(([values, name]) => new Map<string, GoValue>([
    ['Values', values],
    ['Release', new Map<string, GoValue>([['Name', name], ['Namespace', 'default']])],
    ['Chart', new Map<string, GoValue>([['Name', 'fuzz']])],
  ]) as GoMap) },
  { weight: 1, arbitrary: valueArbitrary },
);

export interface TemplateCase {
  /** Files added to one set, in order, by name. */
  readonly files: readonly string[];
  /** Which file to render (modulo the count). */
  readonly render: number;
  readonly data: GoValue;
}

export const templateCaseArbitrary: fc.Arbitrary<TemplateCase> = fc.record({
  files: fc.array(templateArbitrary, { minLength: 1, maxLength: 3 }),
  render: fc.nat(),
  data: dataArbitrary,
});

/** Values as a chart's values.yaml holds them: YAML printed from random values, or broken YAML. */
const valuesText: fc.Arbitrary<string> = fc.oneof(
  valueArbitrary.map((value) => {
    const plain = (item: GoValue): unknown =>
      item instanceof Map ? Object.fromEntries([...item].map(([key, entry]) => [key, plain(entry)])) : Array.isArray(item) ? item.map(plain) : typeof item === 'bigint' ? Number(item) : item;
    const top = value instanceof Map ? value : new Map([['a', value]]);
    return stringify(plain(top));
  }),
  fc.constantFrom('', 'a: [', 'a: *x', '- list\n- top', 'a: &x [*x]', 'key: {{ .Values }}', '\t bad: tab', 'a: 1\na: 2'),
);

const chartYaml: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('apiVersion: v2\nname: fuzz\nversion: 1.0.0\n', 'apiVersion: v1\nname: fuzz\nversion: 0.1.0\nappVersion: "1"\n') },
  fc.constantFrom('', 'name: [', 'apiVersion: v2\nversion: 1\n', 'apiVersion: v2\nname: fuzz\nversion: 1.0.0\ndependencies:\n  - name: sub\n    condition: sub.enabled\n'),
);

export interface ChartCase {
  readonly files: ReadonlyMap<string, string>;
  readonly valuesFile?: string;
  readonly setValues: readonly string[];
}

/** A small chart: Chart.yaml, values.yaml, a few templates and helpers, sometimes a subchart. */
export const chartCaseArbitrary: fc.Arbitrary<ChartCase> = fc
  .record({
    chart: chartYaml,
    values: valuesText,
    templates: fc.array(plainTemplateArbitrary, { minLength: 1, maxLength: 3 }),
    helpers: fc.option(plainTemplateArbitrary, { nil: undefined }),
    notes: fc.option(plainTemplateArbitrary, { nil: undefined }),
    sub: fc.option(fc.tuple(valuesText, plainTemplateArbitrary), { nil: undefined }),
    valuesFile: fc.option(valuesText, { nil: undefined }),
    setValues: fc.array(fc.constantFrom('a=1', 'a.b=x', 'list[0]=y', 'a[', '=', 'sub.enabled=false', 'a={1,2}', 'n=null'), { maxLength: 2 }),
  })
  .map(({ chart, values, templates, helpers, notes, sub, valuesFile, setValues }) => {
    const files = new Map<string, string>([['Chart.yaml', chart], ['values.yaml', values]]);
    templates.forEach((text, index) => files.set(`templates/t${index}.yaml`, text));
    if (helpers !== undefined) files.set('templates/_helpers.tpl', helpers);
    if (notes !== undefined) files.set('templates/NOTES.txt', notes);
    if (sub) {
      files.set('charts/sub/Chart.yaml', 'apiVersion: v2\nname: sub\nversion: 0.1.0\n');
      files.set('charts/sub/values.yaml', sub[0]);
      files.set('charts/sub/templates/s.yaml', sub[1]);
    }
    return { files, valuesFile, setValues };
  });
