// The Helm corpus, read where it lies beside the repository (../shared/corpus-helm, never copied
// into it), for the tests and the bench alike.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChartFiles } from '../server/src/engine/helm/chart/chart-render';

export const HELM_CORPUS = path.resolve(__dirname, '..', '..', 'shared', 'corpus-helm');

/** Every file of a corpus chart, as an editor or the CLI would hand them to the engine. */
export function readCorpusChart(name: string): ChartFiles {
  const root = path.join(HELM_CORPUS, name);
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return { rootUri: pathToFileURL(root).href, files };
}
