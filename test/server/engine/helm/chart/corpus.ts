export { HELM_CORPUS as CORPUS, readCorpusChart as corpusChart } from '../../../../../scripts/helm-corpus';

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
