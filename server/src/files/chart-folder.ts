import { URI, Utils } from 'vscode-uri';
import type { ChartFiles } from '../engine/helm/chart/chart-render';
import { relativePath, type WorkspaceFiles } from './workspace-files';

/** A packed subchart: the renderer reports it, so it is listed, but its bytes are of no use. */
const PACKED_SUBCHART = /^charts\/[^/]+\.tgz$/;
/** Files read at once: one after the other, a chart's many small files cost a wait each. */
const READ_BATCH = 32;

/**
 * A chart folder as the renderer takes it, by URI on any file system: every text file by path
 * relative to the folder. Files too large to render and binary files are left out, but packed
 * subcharts are listed with empty text.
 */
export async function readChartFolder(files: WorkspaceFiles, rootUri: string): Promise<ChartFiles> {
  const listed = await files.listFiles(rootUri).catch(() => [] as string[]);
  const entries = listed
    .flatMap((uri) => {
      const relative = relativePath(rootUri, uri);
      return relative === undefined ? [] : [{ relative, uri }];
    })
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const chart = new Map<string, string>();
  for (let start = 0; start < entries.length; start += READ_BATCH) {
    const batch = entries.slice(start, start + READ_BATCH);
    const texts = await Promise.all(batch.map(({ relative, uri }) => (PACKED_SUBCHART.test(relative) ? '' : textOf(files, uri))));
    batch.forEach(({ relative }, index) => {
      const text = texts[index];
      if (text !== undefined) chart.set(relative, text);
    });
  }
  return { rootUri, files: chart };
}

/** A file's text; none when it is too large, unreadable or binary (a NUL character gives it away). */
async function textOf(files: WorkspaceFiles, uri: string): Promise<string | undefined> {
  const read = await files.readYamlFile(uri);
  return read.kind === 'text' && !read.text.includes('\0') ? read.text : undefined;
}

/**
 * The chart folders of the `Chart.yaml` files among `uris`, less the subcharts below another
 * chart's folder, which render as part of it.
 */
export function chartRootUris(uris: readonly string[]): string[] {
  const roots = uris.filter((uri) => Utils.basename(URI.parse(uri)) === 'Chart.yaml').map((uri) => Utils.dirname(URI.parse(uri)).toString());
  return roots.filter((root) => !roots.some((other) => relativePath(other, root) !== undefined)).sort();
}
