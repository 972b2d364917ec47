import { helmFunctions } from '../functions/index';
import type { FunctionTable } from '../functions/function-table';
import type { Origin } from '../go/origin';
import { Rope } from '../go/rope';
import { isString, stringOf, type GoMap, type GoValue } from '../go/values';
import { wholeTemplateError } from '../template/errors';
import { TemplateSet, type RenderWatch, type TemplateError, type TemplateParseCache } from '../template/template-set';
import { mergeUserValues } from '../values/coalesce';
import { readValuesShared } from '../values/read-values';
import { applyJsonValue, applySetValue } from '../values/set-values';
import { capabilitiesObject, releaseObject, templateObject, topObject } from './builtin-objects';
import type { ChartFiles, ChartRender, RenderOptions, RenderProblem, RenderedTemplate } from './chart-render';
import { chartValues } from './chart-values';
import type { YamlPrinter } from './files-object';
import { loadChart, type ChartTemplate, type LoadedChart } from './load-chart';
import { validateValues } from './values-schema';

/** A template of the tree with the chart it belongs to. */
export interface PlacedTemplate {
  readonly template: ChartTemplate;
  readonly chart: LoadedChart;
  readonly data: GoMap;
}

/** A chart ready to run: every template placed with its chart's objects, in Helm's order, and what went wrong on the way. */
export interface PreparedChart {
  readonly rootUri: string;
  readonly chartName: string;
  readonly placed: readonly PlacedTemplate[];
  /** Problems of the chart's files and values. */
  readonly problems: readonly RenderProblem[];
}

/** What running one template gave; nothing for a helper, or a template that did not parse. */
export interface TemplateOutcome {
  readonly rendered?: RenderedTemplate;
  readonly problem?: RenderProblem;
}

/**
 * Renders a chart as `helm template` does, in process: values coalesced over the chart tree,
 * every template of the chart and its enabled subcharts in one namespace, each non-helper
 * template run with its own chart's objects. A failing template becomes a problem and the
 * others still render.
 */
export function renderChart(files: ChartFiles, options: RenderOptions, functions: FunctionTable = helmFunctions()): ChartRender {
  const prepared = prepareChart(files, options, functions);
  const { set, problems } = templateSetOf(prepared, functions);
  const outcomes = prepared.placed.map((placed) => runTemplate(set, placed));
  return assembleRender(prepared, problems, outcomes);
}

/** Loads the chart tree, coalesces its values and gives each template the objects it runs with. */
export function prepareChart(files: ChartFiles, options: RenderOptions, functions: FunctionTable): PreparedChart {
  const loaded = loadChart(files);
  const problems: RenderProblem[] = [...loaded.problems];
  collectValuesProblems(loaded.chart, problems);

  const setters = userSetters(options);
  const userValues = (): GoMap => {
    let merged: GoMap = new Map();
    for (const file of options.valuesFiles) merged = mergeUserValues(merged, readValuesShared(file.uri, file.text).values);
    for (const { apply } of setters) apply(merged);
    return merged;
  };
  for (const file of options.valuesFiles) {
    for (const problem of readValuesShared(file.uri, file.text).problems) problems.push({ ...problem, severity: 'error', ruleId: 'helm-render-error' });
  }
  for (const { apply, failure } of setters) {
    const error = apply(new Map());
    if (error) problems.push({ uri: files.rootUri, start: 0, end: 0, message: failure(error), severity: 'error', ruleId: 'helm-render-error' });
  }

  const { chart, values } = chartValues(loaded.chart, userValues);
  // Helm stops at a schema error; we report it and render anyway, so the templates are still checked.
  problems.push(...validateValues(chart, values));
  const toYaml = yamlPrinter(functions);
  const release = releaseObject(options.releaseName, options.namespace);
  const capabilities = capabilitiesObject(options.kubernetesVersion);
  const placed: PlacedTemplate[] = [];
  const place = (current: LoadedChart, currentValues: GoMap, isRoot: boolean): GoMap => {
    const data = topObject(current, isRoot, currentValues, release, capabilities, toYaml);
    const subcharts: GoMap = new Map();
    for (const sub of current.subcharts) {
      const subValues = currentValues.get(sub.name);
      subcharts.set(sub.name, place(sub, subValues instanceof Map ? subValues : new Map(), false));
    }
    data.set('Subcharts', subcharts);
    for (const template of current.templates) placed.push({ template, chart: current, data });
    return data;
  };
  place(chart, values, true);

  // Helm parses deepest paths first, and at equal depth in reverse order, so the last
  // definition of a name (the parent's, or the alphabetically first file's) wins.
  placed.sort((a, b) => compareTemplateOrder(a.template.name, b.template.name));
  return { rootUri: files.rootUri, chartName: loaded.chart.name, placed, problems };
}

/** Parses every template into one namespace of defines; the problems are the chart's and the parse errors. */
export function templateSetOf(prepared: PreparedChart, functions: FunctionTable, cache?: TemplateParseCache): { set: TemplateSet; problems: RenderProblem[] } {
  const problems = [...prepared.problems];
  const set = new TemplateSet(functions, { cache });
  for (const { template } of prepared.placed) {
    const error = set.add(template.name, template.uri, template.text);
    if (error) problems.push({ uri: error.uri, start: error.start, end: error.end, message: error.message, severity: 'error', ruleId: 'helm-render-error' });
  }
  return { set, problems };
}

/** Runs one placed template, unless it is a helper or did not parse. */
export function runTemplate(set: TemplateSet, { template, chart, data }: PlacedTemplate, watch?: RenderWatch): TemplateOutcome | undefined {
  const base = template.path.slice(template.path.lastIndexOf('/') + 1);
  if (base.startsWith('_') || !set.has(template.name)) return undefined;
  const dot = new Map(data);
  dot.set('Template', templateObject(template.name, chart.fullPath));
  const { output, error } = renderGuarded(set, template, dot, watch);
  if (error) {
    return { problem: { uri: error.uri || template.uri, start: error.start, end: error.end, message: helmMessage(error), severity: 'error', ruleId: 'helm-render-error' } };
  }
  // NOTES.txt is rendered (it may fail, or change values), but helm template prints none.
  if (template.path === 'templates/NOTES.txt') return {};
  return { rendered: { name: template.name, uri: template.uri, source: template.text, output } };
}

/** The render of a chart from its templates' outcomes, in the order they ran. */
export function assembleRender(prepared: PreparedChart, problems: readonly RenderProblem[], outcomes: readonly (TemplateOutcome | undefined)[]): ChartRender {
  const templates: RenderedTemplate[] = [];
  const all = [...problems];
  for (const outcome of outcomes) {
    if (outcome?.problem) all.push(outcome.problem);
    if (outcome?.rendered) templates.push(outcome.rendered);
  }
  return { rootUri: prepared.rootUri, chartName: prepared.chartName, templates, problems: all };
}

interface UserSetter {
  readonly apply: (values: GoMap) => string | undefined;
  /** Helm's message when the expression does not parse. */
  readonly failure: (error: string) => string;
}

/**
 * The `--set` family in the order Helm applies them: JSON, typed, string, then file values.
 * Messages name the key, never the value: Helm prints a bad `--set-json` whole, which may hold a secret.
 */
function userSetters(options: RenderOptions): UserSetter[] {
  const fileText = (path: string): string | undefined => options.setFileTexts?.get(path);
  return [
    ...(options.setJsonValues ?? []).map((expression) => ({ apply: (values: GoMap) => applyJsonValue(values, expression), failure: (error: string) => `failed parsing --set-json data: ${error}` })),
    ...options.setValues.map((expression) => ({ apply: (values: GoMap) => applySetValue(values, expression), failure: (error: string) => `failed parsing --set data: ${error}` })),
    ...(options.setStringValues ?? []).map((expression) => ({
      apply: (values: GoMap) => applySetValue(values, expression, 'set-string'),
      failure: (error: string) => `failed parsing --set-string data: ${error}`,
    })),
    ...(options.setFileValues ?? []).map((expression) => ({
      apply: (values: GoMap) => applySetValue(values, expression, 'set-file', fileText),
      failure: (error: string) => `failed parsing --set-file data: ${error}`,
    })),
  ];
}

/**
 * Runs one template; an exception the engine did not expect becomes this template's error, so
 * that one bad file never takes the editor's whole render down.
 */
function renderGuarded(set: TemplateSet, template: ChartTemplate, dot: GoMap, watch: RenderWatch | undefined): { output: Rope; error?: TemplateError } {
  try {
    return set.render(template.name, dot, watch);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    const message = `template: ${template.name}: internal error of the renderer: ${detail}`;
    return { output: Rope.of(''), error: wholeTemplateError(template.uri, template.name, message, detail) };
  }
}

/** Helm's `sortTemplates`: more `/` first; at equal depth, reverse byte order. */
export function compareTemplateOrder(a: string, b: string): number {
  const depth = (name: string): number => name.split('/').length;
  if (depth(a) !== depth(b)) return depth(b) - depth(a);
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * How Helm shows a failed render: `required` and `fail` as `execution error at (NAME:L:C): msg`
 * with the position of the top-level template's action, anything else as Go prints it.
 */
export function helmMessage(error: TemplateError): string {
  const location = /^template: (.*?:\d+:\d+): /.exec(error.message)?.[1];
  const raised = /error calling (?:required|fail): ([\s\S]*)$/.exec(error.message);
  if (location !== undefined && raised) return `execution error at (${location}): ${raised[1]}`;
  return error.message;
}

function collectValuesProblems(chart: LoadedChart, problems: RenderProblem[]): void {
  for (const problem of readValuesShared(chart.valuesUri, chart.valuesText).problems) problems.push({ ...problem, severity: 'error', ruleId: 'helm-render-error' });
  for (const sub of chart.subcharts) collectValuesProblems(sub, problems);
}

/** `.Files.AsConfig` prints with the same `toYaml` templates use. */
function yamlPrinter(functions: FunctionTable): YamlPrinter {
  const toYaml = functions.get('toYaml');
  const origin: Origin = { kind: 'action', span: { uri: '', start: 0, end: 0 }, frames: [] };
  const context = {
    origin,
    include: (): Rope => Rope.of(''),
    tpl: (): Rope => Rope.of(''),
  };
  return (value: GoValue): string => {
    const result = toYaml ? toYaml(context, value) : '';
    return isString(result) ? stringOf(result) : '';
  };
}

