import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChartFiles } from '../../../../../server/src/engine/helm/chart/chart-render';

/** The Helm corpus, read where it lies beside the repository (never copied into it). */
export const CORPUS = path.join(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'corpus-helm');

/** Every file of a corpus chart, as an editor or the CLI would hand them to the engine. */
export function corpusChart(name: string): ChartFiles {
  const root = path.join(CORPUS, name);
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

/** The 15 reference renders: every chart with its defaults, and the variants with one `_values` file. */
export const REFERENCES: readonly (readonly [chart: string, variant: string])[] = [
  ['cassandra', 'default'],
  ['kafka', 'default'],
  ['kafka', 'brokers'],
  ['mongodb', 'default'],
  ['mongodb', 'replicaset'],
  ['mongodb', 'standalone-sts'],
  ['mysql', 'default'],
  ['mysql', 'replication'],
  ['postgresql', 'default'],
  ['postgresql', 'replication'],
  ['rabbitmq', 'default'],
  ['rabbitmq', 'cluster'],
  ['redis', 'default'],
  ['redis', 'sentinel'],
  ['zookeeper', 'default'],
];

/** A printed line whose value is random: a password, secret, key, certificate or checksum, a generated id, an Erlang cookie. */
const RANDOM_LINE = /^\s*[\w./-]*(?:password|secret|cert|key|checksum|tls\.|ca\.crt|cookie|-id)[\w./-]*: /i;

/**
 * The lines of a rendered stream that differ from the reference's, less those printing a random
 * value. Streams of different lengths differ as a whole.
 */
export function differingLines(actual: string, expected: string): string[] {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  if (actualLines.length !== expectedLines.length) return [`${actualLines.length} lines, not ${expectedLines.length}`];
  return actualLines.filter((line, index) => line !== expectedLines[index] && !RANDOM_LINE.test(line));
}
