import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { configFrom, type EngineConfig } from '../engine/config';
import type { ChartRenderer, RenderOptions, ValuesFile } from '../engine/helm/chart/chart-render';
import { renderChart } from '../engine/helm/chart/render-chart';
import { setFilePaths } from '../engine/helm/values/set-values';
import { rules } from '../engine/rules';
import { immutableFieldChanged } from '../engine/rules/immutable-field-changed';
import { readBaseVersions } from './base-revision';
import { cacheFileOf, digest } from './cache/cache-file';
import { diskIo, lintWithCache, type LintIo } from './cache/cached-lint';
import type { ChartRendering } from './charts';
import { collectFiles, UsageError } from './collect-files';
import { formatJson, formatText, summarize, type FileFindings } from './format';
import { formatGithub } from './github-annotations';
import { lintFiles } from './lint';
import { kubernetesVersion, maxWarnings, outputFormat, ruleLevels, type OutputFormat } from './options';
import type { Output } from './output';
import { formatSarif } from './sarif';

export interface LintArguments extends ChartArguments {
  paths: readonly string[];
  format?: string;
  maxWarnings?: string;
  defaultNamespace?: string;
  kubernetesVersion?: string;
  rules: readonly string[];
  /** The revision to compare with for changes the API server refuses; none compares nothing. */
  base?: string;
  /** `--cache`: keep what each run learns, so that the next checks only what changed. */
  cache?: boolean;
  /** `--cache-location`: the cache file, or a folder to keep it in. */
  cacheLocation?: string;
}

/** How `lint` and `render` render charts, as `helm template` takes it. */
export interface ChartArguments {
  /** `--values`/`-f` files, applied in order after each chart's own values. */
  values?: readonly string[];
  /** `--set key=value`, applied after the values files and `--set-json`. */
  set?: readonly string[];
  /** `--set-string key=value`: the values stay strings; after `--set`. */
  setString?: readonly string[];
  /** `--set-file key=path`: the value is the file's text; applied last. */
  setFile?: readonly string[];
  /** `--set-json key=json`: applied first, right after the values files. */
  setJson?: readonly string[];
  releaseName?: string;
}

/** `.Release.Name` when none is given, as `helm template` names it. */
export const DEFAULT_RELEASE_NAME = 'release-name';

/**
 * `kube-stateful lint`: prints the findings and returns the exit status. Charts among the files
 * are rendered with `renderer`, Helm's rules rebuilt in-process unless a test gives its own.
 */
export async function lintCommand(
  args: LintArguments,
  cwd: string,
  version: string,
  output: Output,
  renderer: ChartRenderer = renderChart,
  io: LintIo = diskIo,
): Promise<number> {
  const format = outputFormat(args.format);
  const warningLimit = maxWarnings(args.maxWarnings);
  const config = configFrom({
    defaultNamespace: args.defaultNamespace,
    kubernetesVersion: kubernetesVersion(args.kubernetesVersion),
    rules: ruleLevels(args.rules),
  });
  const rendering = { renderer, options: await renderOptions(args, config, cwd) };
  const files = await collectFiles(args.paths, cwd);
  const bases = args.base === undefined ? undefined : await readBaseVersions(files, args.base);
  const results = args.cache
    ? await cachedResults(files, config, rendering, bases, args, cwd, version, output, io)
    : await lintFiles(files, config, rendering, bases, io.read);
  output.stdout(render(format, results, cwd, version));
  // Machine-readable output goes alone to stdout; the summary is for people reading a log.
  if (format === 'text' || format === 'github') output.stderr(summarize(results) + '\n');
  const findings = results.flatMap((result) => result.findings);
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (warnings > warningLimit) {
    output.stderr(`kube-stateful: too many warnings: ${warnings}, more than --max-warnings ${warningLimit}.\n`);
  }
  // A change the server refuses fails the deployment, so it fails the run that asked for the comparison.
  const refused = findings.some((finding) => finding.ruleId === immutableFieldChanged.id && finding.severity !== 'info');
  return findings.some((finding) => finding.severity === 'error') || warnings > warningLimit || refused ? 1 : 0;
}

async function cachedResults(
  files: readonly string[],
  config: EngineConfig,
  rendering: ChartRendering,
  bases: Awaited<ReturnType<typeof readBaseVersions>> | undefined,
  args: LintArguments,
  cwd: string,
  version: string,
  output: Output,
  io: LintIo,
): Promise<FileFindings[]> {
  const { options } = rendering;
  // Everything but the files that the findings depend on: another value of any of them makes other findings.
  const optionsKey = digest(JSON.stringify({ config, base: args.base ?? null, render: { ...options, setFileTexts: [...(options.setFileTexts ?? [])] } }));
  const settings = { file: await cacheFileOf(args.cacheLocation, cwd), version, options: optionsKey };
  const { results, writeFailure } = await lintWithCache(files, config, rendering, bases, settings, io);
  if (writeFailure) output.stderr(`kube-stateful: could not write the cache '${path.relative(cwd, settings.file) || settings.file}': ${writeFailure}; the next run checks every file again.\n`);
  return results;
}

function render(format: OutputFormat, results: readonly FileFindings[], cwd: string, version: string): string {
  switch (format) {
    case 'text':
      return formatText(results, cwd);
    case 'json':
      return formatJson(results, cwd);
    case 'sarif':
      return formatSarif(results, cwd, rules, version);
    case 'github':
      return formatGithub(results, cwd);
  }
}

/** The chart options shared by `lint` and `render`: values files and `--set-file` files read, `--set` expressions checked. */
export async function renderOptions(
  args: ChartArguments,
  config: EngineConfig,
  cwd: string,
): Promise<RenderOptions> {
  const valuesFiles: ValuesFile[] = [];
  for (const file of args.values ?? []) {
    const absolute = path.resolve(cwd, file);
    valuesFiles.push({ uri: URI.file(absolute).toString(), text: await readUserFile(absolute, `the values file '${file}'`) });
  }
  const setOptions = { set: args.set, 'set-string': args.setString, 'set-file': args.setFile, 'set-json': args.setJson };
  for (const [option, expressions] of Object.entries(setOptions)) {
    for (const expression of expressions ?? []) {
      if (!/^[^=]+=/.test(expression)) throw new UsageError(`--${option} takes key=value, not '${expression}'.`);
    }
  }
  const setFileTexts = new Map<string, string>();
  for (const file of (args.setFile ?? []).flatMap(setFilePaths)) {
    if (!setFileTexts.has(file)) setFileTexts.set(file, await readUserFile(path.resolve(cwd, file), `the --set-file file '${file}'`));
  }
  return {
    releaseName: args.releaseName ?? DEFAULT_RELEASE_NAME,
    namespace: config.defaultNamespace,
    kubernetesVersion: config.kubernetesVersion,
    valuesFiles,
    setValues: args.set ?? [],
    setJsonValues: args.setJson ?? [],
    setStringValues: args.setString ?? [],
    setFileValues: args.setFile ?? [],
    setFileTexts,
  };
}

/** A file the user named on the command line; one that cannot be read is a usage error. */
async function readUserFile(absolute: string, what: string): Promise<string> {
  return fs.readFile(absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${what}: ${error.code ?? error.message}.`);
  });
}
