import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { ChartFiles } from '../engine/helm/chart/chart-render';
import { MAX_FILE_BYTES } from '../engine/document/source-file';

/** A packed subchart: the renderer reports it, so it is listed, but its bytes are of no use. */
const PACKED_SUBCHART = /^charts\/[^/]+\.tgz$/;
/** Files read at once. */
const READ_BATCH = 32;

/**
 * Reads a chart folder from disk as the renderer takes it: every text file by path relative to
 * the folder, with `/` separators. Files too large to render and binary files are left out, but
 * packed subcharts are listed with empty text.
 */
export async function readChartFiles(root: string): Promise<ChartFiles> {
  const paths = await glob(['**/*'], { cwd: root, dot: true, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false });
  const posixPaths = paths.sort().map((relative) => relative.split(path.sep).join('/'));
  const texts: (string | undefined)[] = [];
  // In batches: one after the other, a chart's many small files cost a wait each; all at once, a large folder could run out of file handles.
  for (let start = 0; start < posixPaths.length; start += READ_BATCH) {
    const batch = posixPaths.slice(start, start + READ_BATCH);
    texts.push(...(await Promise.all(batch.map((posix) => (PACKED_SUBCHART.test(posix) ? '' : readText(path.join(root, ...posix.split('/'))))))));
  }
  const files = new Map<string, string>();
  posixPaths.forEach((posix, index) => {
    const text = texts[index];
    if (text !== undefined) files.set(posix, text);
  });
  return { rootUri: URI.file(root).toString(), files };
}

/** A regular file's text; none when it is too large, unreadable or binary (a NUL byte gives it away). */
async function readText(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    const bytes = await fs.readFile(file);
    if (bytes.includes(0)) return undefined;
    const text = bytes.toString('utf8');
    return text.startsWith('\ufeff') ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
