import { isList, isMap, isString, stringOf, type GoMap, type GoValue } from '../go/values';
import { readValues } from '../values/read-values';
import type { ChartFiles, RenderProblem } from './chart-render';
import { ignoredBy, readHelmIgnore } from './helmignore';

/** A `dependencies:` entry of Chart.yaml. */
export interface ChartDependency {
  readonly name: string;
  readonly alias: string | undefined;
  readonly version: string;
  readonly repository: string;
  readonly condition: string;
  readonly tags: readonly string[];
  readonly raw: GoMap;
}

export interface ChartTemplate {
  /** Path in the chart folder: `templates/sts.yaml`. */
  readonly path: string;
  /** Helm's name for it: `parent/charts/sub/templates/sts.yaml`. */
  readonly name: string;
  readonly uri: string;
  readonly text: string;
}

/** One chart of the tree, with its subcharts as found under `charts/`. */
export interface LoadedChart {
  /** The chart's name, or its alias when a dependency gives one (Helm renames aliased subcharts). */
  readonly name: string;
  /** Chart.yaml as read, with keys as written. */
  readonly metadata: GoMap;
  readonly isLibrary: boolean;
  /** Helm's path of the chart: `parent` or `parent/charts/sub`; template names start with it. */
  readonly fullPath: string;
  readonly uri: string;
  readonly valuesUri: string;
  readonly valuesText: string;
  /** `values.schema.json`, when the chart has one. */
  readonly schema: { readonly text: string } | undefined;
  readonly dependencies: readonly ChartDependency[];
  /** The files templates may render (`templates/**`); for a library chart only its `_*` helpers. */
  readonly templates: readonly ChartTemplate[];
  /** Every other file, which `.Files` serves: not Chart.yaml, values.yaml, templates/ or charts/. */
  readonly otherFiles: ReadonlyMap<string, string>;
  readonly subcharts: readonly LoadedChart[];
}

export interface ChartLoad {
  readonly chart: LoadedChart;
  readonly problems: readonly RenderProblem[];
}

/** Reads a chart tree from its files; packed subcharts are reported, not opened. */
export function loadChart(files: ChartFiles): ChartLoad {
  const problems: RenderProblem[] = [];
  const chart = loadFolder(files.rootUri, files.files, undefined, undefined, problems);
  return { chart, problems };
}

function loadFolder(
  uri: string,
  files: ReadonlyMap<string, string>,
  parentPath: string | undefined,
  alias: string | undefined,
  problems: RenderProblem[],
): LoadedChart {
  const chartYaml = files.get('Chart.yaml') ?? '';
  const read = readValues(`${uri}/Chart.yaml`, chartYaml);
  for (const problem of read.problems) problems.push({ ...problem, severity: 'error', ruleId: 'helm-render-error' });
  const metadata = read.values;
  const chartName = text(metadata.get('name'));
  // Helm refuses such a chart; we still render what we can, under an empty name.
  const missing = !files.has('Chart.yaml') ? 'Chart.yaml file is missing' : chartName === '' ? 'validation: chart.metadata.name is required' : undefined;
  if (missing && read.problems.length === 0) problems.push({ uri: `${uri}/Chart.yaml`, start: 0, end: 0, message: missing, severity: 'error', ruleId: 'helm-render-error' });
  const name = alias ?? chartName;
  const fullPath = parentPath === undefined ? name : `${parentPath}/charts/${name}`;
  const isLibrary = text(metadata.get('type')) === 'library';
  const ignore = readHelmIgnore(files.get('.helmignore') ?? '');
  for (const problem of ignore.problems) problems.push({ ...problem, uri: `${uri}/.helmignore`, severity: 'error', ruleId: 'helm-render-error' });
  const dependencies = readDependencies(metadata.get('dependencies') ?? null);

  const templates: ChartTemplate[] = [];
  const otherFiles = new Map<string, string>();
  const subchartFiles = new Map<string, Map<string, string>>();
  for (const [path, content] of files) {
    if (ignoredBy(ignore, path)) continue;
    if (path.startsWith('charts/')) {
      const rest = path.slice('charts/'.length);
      const slash = rest.indexOf('/');
      if (slash < 0) {
        if (/\.tgz$|\.tar\.gz$/.test(rest)) {
          problems.push({
            uri: `${uri}/${path}`,
            start: 0,
            end: 0,
            message: `The packed subchart ${path} is not rendered; unpack it (helm dependency build, then tar xzf) to check its templates.`,
            severity: 'info',
            ruleId: 'helm-subchart-packed',
          });
        }
        continue;
      }
      const folder = rest.slice(0, slash);
      let group = subchartFiles.get(folder);
      if (!group) subchartFiles.set(folder, (group = new Map()));
      group.set(rest.slice(slash + 1), content);
    } else if (path.startsWith('templates/')) {
      const base = path.slice(path.lastIndexOf('/') + 1);
      // Helm renders only what a library chart defines: its `_*` helpers.
      if (isLibrary && !base.startsWith('_')) continue;
      templates.push({ path, name: `${fullPath}/${path}`, uri: `${uri}/${path}`, text: content });
    } else if (path !== 'Chart.yaml' && path !== 'values.yaml' && path !== 'values.schema.json' && path !== 'Chart.lock' && path !== 'requirements.yaml' && path !== 'requirements.lock') {
      otherFiles.set(path, content);
    }
  }

  const subcharts: LoadedChart[] = [];
  for (const [folder, group] of [...subchartFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!group.has('Chart.yaml')) continue;
    const subName = text(readValues('', group.get('Chart.yaml') ?? '').values.get('name')) || folder;
    const matching = dependencies.filter((dependency) => dependency.name === subName);
    // A dependency listed twice with aliases gives two charts; an unlisted folder still renders.
    const aliases = matching.length > 0 ? matching.map((dependency) => dependency.alias) : [undefined];
    for (const subAlias of aliases) subcharts.push(loadFolder(`${uri}/charts/${folder}`, group, fullPath, subAlias, problems));
  }

  return {
    name,
    metadata,
    isLibrary,
    fullPath,
    uri,
    valuesUri: `${uri}/values.yaml`,
    valuesText: files.get('values.yaml') ?? '',
    schema: files.has('values.schema.json') ? { text: files.get('values.schema.json')! } : undefined,
    dependencies,
    templates,
    otherFiles,
    subcharts,
  };
}

function readDependencies(value: GoValue): ChartDependency[] {
  if (!isList(value)) return [];
  return value.filter(isMap).map((entry) => ({
    name: text(entry.get('name')),
    alias: text(entry.get('alias')) || undefined,
    version: text(entry.get('version')),
    repository: text(entry.get('repository')),
    condition: text(entry.get('condition')),
    tags: isList(entry.get('tags') ?? null) ? (entry.get('tags') as GoValue[]).filter(isString).map(stringOf) : [],
    raw: entry,
  }));
}

function text(value: GoValue | undefined): string {
  return value !== undefined && isString(value) ? stringOf(value) : '';
}
