import type { FunctionTable } from '../functions/function-table';
import { helmFunctions } from '../functions/index';
import { GoStruct, type GoMap, type GoValue } from '../go/values';
import { TemplateParseCache, type RenderWatch, type TemplateSet } from '../template/template-set';
import type { ChartFiles, ChartRender, RenderOptions, RenderProblem } from './chart-render';
import { assembleRender, prepareChart, runTemplate, templateSetOf, type PlacedTemplate, type PreparedChart, type TemplateOutcome } from './render-chart';

/** What one template's last run gave, and what it did that other templates could see. */
interface TemplateRun {
  readonly outcome: TemplateOutcome | undefined;
  /** Template names it looked up (`template`, `include`), any of which may be another file. */
  readonly looked: ReadonlySet<string>;
  /** Whether it changed a map it was given (values, `.Chart`…): the templates after it see the change. */
  readonly changedInputs: boolean;
}

interface LastRender {
  readonly files: ChartFiles;
  readonly options: RenderOptions;
  readonly prepared: PreparedChart;
  readonly set: TemplateSet;
  /** The chart's problems and the parse errors. */
  readonly problems: readonly RenderProblem[];
  /** By index in `prepared.placed`. */
  readonly runs: readonly TemplateRun[];
  /** Every map and list the templates are given, to tell their changes from those of maps they made. */
  readonly inputs: WeakSet<object>;
}

/**
 * Renders one chart again and again as an editor changes it, with the result `renderChart`
 * would give, redoing only what an edit can change. An edit of templates that define nothing,
 * and that no template looks up by name, runs only those templates again. An edit of other
 * templates (helpers) runs every template, with the values coalesced before. Any other edit
 * renders from scratch. Parsed files are kept, by text, for every render. A template that changes
 * its inputs (`set .Values …`) makes the next render start from scratch, because the templates
 * after it saw the change.
 */
export class IncrementalChartRenderer {
  private readonly functions: FunctionTable = helmFunctions();
  /** Room for a few versions of every file of a large chart tree, not for every keystroke of a long session. */
  private readonly parsed = new TemplateParseCache(500);
  private last: LastRender | undefined;
  /** How many templates the last render ran (helpers are not run on their own). */
  templatesRun = 0;

  render(files: ChartFiles, options: RenderOptions): ChartRender {
    this.templatesRun = 0;
    const edited = this.editedTemplates(files, options);
    if (!edited) return this.renderAll(prepareChart(files, options, this.functions), files, options);
    const last = this.last!;
    const only = this.renderOnly(last, files, edited);
    if (only === 'inputs changed') return this.renderAll(prepareChart(files, options, this.functions), files, options);
    return only ?? this.renderAll(withTexts(last.prepared, files, edited), files, options);
  }

  /**
   * The indexes of the placed templates whose text changed, when nothing else did since a render
   * whose templates left their inputs alone; undefined when the chart must be prepared again.
   */
  private editedTemplates(files: ChartFiles, options: RenderOptions): number[] | undefined {
    const last = this.last;
    if (!last || last.files.rootUri !== files.rootUri || !sameOptions(last.options, options)) return undefined;
    if (last.runs.some((run) => run.changedInputs)) return undefined;
    const changed = changedPaths(last.files.files, files.files);
    if (!changed) return undefined;
    const indexes = changed.map((path) => last.prepared.placed.findIndex((placed) => placed.template.uri === `${files.rootUri}/${path}`));
    return indexes.every((index) => index >= 0) ? indexes : undefined;
  }

  /**
   * Runs only the edited templates again, when neither version of any defines a template or is
   * looked up; undefined when they cannot be run alone.
   */
  private renderOnly(last: LastRender, files: ChartFiles, edited: readonly number[]): ChartRender | 'inputs changed' | undefined {
    const looked = new Set(last.runs.flatMap((run) => [...run.looked]));
    for (const index of edited) {
      const { template } = last.prepared.placed[index];
      const next = files.files.get(pathIn(files, template.uri))!;
      const definesNothing = (text: string) => last.set.definesOf(template.name, template.uri, text)?.length === 0;
      if (looked.has(template.name) || !definesNothing(template.text) || !definesNothing(next)) return undefined;
    }
    const prepared = withTexts(last.prepared, files, edited);
    const runs = [...last.runs];
    for (const index of edited) {
      const { template } = prepared.placed[index];
      last.set.add(template.name, template.uri, template.text);
      runs[index] = this.run(last.set, prepared.placed[index], last.inputs);
    }
    // The templates after it should have seen what it changed, and the inputs are no longer as prepared.
    if (edited.some((index) => runs[index].changedInputs)) return 'inputs changed';
    this.last = { ...last, files, prepared, runs };
    return assembleRender(prepared, last.problems, runs.map((run) => run.outcome));
  }

  private renderAll(prepared: PreparedChart, files: ChartFiles, options: RenderOptions): ChartRender {
    const { set, problems } = templateSetOf(prepared, this.functions, this.parsed);
    const inputs = reachableContainers(prepared.placed.map((placed) => placed.data));
    const runs = prepared.placed.map((placed) => this.run(set, placed, inputs));
    this.last = { files, options, prepared, set, problems, runs, inputs };
    return assembleRender(prepared, problems, runs.map((run) => run.outcome));
  }

  private run(set: TemplateSet, placed: PlacedTemplate, inputs: WeakSet<object>): TemplateRun {
    const looked = new Set<string>();
    let changedInputs = false;
    const watch: RenderWatch = {
      looked: (name) => looked.add(name),
      changing: (map) => {
        if (inputs.has(map)) changedInputs = true;
      },
    };
    const outcome = runTemplate(set, placed, watch);
    if (outcome) this.templatesRun++;
    return { outcome, looked, changedInputs };
  }
}

/** The prepared chart with the edited templates' new text. */
function withTexts(prepared: PreparedChart, files: ChartFiles, edited: readonly number[]): PreparedChart {
  const placed = [...prepared.placed];
  for (const index of edited) {
    const { template } = placed[index];
    placed[index] = { ...placed[index], template: { ...template, text: files.files.get(pathIn(files, template.uri))! } };
  }
  return { ...prepared, placed };
}

function pathIn(files: ChartFiles, uri: string): string {
  return uri.slice(files.rootUri.length + 1);
}

/** The paths whose text differs; undefined when a file came or went. */
function changedPaths(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] | undefined {
  if (before.size !== after.size) return undefined;
  const changed: string[] = [];
  for (const [path, text] of after) {
    const previous = before.get(path);
    if (previous === undefined) return undefined;
    if (previous !== text) changed.push(path);
  }
  return changed;
}

function sameOptions(a: RenderOptions, b: RenderOptions): boolean {
  const sameList = (x: readonly string[] = [], y: readonly string[] = []) => x.length === y.length && x.every((item, index) => item === y[index]);
  const fileTexts = (options: RenderOptions) => [...(options.setFileTexts ?? [])].flat();
  return (
    a.releaseName === b.releaseName &&
    a.namespace === b.namespace &&
    a.kubernetesVersion.major === b.kubernetesVersion.major &&
    a.kubernetesVersion.minor === b.kubernetesVersion.minor &&
    sameList(a.valuesFiles.map((file) => file.uri), b.valuesFiles.map((file) => file.uri)) &&
    sameList(a.valuesFiles.map((file) => file.text), b.valuesFiles.map((file) => file.text)) &&
    sameList(a.setValues, b.setValues) &&
    sameList(a.setJsonValues, b.setJsonValues) &&
    sameList(a.setStringValues, b.setStringValues) &&
    sameList(a.setFileValues, b.setFileValues) &&
    sameList(fileTexts(a), fileTexts(b))
  );
}

/** Every map and list reachable from `roots`, through struct fields too. */
function reachableContainers(roots: readonly GoMap[]): WeakSet<object> {
  const found = new WeakSet<object>();
  const pending: (GoValue | ReadonlyMap<string, GoValue>)[] = [...roots];
  while (pending.length > 0) {
    const value = pending.pop()!;
    const container = value instanceof GoStruct ? value.fields : value;
    if (!(container instanceof Map || Array.isArray(container)) || found.has(container)) continue;
    found.add(container);
    for (const element of container.values()) pending.push(element);
  }
  return found;
}
