import { promises as fs } from 'node:fs';
import path from 'node:path';
import { configFrom } from '../engine/config';
import { printManifest } from '../engine/helm/chart/manifest';
import { renderChart } from '../engine/helm/chart/render-chart';
import { readChartFiles } from '../files/chart-files';
import { UsageError } from './collect-files';
import { renderOptions, type ChartArguments } from './lint-command';
import { kubernetesVersion } from './options';
import type { Output } from './output';
import { problemLine } from './problem-line';

export interface RenderArguments extends ChartArguments {
  chart: string | undefined;
  defaultNamespace?: string;
  kubernetesVersion?: string;
}

/**
 * `kube-stateful render CHART`: prints what the chart renders to, as `helm template` prints it.
 * What kept a template from rendering goes to stderr, one line each, and makes the exit status 1.
 */
export async function renderCommand(args: RenderArguments, cwd: string, output: Output): Promise<number> {
  if (!args.chart) throw new UsageError("'render' takes the chart's folder.");
  const root = path.resolve(cwd, args.chart);
  const isChart = await fs.stat(path.join(root, 'Chart.yaml')).then((stat) => stat.isFile(), () => false);
  if (!isChart) throw new UsageError(`'${args.chart}' is not a chart: it holds no Chart.yaml.`);
  const config = configFrom({ defaultNamespace: args.defaultNamespace, kubernetesVersion: kubernetesVersion(args.kubernetesVersion) });
  const options = await renderOptions(args, config, cwd);
  const render = renderChart(await readChartFiles(root), options);
  output.stdout(printManifest(render));
  const files = new Map<string, string>();
  for (const problem of render.problems) output.stderr(await problemLine({ ...problem, label: problem.ruleId }, cwd, files));
  return render.problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}
