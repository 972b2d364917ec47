// The Helm corpus, read where it lies beside the repository (../shared/corpus-helm, never copied
// into it), for the tests and the bench alike.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChartFiles } from '../server/src/engine/helm/chart/chart-render';
import { readFolder } from './read-folder';

export const HELM_CORPUS = path.resolve(__dirname, '..', '..', 'shared', 'corpus-helm');

/** Every file of a corpus chart, as an editor or the CLI would hand them to the engine. */
export function readCorpusChart(name: string): ChartFiles {
  const root = path.join(HELM_CORPUS, name);
  return { rootUri: pathToFileURL(root).href, files: readFolder(root) };
}
