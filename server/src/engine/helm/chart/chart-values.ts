import type { GoMap, GoValue } from '../go/values';
import { coalesceDefaults, copyGlobals, valueAtPath } from '../values/coalesce';
import { readValues } from '../values/read-values';
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
  return { chart: enabled, values: coalesceTree(enabled, userValues()) };
}

/** Helm's coalescing of one chart and, below it, its subcharts: own defaults first, then each subchart's. */
export function coalesceTree(chart: LoadedChart, values: GoMap): GoMap {
  coalesceDefaults(values, readValues(chart.valuesUri, chart.valuesText).values);
  for (const sub of chart.subcharts) {
    let subValues = values.get(sub.name);
    if (!(subValues instanceof Map)) {
      subValues = new Map();
      values.set(sub.name, subValues);
    }
    copyGlobals(subValues, values);
    coalesceTree(sub, subValues);
  }
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

