import path from 'node:path';
import { URI } from 'vscode-uri';
import type { ChartRender, ChartRenderer, RenderOptions } from '../engine/helm/chart/chart-render';
import type { Workspace } from '../engine/workspace/workspace';
import { readChartFiles } from '../files/chart-files';
import { isInside } from '../files/yaml-files';

/** How the charts among the linted files are rendered. */
export interface ChartRendering {
  readonly renderer: ChartRenderer;
  readonly options: RenderOptions;
}

/**
 * The chart folders among the files: those holding a `Chart.yaml`, less the subcharts below
 * another chart's folder, which render as part of it.
 */
export function chartRoots(files: readonly string[]): string[] {
  const roots = files.filter((file) => path.basename(file) === 'Chart.yaml').map((file) => path.dirname(file));
  return roots.filter((root) => !roots.some((other) => isInside(other, root))).sort();
}

/**
 * Renders each chart and gives the workspace its output. The chart's helpers and values files
 * are set too when the walk did not bring them, so that findings can point at their lines.
 */
export async function renderCharts(workspace: Workspace, roots: readonly string[], rendering: ChartRendering): Promise<void> {
  for (const file of rendering.options.valuesFiles) if (!workspace.get(file.uri)) workspace.set(file.uri, file.text);
  for (const root of roots) {
    const files = await readChartFiles(root);
    for (const [relative, text] of files.files) {
      const uri = URI.file(path.join(root, relative)).toString();
      if (/\.(tpl|ya?ml)$/.test(relative) && !workspace.get(uri)) workspace.set(uri, text);
    }
    workspace.setChartRender(renderSafely(rendering, files.rootUri, files));
  }
}

/** A renderer that throws has a bug; its chart is reported as not rendered, and the others are still checked. */
function renderSafely(rendering: ChartRendering, rootUri: string, files: Parameters<ChartRenderer>[0]): ChartRender {
  try {
    return rendering.renderer(files, rendering.options);
  } catch (error) {
    const manifest = `${rootUri}/Chart.yaml`;
    return {
      rootUri,
      chartName: path.basename(URI.parse(rootUri).fsPath),
      templates: [],
      problems: [{ uri: manifest, start: 0, end: 0, message: `The chart could not be rendered: ${(error as Error).message}`, severity: 'error', ruleId: 'helm-render-error' }],
    };
  }
}
