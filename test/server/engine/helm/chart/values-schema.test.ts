import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderChart } from '../../../../../server/src/engine/helm/chart/render-chart';
import type { ChartFiles, RenderOptions } from '../../../../../server/src/engine/helm/chart/chart-render';

const OPTIONS: RenderOptions = { releaseName: 'release-name', namespace: 'default', kubernetesVersion: { major: 1, minor: 34 }, valuesFiles: [], setValues: [] };
const SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/schema#',
  type: 'object',
  required: ['replicas'],
  properties: { replicas: { type: 'integer', minimum: 1 }, image: { type: 'object', properties: { tag: { type: 'string' } }, additionalProperties: false } },
});
const chart = (files: Record<string, string>): ChartFiles => ({ rootUri: 'file:///c', files: new Map(Object.entries({ 'Chart.yaml': 'name: c\n', 'templates/cm.yaml': 'r: {{ .Values.replicas }}\n', ...files })) });
const problems = (files: ChartFiles, options: Partial<RenderOptions> = {}) =>
  renderChart(files, { ...OPTIONS, ...options }).problems.map(({ uri, start, end, message, severity }) => ({ uri, start, end, message, severity }));

describe("values.schema.json", () => {
  it('accepts values that meet the schema, a --set integer included, and still renders', () => {
    const files = chart({ 'values.schema.json': SCHEMA, 'values.yaml': 'replicas: 1\nimage: {tag: "1.0"}\n' });
    assert.deepEqual(problems(files, { setValues: ['replicas=3'] }), []);
    assert.equal(renderChart(files, OPTIONS).templates.length, 1);
  });

  it("reports each error on the values key at fault, in the file that set it, with Helm's heading", () => {
    const user = { uri: 'file:///prod.yaml', text: 'replicas: "3"\nimage:\n  tag: 1\n  pull: always\n' };
    const found = problems(chart({ 'values.schema.json': SCHEMA, 'values.yaml': 'replicas: 1\n' }), { valuesFiles: [user] });
    const heading = "values don't meet the specifications of the schema(s) in the following chart(s): c:";
    assert.deepEqual(found, [
      { uri: user.uri, start: 0, end: 13, message: `${heading} at '/replicas': must be integer`, severity: 'error' },
      { uri: user.uri, start: 14, end: 45, message: `${heading} at '/image': additional property 'pull' is not allowed`, severity: 'error' },
      { uri: user.uri, start: 23, end: 29, message: `${heading} at '/image/tag': must be string`, severity: 'error' },
    ]);
  });

  it('reports a missing required key on Chart.yaml when the chart has no values.yaml, and checks subcharts with their own values', () => {
    const files = chart({
      'values.schema.json': SCHEMA,
      'charts/s/Chart.yaml': 'name: s\n',
      'charts/s/values.yaml': 'port: http\n',
      'charts/s/values.schema.json': JSON.stringify({ properties: { port: { type: 'number' } } }),
    });
    assert.deepEqual(
      problems(files).map(({ uri, message }) => [uri, message.split(': ').slice(-3).join(': ')]),
      [
        ['file:///c/Chart.yaml', "c: at '': missing property 'replicas'"],
        ['file:///c/charts/s/values.yaml', "s: at '/port': must be number"],
      ],
    );
  });

  it('says so when the schema is not JSON, and only informs when it refers to what it cannot read', () => {
    assert.deepEqual(problems(chart({ 'values.schema.json': '{ "type": ' })).map(({ uri, severity }) => [uri, severity]), [['file:///c/Chart.yaml', 'error']]);
    const remote = problems(chart({ 'values.schema.json': JSON.stringify({ $ref: 'https://example.com/schema.json' }) }));
    assert.deepEqual(remote.map(({ severity }) => severity), ['info']);
    assert.match(remote[0]!.message, /not checked against it/);
  });

  it('matches patterns as RE2 does: a backtracking pattern gives its error instead of hanging', () => {
    const schema = JSON.stringify({ properties: { name: { type: 'string', pattern: '^(a*)*b$' } } });
    const found = problems(chart({ 'values.schema.json': schema, 'values.yaml': `name: ${'a'.repeat(40)}c\n` }));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /at '\/name': must match pattern/);
  });
});
