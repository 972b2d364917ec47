import type { KubernetesVersion } from '../../config';
import { GoStruct, isList, isMap, isString, stringOf, type GoMap, type GoValue } from '../go/values';
import { builtInApiVersions } from './api-versions';
import { filesObject, type YamlPrinter } from './files-object';
import type { LoadedChart } from './load-chart';

/** The Helm version `.Capabilities.HelmVersion` claims: the v3 line these charts are written for. */
const HELM_VERSION = 'v3.18.4';

/** `.Release` as `helm template` sets it: a first install. Helm passes it as a map. */
export function releaseObject(name: string, namespace: string): GoMap {
  return new Map<string, GoValue>([
    ['Name', name],
    ['Namespace', namespace],
    ['IsUpgrade', false],
    ['IsInstall', true],
    ['Revision', 1n],
    ['Service', 'Helm'],
  ]);
}

/** Chart.yaml keys as Helm's `chart.Metadata` names its fields; a missing field is its zero value. */
const METADATA_FIELDS: readonly (readonly [string, string, GoValue])[] = [
  ['name', 'Name', ''],
  ['home', 'Home', ''],
  ['sources', 'Sources', null],
  ['version', 'Version', ''],
  ['description', 'Description', ''],
  ['keywords', 'Keywords', null],
  ['maintainers', 'Maintainers', null],
  ['icon', 'Icon', ''],
  ['apiVersion', 'APIVersion', ''],
  ['condition', 'Condition', ''],
  ['tags', 'Tags', ''],
  ['appVersion', 'AppVersion', ''],
  ['deprecated', 'Deprecated', false],
  ['annotations', 'Annotations', null],
  ['kubeVersion', 'KubeVersion', ''],
  ['dependencies', 'Dependencies', null],
  ['type', 'Type', ''],
];

const DEPENDENCY_FIELDS: readonly (readonly [string, string, GoValue])[] = [
  ['name', 'Name', ''],
  ['version', 'Version', ''],
  ['repository', 'Repository', ''],
  ['condition', 'Condition', ''],
  ['tags', 'Tags', null],
  ['enabled', 'Enabled', false],
  ['import-values', 'ImportValues', null],
  ['alias', 'Alias', ''],
];

/** `.Chart`: Chart.yaml with Go's field names (`.Chart.AppVersion`), plus `IsRoot`. */
export function chartObject(chart: LoadedChart, isRoot: boolean): GoStruct {
  const fields = structFields(chart.metadata, METADATA_FIELDS);
  // Helm renames an aliased subchart, so `.Chart.Name` is the alias there.
  fields.set('Name', chart.name);
  const dependencies = chart.metadata.get('dependencies') ?? null;
  if (isList(dependencies)) {
    fields.set(
      'Dependencies',
      dependencies.map((entry) => new GoStruct('*chart.Dependency', structFields(isMap(entry) ? entry : new Map(), DEPENDENCY_FIELDS))),
    );
  }
  fields.set('IsRoot', isRoot);
  return new GoStruct('*chart.Metadata', fields);
}

function structFields(source: GoMap, table: readonly (readonly [string, string, GoValue])[]): Map<string, GoValue> {
  const fields = new Map<string, GoValue>();
  for (const [key, field, zero] of table) fields.set(field, source.get(key) ?? zero);
  return fields;
}

/** `.Capabilities` for a Kubernetes version, with `APIVersions.Has` over the built-in APIs only. */
export function capabilitiesObject(version: KubernetesVersion): GoStruct {
  const gitVersion = `v${version.major}.${version.minor}.0`;
  const kubeVersion = new GoStruct(
    '*chartutil.KubeVersion',
    new Map<string, GoValue>([
      ['Version', gitVersion],
      ['Major', String(version.major)],
      ['Minor', String(version.minor)],
      ['GitVersion', gitVersion],
    ]),
    new Map([['String', () => gitVersion]]),
  );
  const apiVersions = builtInApiVersions(version);
  const known = new Set(apiVersions);
  const versionSet = new GoStruct('chartutil.VersionSet', new Map(), new Map([['Has', (name: GoValue) => isString(name) && known.has(stringOf(name))]]));
  const helmVersion = new GoStruct(
    'chartutil.HelmVersion',
    new Map<string, GoValue>([
      ['Version', HELM_VERSION],
      ['GitCommit', ''],
      ['GitTreeState', 'clean'],
      ['GoVersion', 'go1.24.0'],
    ]),
  );
  return new GoStruct(
    '*chartutil.Capabilities',
    new Map<string, GoValue>([
      ['KubeVersion', kubeVersion],
      ['APIVersions', versionSet],
      ['HelmVersion', helmVersion],
    ]),
  );
}

/** `.Template` for one template: its Helm name and its chart's templates folder. */
export function templateObject(name: string, chartFullPath: string): GoMap {
  return new Map<string, GoValue>([
    ['Name', name],
    ['BasePath', `${chartFullPath}/templates`],
  ]);
}

/** The dot a chart's templates start with, without `.Template`, which each template adds. */
export function topObject(
  chart: LoadedChart,
  isRoot: boolean,
  values: GoMap,
  release: GoMap,
  capabilities: GoStruct,
  toYaml: YamlPrinter,
): GoMap {
  return new Map<string, GoValue>([
    ['Values', values],
    ['Release', release],
    ['Chart', chartObject(chart, isRoot)],
    ['Capabilities', capabilities],
    ['Files', filesObject(chart.otherFiles, toYaml)],
  ]);
}
