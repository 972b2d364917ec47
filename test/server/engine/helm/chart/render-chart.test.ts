import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { renderChart } from '../../../../../server/src/engine/helm/chart/render-chart';
import { printManifest } from '../../../../../server/src/engine/helm/chart/manifest';
import type { ValuesFile } from '../../../../../server/src/engine/helm/chart/chart-render';
import { CORPUS, corpusChart, differingLines, REFERENCES } from './corpus';

/** References that do not match yet, with what differs. Empty when the renderer conforms. */
const NOT_YET_CONFORMING: ReadonlyMap<string, string> = new Map([]);

/** Keys whose values are random in every render (generated passwords, certificates, checksums over them). */
const RANDOM_KEY = /password|secret|cert|key|checksum|tls\.|ca\.crt/i;

function mask(value: unknown, key = '', inSecretData = false): unknown {
  if (typeof value === 'string') return inSecretData || RANDOM_KEY.test(key) ? '<random>' : value;
  if (Array.isArray(value)) return value.map((item) => mask(item, key, inSecretData));
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const isSecret = object['kind'] === 'Secret';
    return Object.fromEntries(
      Object.entries(object).map(([name, item]) => [name, mask(item, name, inSecretData || (isSecret && (name === 'data' || name === 'stringData')))]),
    );
  }
  return value;
}

/** The documents of a `helm template` stream, each with its `# Source:` name, masked. */
function documents(text: string): { source: string; data: unknown }[] {
  return text
    .split(/^---\n/m)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const source = /^# Source: (.*)$/m.exec(part)?.[1] ?? '';
      const parsed = parseAllDocuments(part, { version: '1.1' });
      const docs = Array.isArray(parsed) ? parsed : [parsed];
      return { source, data: mask(docs[0]?.toJS({ maxAliasCount: -1 }) ?? null) };
    });
}

const rendered = new Map<string, string>();

/** Each reference is rendered once, for both comparisons. */
function render(chart: string, variant: string): string {
  const key = `${chart}-${variant}`;
  let text = rendered.get(key);
  if (text === undefined) rendered.set(key, (text = renderOnce(chart, variant)));
  return text;
}

function renderOnce(chart: string, variant: string): string {
  const valuesFiles: ValuesFile[] = [];
  if (variant !== 'default') {
    const file = path.join(CORPUS, '_values', `${chart}-${variant}.yaml`);
    valuesFiles.push({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') });
  }
  const result = renderChart(corpusChart(chart), {
    releaseName: 'release-name',
    namespace: 'default',
    kubernetesVersion: { major: 1, minor: 34 },
    valuesFiles,
    setValues: [],
  });
  assert.deepEqual(
    result.problems.map((problem) => problem.message),
    [],
  );
  return printManifest(result);
}

describe('renderChart matches the reference renders of the Helm corpus', () => {
  for (const [chart, variant] of REFERENCES) {
    const name = `${chart}-${variant}`;
    const reason = NOT_YET_CONFORMING.get(name);
    it(name, reason ? { todo: reason } : {}, () => {
      const expected = documents(readFileSync(path.join(CORPUS, '_rendered', `${name}.yaml`), 'utf8'));
      const actual = documents(render(chart, variant));
      assert.deepEqual(
        actual.map((document) => document.source),
        expected.map((document) => document.source),
      );
      actual.forEach((document, index) => assert.deepEqual(document.data, expected[index]!.data, `document ${index} from ${document.source}`));
    });
    it(`${name}, as text`, reason ? { todo: reason } : {}, () => {
      // Byte for byte, but for the lines that print a random value.
      assert.deepEqual(differingLines(render(chart, variant), readFileSync(path.join(CORPUS, '_rendered', `${name}.yaml`), 'utf8')), []);
    });
  }
});
