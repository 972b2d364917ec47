import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types';
import Ajv2020 from 'ajv/dist/2020';
import { RE2JS } from 're2js';
import { Rope } from '../go/rope';
import { entrySource, type GoMap, type GoValue } from '../go/values';
import type { RenderProblem } from './chart-render';
import type { LoadedChart } from './load-chart';

/**
 * Checks each chart's coalesced values against its `values.schema.json`, as Helm does before it
 * renders: the root chart with `.Values`, each subchart with the values under its name. Each
 * error is placed on the values key at fault, in whichever file set it.
 */
export function validateValues(chart: LoadedChart, values: GoMap): RenderProblem[] {
  const problems: RenderProblem[] = [];
  if (chart.schema) problems.push(...validateChart(chart, chart.schema, values));
  for (const sub of chart.subcharts) {
    const subValues = values.get(sub.name);
    if (subValues instanceof Map) problems.push(...validateValues(sub, subValues));
  }
  return problems;
}

type Compiled = { validate: ValidateFunction } | { problem: Omit<RenderProblem, 'uri'> };

/** Compiled schemas by text: a chart re-renders on every edit, and its schema rarely changes. */
const compiled = new Map<string, Compiled>();
const MAX_COMPILED = 64;

function validateChart(chart: LoadedChart, schema: { text: string }, values: GoMap): RenderProblem[] {
  const result = compile(schema.text);
  // Editors and lint report on the chart's YAML files only, so a problem of the schema itself goes on Chart.yaml.
  if ('problem' in result) return [{ ...result.problem, uri: `${chart.uri}/Chart.yaml` }];
  if (result.validate(plain(values))) return [];
  return (result.validate.errors ?? []).map((error) => ({
    ...placeOf(chart, values, error),
    message: `values don't meet the specifications of the schema(s) in the following chart(s): ${chart.name}: at '${error.instancePath}': ${describe(error)}`,
    severity: 'error',
    ruleId: 'helm-render-error',
  }));
}

function compile(text: string): Compiled {
  const known = compiled.get(text);
  if (known) return known;
  let result: Compiled;
  try {
    result = { validate: validator(JSON.parse(text) as Record<string, unknown>) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    result =
      error instanceof SyntaxError
        ? { problem: { start: 0, end: 0, message: `values.schema.json is not JSON: ${detail}`, severity: 'error', ruleId: 'helm-render-error' } }
        : // A `$ref` to another file or a URL, which Helm would fetch: we read nothing beside the chart.
          { problem: { start: 0, end: 0, message: `values.schema.json could not be used, so the values are not checked against it: ${detail}`, severity: 'info', ruleId: 'helm-render-error' } };
  }
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  compiled.set(text, result);
  return result;
}

/**
 * Draft 2020-12 when the schema says so, draft-07 otherwise: Bitnami's charts name the
 * unversioned `http://json-schema.org/schema#`, which Ajv does not know, so `$schema` is set
 * aside. Unknown keywords and formats are annotations, as in Helm's validator.
 */
function validator(schema: Record<string, unknown>): ValidateFunction {
  const draft2020 = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12');
  const { $schema: _ignored, ...rest } = schema;
  const options = { strict: false, allErrors: true, validateFormats: false, logger: false as const, code: { regExp: re2 } };
  return (draft2020 ? new Ajv2020(options) : new Ajv(options)).compile(rest);
}

/**
 * `pattern` and `patternProperties` through RE2, as Go's validators match them: a schema is the
 * chart author's text, and a backtracking pattern such as `(a*)*b` must not hang the editor.
 */
const re2: RegExpEngine = Object.assign(
  (pattern: string) => {
    const regex = RE2JS.compile(pattern);
    return { test: (input: string) => regex.matcher(input).find() };
  },
  { code: 're2js' },
);

/** Ajv's message, with the property it names for the keywords whose message leaves it out. */
function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `missing property '${String(params.missingProperty)}'`;
  if (error.keyword === 'additionalProperties') return `additional property '${String(params.additionalProperty)}' is not allowed`;
  return error.message ?? error.keyword;
}

/** The values key the error is about, or the one holding the missing property; else the chart's values.yaml, or Chart.yaml without one. */
function placeOf(chart: LoadedChart, values: GoMap, error: ErrorObject): { uri: string; start: number; end: number } {
  const parts = error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let container: GoValue = values;
  let found: { uri: string; start: number; end: number } | undefined;
  for (const part of parts) {
    const key = Array.isArray(container) ? Number(part) : part;
    found = entrySource(container, key) ?? found;
    const next: GoValue | undefined = container instanceof Map ? container.get(part) : Array.isArray(container) ? container[Number(part)] : undefined;
    if (next === undefined) break;
    container = next;
  }
  return found ?? { uri: chart.valuesText === '' ? `${chart.uri}/Chart.yaml` : chart.valuesUri, start: 0, end: 0 };
}

/** Values as JSON data: maps become objects, Go ints numbers. */
function plain(value: GoValue): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, element]) => [key, plain(element)]));
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Rope) return value.text;
  if (typeof value === 'function' || (typeof value === 'object' && value !== null)) return null;
  return value;
}
