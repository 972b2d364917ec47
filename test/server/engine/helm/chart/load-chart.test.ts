import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadChart } from '../../../../../server/src/engine/helm/chart/load-chart';
import { chartValues } from '../../../../../server/src/engine/helm/chart/chart-values';
import { readValues } from '../../../../../server/src/engine/helm/values/read-values';
import type { ChartFiles } from '../../../../../server/src/engine/helm/chart/chart-render';
import type { GoMap } from '../../../../../server/src/engine/helm/go/values';
import { corpusChart } from './corpus';

const chart = (files: Record<string, string>): ChartFiles => ({ rootUri: 'file:///c', files: new Map(Object.entries(files)) });

describe('loadChart', () => {
  it('reads a corpus chart with its library subchart, which gives only its helpers', () => {
    const { chart: loaded, problems } = loadChart(corpusChart('mongodb'));
    assert.deepEqual(problems, []);
    assert.equal(loaded.name, 'mongodb');
    assert.ok(loaded.templates.some((template) => template.name === 'mongodb/templates/standalone/dep-sts.yaml'));
    const common = loaded.subcharts[0]!;
    assert.equal(common.fullPath, 'mongodb/charts/common');
    assert.equal(common.isLibrary, true);
    assert.ok(common.templates.length > 0);
    assert.ok(common.templates.every((template) => template.path.split('/').pop()!.startsWith('_')));
  });

  it('reports a packed subchart as not rendered', () => {
    const { problems } = loadChart(chart({ 'Chart.yaml': 'name: p\n', 'charts/sub-1.0.0.tgz': '' }));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.ruleId, 'helm-subchart-packed');
    assert.equal(problems[0]!.severity, 'info');
  });

  it('reports a chart without Chart.yaml or without a name, without throwing', () => {
    assert.deepEqual(loadChart(chart({ 'templates/a.yaml': '' })).problems.map((problem) => problem.message), ['Chart.yaml file is missing']);
    assert.deepEqual(loadChart(chart({ 'Chart.yaml': 'version: 1.0.0\n' })).problems.map((problem) => problem.message), ['validation: chart.metadata.name is required']);
  });

  it('leaves out what .helmignore names', () => {
    const { chart: loaded } = loadChart(chart({ 'Chart.yaml': 'name: p\n', '.helmignore': '*.bak\nimg/\n', 'templates/a.yaml': '', 'templates/a.yaml.bak': '', 'img/x.png': '', 'files/x.txt': 'x' }));
    assert.deepEqual(loaded.templates.map((template) => template.path), ['templates/a.yaml']);
    assert.deepEqual([...loaded.otherFiles.keys()], ['.helmignore', 'files/x.txt']);
  });

  it('uses aliases as names and drops subcharts their condition or tags turn off', () => {
    const files = chart({
      'Chart.yaml': 'name: p\ndependencies:\n- {name: s, alias: one, condition: one.enabled}\n- {name: s, alias: two, tags: [extra]}\n',
      'values.yaml': 'one: {enabled: false}\nglobal: {g: 1}\n',
      'charts/s/Chart.yaml': 'name: s\n',
      'charts/s/values.yaml': 'x: 1\nglobal: {g: 2, h: 3}\n',
    });
    const { chart: loaded } = loadChart(files);
    assert.deepEqual(loaded.subcharts.map((sub) => sub.fullPath), ['p/charts/one', 'p/charts/two']);
    const user = (): GoMap => readValues('u', 'tags: {extra: true}\n').values;
    const result = chartValues(loaded, user);
    assert.deepEqual(result.chart.subcharts.map((sub) => sub.name), ['two']);
    const two = result.values.get('two') as GoMap;
    assert.equal(two.get('x'), 1);
    assert.deepEqual(two.get('global'), new Map([['g', 1], ['h', 3]]));
    const off = chartValues(loaded, () => readValues('u', 'tags: {extra: false}\none: {enabled: true}\n').values);
    assert.deepEqual(off.chart.subcharts.map((sub) => sub.name), ['one']);
  });

  it('imports values from subcharts: exports by name, and child to parent paths, the parent winning', () => {
    const files = chart({
      'Chart.yaml': 'name: p\ndependencies:\n- name: s\n  import-values:\n  - data\n  - {child: inner, parent: lifted}\n',
      'values.yaml': 'own: 1\nfromExport: parent\n',
      'charts/s/Chart.yaml': 'name: s\n',
      'charts/s/values.yaml': 'exports:\n  data: {fromExport: child, other: 2}\ninner: {a: 3}\n',
    });
    const { values } = chartValues(loadChart(files).chart, () => new Map());
    assert.equal(values.get('fromExport'), 'parent');
    assert.equal(values.get('other'), 2);
    assert.deepEqual(values.get('lifted'), new Map([['a', 3]]));
  });

  // Helm's pkg/cmd/testdata/output/issue-9027.txt: a parent's own null over a subchart default
  // stays null in the subchart's view (and in the parent's `.Values.sub`), while the parent's
  // own nulls elsewhere drop out of its view.
  it("a parent's own null over a subchart default stays null (Helm issue 9027)", () => {
    const files = chart({
      'Chart.yaml': 'name: p\n',
      'values.yaml': 'global: {hash: {key1: null, key3: 13}}\nsub: {hash: {key1: null, key3: 13}}\n',
      'charts/sub/Chart.yaml': 'name: sub\n',
      'charts/sub/values.yaml': 'global: {hash: {key1: 1, key3: 3, key4: 4}}\nhash: {key1: 1, key3: 3, key4: 4}\n',
    });
    const { values } = chartValues(loadChart(files).chart, () => new Map());
    assert.deepEqual((values.get('global') as GoMap).get('hash'), new Map([['key3', 13]]));
    const sub = values.get('sub') as GoMap;
    assert.deepEqual(sub.get('hash'), new Map<string, unknown>([['key1', null], ['key3', 13], ['key4', 4]]));
    assert.deepEqual((sub.get('global') as GoMap).get('hash'), new Map<string, unknown>([['key1', null], ['key3', 13], ['key4', 4]]));
  });

  it("lets a user's null delete defaults in subcharts and globals too, and hides each chart's own nulls from it", () => {
    const files = chart({
      'Chart.yaml': 'name: p\n',
      'values.yaml': 'own: null\nkept: 1\nsub: {extra: null}\n',
      'charts/sub/Chart.yaml': 'name: sub\n',
      'charts/sub/values.yaml': 'global: {g: 1}\nhash: {a: 1, b: 2}\nmine: null\n',
    });
    const user = (): GoMap => readValues('u', 'sub: {hash: {a: null}}\nglobal: {g: null}\n').values;
    const { values } = chartValues(loadChart(files).chart, user);
    assert.equal(values.has('own'), false);
    assert.equal(values.get('kept'), 1);
    const sub = values.get('sub') as GoMap;
    assert.deepEqual(sub.get('hash'), new Map([['b', 2]]));
    assert.equal((sub.get('global') as GoMap).has('g'), false);
    assert.equal(sub.has('mine'), false);
    assert.equal(sub.get('extra'), null, "the parent's null for a key the subchart lacks reaches it");
  });
});
