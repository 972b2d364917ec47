import { isList, isMap, isString, stringOf, type GoMap, type GoValue } from '../go/values';
import { coalesceDefaults, copyGlobals, copyMap, dropChartNulls, mergeUserValues, valueAtPath } from '../values/coalesce';
import { readValuesShared } from '../values/read-values';
import type { LoadedChart } from './load-chart';

/** The chart tree without the subcharts its values turn off, and the values each chart sees. */
export interface ChartValues {
  readonly chart: LoadedChart;
  /** The root chart's `.Values`; a subchart's are under its name, `values.get(sub.name)`. */
  readonly values: GoMap;
}

/**
 * Coalesces the user's values with every chart's defaults, drops the subcharts that
 * `condition:` or `tags:` disable, then coalesces again over what is left, as Helm does
 * (a disabled subchart's defaults do not show up in `.Values`). `userValues` must give a
 * fresh map on every call, because coalescing changes it.
 */
export function chartValues(chart: LoadedChart, userValues: () => GoMap): ChartValues {
  const all = coalesceTree(chart, userValues());
  const tags = all.get('tags');
  const enabled = pruneDisabled(chart, all, '', tags instanceof Map ? tags : new Map());
  const values = coalesceTree(enabled, userValues());
  importValues(enabled, values);
  return { chart: enabled, values };
}

/**
 * `import-values:` lifts values of a subchart into its parent, deepest charts first: a string
 * `x` takes the child's `exports.x` map to the parent's top level, `{child, parent}` copies the
 * child's path to the parent's path. The parent's own values win over what is imported.
 */
function importValues(chart: LoadedChart, values: GoMap): void {
  for (const sub of chart.subcharts) {
    const subValues = values.get(sub.name);
    if (subValues instanceof Map) importValues(sub, subValues);
  }
  for (const dependency of chart.dependencies) {
    const imports = dependency.raw.get('import-values');
    const name = dependency.alias ?? dependency.name;
    if (!isList(imports ?? null) || !chart.subcharts.some((sub) => sub.name === name)) continue;
    const imported: GoMap = new Map();
    for (const entry of imports as GoValue[]) {
      const [childPath, parentPath] = isString(entry)
        ? [`exports.${stringOf(entry)}`, '']
        : isMap(entry)
          ? [pathText(entry.get('child')), pathText(entry.get('parent'))]
          : ['', ''];
      if (childPath === '') continue;
      const value = valueAtPath(values, `${name}.${childPath}`);
      if (value === undefined) continue;
      if (parentPath === '' || parentPath === '.') {
        if (value instanceof Map) mergeUserValues(imported, copyMap(value));
      } else {
        mergeUserValues(imported, atPath(parentPath, value instanceof Map ? copyMap(value) : value));
      }
    }
    coalesceDefaults(values, imported);
  }
}

function pathText(value: GoValue | undefined): string {
  return value !== undefined && isString(value) ? stringOf(value).replace(/^\./, '') : '';
}

/** `{a: {b: value}}` for the path `a.b`. */
function atPath(path: string, value: GoValue): GoMap {
  const parts = path.split('.').filter((part) => part !== '');
  let result: GoValue = value;
  for (const part of parts.reverse()) result = new Map([[part, result]]);
  return result instanceof Map ? result : new Map();
}

/**
 * Helm's coalescing of one chart and, below it, its subcharts: own defaults first, then each
 * subchart's. The nulls of a chart's own values.yaml reach its subcharts, then leave its view.
 */
export function coalesceTree(chart: LoadedChart, values: GoMap): GoMap {
  coalesceDefaults(values, readValuesShared(chart.valuesUri, chart.valuesText).values, chart.valuesUri);
  for (const sub of chart.subcharts) {
    let subValues = values.get(sub.name);
    if (!(subValues instanceof Map)) {
      subValues = new Map();
      values.set(sub.name, subValues);
    }
    copyGlobals(subValues, values);
    coalesceTree(sub, subValues);
  }
  dropChartNulls(values, chart.valuesUri, new Set(chart.subcharts.map((sub) => sub.name)));
  return values;
}

function pruneDisabled(chart: LoadedChart, all: GoMap, prefix: string, tags: GoMap): LoadedChart {
  const subcharts = chart.subcharts
    .filter((sub) => {
      const dependency = chart.dependencies.find((entry) => (entry.alias ?? entry.name) === sub.name);
      return dependency === undefined || isEnabled(dependency.condition, dependency.tags, all, prefix, tags);
    })
    .map((sub) => pruneDisabled(sub, all, `${prefix}${sub.name}.`, tags));
  return { ...chart, subcharts };
}

function isEnabled(condition: string, dependencyTags: readonly string[], all: GoMap, prefix: string, tags: GoMap): boolean {
  let enabled = true;
  // Tags first: any true tag enables, false tags disable only when none is true.
  let anyTrue = false;
  let anyFalse = false;
  for (const tag of dependencyTags) {
    const value = tags.get(tag);
    if (value === true) anyTrue = true;
    else if (value === false) anyFalse = true;
  }
  if (anyFalse && !anyTrue) enabled = false;
  // A condition overrides tags: the first of its paths that holds a boolean decides.
  for (const path of condition.split(',').map((part) => part.trim())) {
    if (path === '') continue;
    const value: GoValue | undefined = valueAtPath(all, prefix + path);
    if (typeof value === 'boolean') {
      enabled = value;
      break;
    }
  }
  return enabled;
}

