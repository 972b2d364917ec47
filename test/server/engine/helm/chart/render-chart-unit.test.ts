import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareTemplateOrder, renderChart } from '../../../../../server/src/engine/helm/chart/render-chart';
import type { ChartFiles, RenderOptions } from '../../../../../server/src/engine/helm/chart/chart-render';
import { corpusChart } from './corpus';

const OPTIONS: RenderOptions = { releaseName: 'release-name', namespace: 'default', kubernetesVersion: { major: 1, minor: 34 }, valuesFiles: [], setValues: [] };
const chart = (files: Record<string, string>): ChartFiles => ({ rootUri: 'file:///p', files: new Map(Object.entries(files)) });
const outputs = (files: ChartFiles, options: Partial<RenderOptions> = {}): Record<string, string> =>
  Object.fromEntries(renderChart(files, { ...OPTIONS, ...options }).templates.map((template) => [template.name, template.output.text]));

describe('renderChart', () => {
  it('orders templates deepest first, then in reverse order', () => {
    const names = ['p/templates/a.yaml', 'p/charts/s/templates/b.yaml', 'p/templates/b.yaml'];
    assert.deepEqual(names.sort(compareTemplateOrder), ['p/charts/s/templates/b.yaml', 'p/templates/b.yaml', 'p/templates/a.yaml']);
  });

  it('gives each chart its own values and objects, lets the parent override defines, and drops NOTES.txt', () => {
    const files = chart({
      'Chart.yaml': 'name: p\nversion: 1.0.0\n',
      'values.yaml': 'name: parent\ns: {fromParent: x}\nglobal: {g: 1}\n',
      'templates/_helpers.tpl': '{{ define "shared" }}parent{{ end }}',
      'templates/cm.yaml': 'name: {{ .Values.name }}\nchart: {{ .Chart.Name }}-{{ .Chart.Version }}\nrelease: {{ .Release.Name }}/{{ .Release.Namespace }}\nmissing: {{ .Values.nothing }}\ntemplate: {{ .Template.Name }} {{ .Template.BasePath }}\n',
      'templates/NOTES.txt': 'notes',
      'charts/s/Chart.yaml': 'name: s\nversion: 2.0.0\n',
      'charts/s/values.yaml': 'own: z\n',
      'charts/s/templates/_helpers.tpl': '{{ define "shared" }}sub{{ end }}',
      'charts/s/templates/x.yaml': 'own: {{ .Values.own }} {{ .Values.fromParent }} {{ .Values.global.g }}\nchart: {{ .Chart.Name }}\nshared: {{ include "shared" . }}\n',
    });
    assert.deepEqual(outputs(files), {
      'p/charts/s/templates/x.yaml': 'own: z x 1\nchart: s\nshared: parent\n',
      'p/templates/cm.yaml': 'name: parent\nchart: p-1.0.0\nrelease: release-name/default\nmissing: \ntemplate: p/templates/cm.yaml p/templates\n',
    });
  });

  it('applies values files in order and --set last', () => {
    const files = chart({ 'Chart.yaml': 'name: p\n', 'values.yaml': 'a: 1\nb: 2\nc: 3\n', 'templates/t.yaml': '{{ .Values.a }} {{ .Values.b }} {{ .Values.c }}' });
    const valuesFiles = [
      { uri: 'file:///one.yaml', text: 'a: 10\nb: 20\n' },
      { uri: 'file:///two.yaml', text: 'b: 200\n' },
    ];
    assert.deepEqual(outputs(files, { valuesFiles, setValues: ['c=300'] }), { 'p/templates/t.yaml': '10 200 300' });
  });

  it("applies the --set options in Helm's order: JSON, typed, string, then file values", () => {
    const files = chart({ 'Chart.yaml': 'name: p\n', 'values.yaml': 'a: 1\nb: 2\nc: 3\nd: 4\n', 'templates/t.yaml': '{{ .Values.a }} {{ .Values.b }} {{ .Values.c }} {{ typeIs "float64" .Values.d }}' });
    const options = {
      setFileValues: ['a=a.txt'],
      setStringValues: ['a=string,b=string'],
      setValues: ['a=typed,b=typed,c=typed,d=5'],
      setJsonValues: ['a="json",b="json",c="json",d=5'],
      setFileTexts: new Map([['a.txt', 'file']]),
    };
    assert.deepEqual(outputs(files, options), { 'p/templates/t.yaml': 'file string typed false' });
  });

  it('reports a --set option that does not parse, naming the option', () => {
    const files = chart({ 'Chart.yaml': 'name: p\n', 'templates/t.yaml': 'x' });
    const messages = renderChart(files, { ...OPTIONS, setJsonValues: ['a={'], setFileValues: ['f=none.txt'] }).problems.map((problem) => problem.message);
    assert.deepEqual(messages, ['failed parsing --set-json data: invalid JSON after "a="', 'failed parsing --set-file data: open none.txt: no such file or directory']);
  });

  it('reports a failing template with Helm message and still renders the others', () => {
    const files = chart({
      'Chart.yaml': 'name: p\n',
      'templates/bad.yaml': 'a: 1\nb: {{ required "b is required" .Values.b }}\n',
      'templates/good.yaml': 'ok: true\n',
    });
    const result = renderChart(files, OPTIONS);
    assert.deepEqual(result.templates.map((template) => template.name), ['p/templates/good.yaml']);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]!.message, 'execution error at (p/templates/bad.yaml:2:6): b is required');
    assert.equal(result.problems[0]!.uri, 'file:///p/templates/bad.yaml');
    assert.equal(result.problems[0]!.ruleId, 'helm-render-error');
  });

  it('lets a template change .Values for later templates of the render, never for the next render', () => {
    const files = chart({
      'Chart.yaml': 'name: p\n',
      'values.yaml': 'm: {k: 1}\n',
      'templates/a.yaml': '{{ .Values.m.k }}',
      'templates/b.yaml': '{{ $_ := set .Values.m "k" 2 }}{{ .Values.m.k }}',
    });
    assert.deepEqual(outputs(files), { 'p/templates/b.yaml': '2', 'p/templates/a.yaml': '2' });
    assert.deepEqual(outputs(files), { 'p/templates/b.yaml': '2', 'p/templates/a.yaml': '2' });
    const other = chart({ 'Chart.yaml': 'name: p\n', 'values.yaml': 'm: {k: 1}\n', 'templates/a.yaml': '{{ .Values.m.k }}' });
    assert.deepEqual(outputs(other), { 'p/templates/a.yaml': '1' });
  });

  it('skips disabled subcharts', () => {
    const files = chart({
      'Chart.yaml': 'name: p\ndependencies:\n- {name: s, condition: s.enabled}\n',
      'values.yaml': 's: {enabled: false}\n',
      'charts/s/Chart.yaml': 'name: s\n',
      'charts/s/templates/x.yaml': 'x: 1\n',
      'templates/t.yaml': 't: 1\n',
    });
    assert.deepEqual(Object.keys(outputs(files)), ['p/templates/t.yaml']);
    assert.deepEqual(Object.keys(outputs(files, { setValues: ['s.enabled=true'] })), ['p/charts/s/templates/x.yaml', 'p/templates/t.yaml']);
  });
});

describe('renderChart origins', () => {
  it('points printed values back at the values file that won, user file or chart default', () => {
    const values = 'port: 8080\nname: default-name\n';
    const user = 'name: mine\n';
    const files = chart({ 'Chart.yaml': 'name: p\n', 'values.yaml': values, 'templates/t.yaml': 'port: {{ .Values.port }}\nname: {{ .Values.name }}\n' });
    const [template] = renderChart(files, { ...OPTIONS, valuesFiles: [{ uri: 'file:///user.yaml', text: user }] }).templates;
    const spans = template!.output.segments.flatMap((segment) => (segment.origin?.value ? [[segment.text, segment.origin.value] as const] : []));
    const sources = { 'file:///p/values.yaml': values, 'file:///user.yaml': user } as Record<string, string>;
    assert.deepEqual(
      spans.map(([text, span]) => [text, span.uri, sources[span.uri]!.slice(span.start, span.end)]),
      [
        ['8080', 'file:///p/values.yaml', 'port: 8080'],
        ['mine', 'file:///user.yaml', 'name: mine'],
      ],
    );
  });

  it('maps the serviceName of the corpus finding to the template line that wrote it', () => {
    const { templates } = renderChart(corpusChart('mongodb'), { ...OPTIONS, valuesFiles: [{ uri: 'file:///v.yaml', text: 'useStatefulSet: true\n' }] });
    const sts = templates.find((template) => template.name === 'mongodb/templates/standalone/dep-sts.yaml')!;
    const segment = sts.output.segments.find((candidate) => candidate.text.includes('serviceName:'))!;
    assert.equal(segment.origin?.kind, 'text');
    const text = corpusChart('mongodb').files.get('templates/standalone/dep-sts.yaml')!;
    const at = segment.origin!.span.start + segment.text.indexOf('serviceName:');
    assert.equal(text.slice(at, at + 'serviceName:'.length), 'serviceName:');
    assert.equal(text.slice(0, at).split('\n').length, 22);
  });
});
