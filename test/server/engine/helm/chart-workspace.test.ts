import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { Rope } from '../../../../server/src/engine/helm/go/rope';
import type { Finding } from '../../../../server/src/engine/types';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { chartRender, fromHelper, LITERAL_STATEFULSET, POD_SPEC, renderTemplate, ROOT, serviceText, spanOf, uriOf } from './chart-fixture';

const CHART = uriOf('Chart.yaml');
const STS = uriOf('templates/statefulset.yaml');
const SVC = uriOf('templates/service.yaml');
const HELPERS = uriOf('templates/_helpers.tpl');
const VALUES = uriOf('values.yaml');

const CHART_TEXT = 'apiVersion: v2\nname: db\nversion: 1.0.0\n';
const VALUES_TEXT = 'service:\n  name: db\n';
const HELPERS_TEXT = '{{- define "db.fullname" -}}\n{{ .Release.Name }}_db\n{{- end -}}\n';
/** The name comes from a helper, the Service name from values.yaml. */
const STS_TEXT = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "db.fullname" . }}
spec:
  serviceName: {{ .Values.service.name }}
${POD_SPEC}`;

function stsOutput(): Rope {
  const include = spanOf(STS, STS_TEXT, '{{ include "db.fullname" . }}');
  const frames = [{ name: 'db.fullname', callSite: include }];
  const name = Rope.concat([
    fromHelper('release-name', spanOf(HELPERS, HELPERS_TEXT, '{{ .Release.Name }}'), frames),
    fromHelper('_db', spanOf(HELPERS, HELPERS_TEXT, '_db'), frames),
  ]);
  return renderTemplate(STS, STS_TEXT, {
    '{{ include "db.fullname" . }}': name,
    '{{ .Values.service.name }}': Rope.of('db', {
      kind: 'action',
      span: spanOf(STS, STS_TEXT, '{{ .Values.service.name }}'),
      frames: [],
      value: spanOf(VALUES, VALUES_TEXT, 'name: db'),
    }),
  });
}

function chartWorkspace(stsText = STS_TEXT): Workspace {
  const workspace = new Workspace();
  workspace.set(CHART, CHART_TEXT);
  workspace.set(VALUES, VALUES_TEXT);
  workspace.set(HELPERS, HELPERS_TEXT);
  workspace.set(STS, stsText);
  workspace.set(SVC, serviceText(false));
  return workspace;
}

const only = (findings: Finding[], ruleId: string) => {
  const found = findings.filter((finding) => finding.ruleId === ruleId);
  assert.equal(found.length, 1, `one ${ruleId} in ${JSON.stringify(findings.map((finding) => finding.ruleId))}`);
  return found[0];
};
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const columnOf = (text: string, needle: string) => text.indexOf(needle) - text.lastIndexOf('\n', text.indexOf(needle)) - 1;

describe('chart templates in the workspace', () => {
  const TEMPLATE = '{{- range .Values.extraDeploy }}\n---\n{{ include "common.tplvalues.render" (dict "value" . "context" $) }}\n{{- end }}\n';

  it('reads a file under a chart\'s templates/ as a template, once it knows the chart, and not as YAML', () => {
    const workspace = new Workspace();
    const extra = uriOf('templates/extra-list.yaml');
    workspace.set(extra, TEMPLATE);
    assert.ok(analyze(workspace, extra).some((finding) => finding.ruleId === 'yaml-syntax'), 'outside a chart it is just YAML');
    assert.deepEqual(workspace.set(CHART, CHART_TEXT), [extra]);
    assert.deepEqual(workspace.get(extra)?.skipped, { kind: 'chart-template' });
    assert.deepEqual(analyze(workspace, extra), []);
    assert.equal(workspace.get(extra)?.text, TEMPLATE, 'the text stays, for placing findings on it');
  });

  it('knows a chart it is told of without its Chart.yaml, and forgets one whose Chart.yaml goes', () => {
    const workspace = new Workspace();
    const extra = uriOf('templates/extra-list.yaml');
    workspace.noteChart(ROOT);
    workspace.set(extra, TEMPLATE);
    assert.deepEqual(analyze(workspace, extra), []);
    const other = new Workspace();
    other.set(CHART, CHART_TEXT);
    other.set(extra, TEMPLATE);
    assert.deepEqual(other.delete(CHART), [extra]);
    assert.ok(analyze(other, extra).some((finding) => finding.ruleId === 'yaml-syntax'));
  });

  it('takes any .tpl file for a template, and keeps the one information finding for a templated manifest outside charts', () => {
    const workspace = new Workspace();
    workspace.set('file:///lib/_helpers.tpl', '{{- define "x" -}}\nkey: [\n{{- end -}}\n');
    assert.deepEqual(analyze(workspace, 'file:///lib/_helpers.tpl'), []);
    workspace.set('file:///plain/sts.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}\n');
    assert.deepEqual(analyze(workspace, 'file:///plain/sts.yaml').map((finding) => finding.ruleId), ['helm-template']);
  });
});

describe('findings of a chart render, on the template lines', () => {
  it('puts a finding on a literal serviceName line of the template', () => {
    const workspace = chartWorkspace(LITERAL_STATEFULSET);
    workspace.setChartRender(chartRender([{ path: 'templates/statefulset.yaml', output: renderTemplate(STS, LITERAL_STATEFULSET) }]));
    const finding = only(analyze(workspace, STS), 'service-not-found');
    assert.equal(finding.range.start.line, lineOf(LITERAL_STATEFULSET, 'serviceName: db'));
    assert.equal(finding.range.start.character, columnOf(LITERAL_STATEFULSET, 'serviceName: db') + 'serviceName: '.length);
    assert.match(finding.message, /No Service named 'db'/);
    assert.equal(finding.fix, undefined, 'a fix would edit the rendered output');
  });

  it('puts output of a helper on the line that includes it, with the helper line as related', () => {
    const workspace = chartWorkspace();
    workspace.setChartRender(chartRender([{ path: 'templates/statefulset.yaml', output: stsOutput() }]));
    const finding = only(analyze(workspace, STS), 'invalid-name');
    assert.equal(finding.range.start.line, lineOf(STS_TEXT, '{{ include'));
    assert.equal(finding.range.start.character, columnOf(STS_TEXT, '{{ include'));
    assert.match(finding.message, /release-name_db/);
    const helper = finding.related?.find((location) => location.uri === HELPERS);
    assert.deepEqual(helper && { line: helper.range.start.line, message: helper.message }, { line: 1, message: "in helper 'db.fullname'" });
  });

  it('points a finding on a value to its key in values.yaml', () => {
    const workspace = chartWorkspace();
    workspace.setChartRender(chartRender([{ path: 'templates/statefulset.yaml', output: stsOutput() }]));
    const finding = only(analyze(workspace, STS), 'service-not-found');
    assert.equal(finding.range.start.line, lineOf(STS_TEXT, 'serviceName:'));
    assert.deepEqual(
      finding.related?.map((location) => [location.uri, location.range.start.line, location.message]),
      [[VALUES, 1, 'value from values.yaml']],
    );
  });

  it('reports render problems on the files at fault', () => {
    const workspace = chartWorkspace();
    const action = spanOf(STS, STS_TEXT, '{{ .Values.service.name }}');
    workspace.setChartRender(
      chartRender(
        [],
        [
          { ...action, message: 'execution error at (db/templates/statefulset.yaml:6:16): name is required', severity: 'error', ruleId: 'helm-render-error' },
          { uri: CHART, start: 0, end: 12, message: "Subchart 'common' is packed (charts/common-2.0.0.tgz) and is not rendered.", severity: 'info', ruleId: 'helm-subchart-packed' },
        ],
      ),
    );
    const error = only(analyze(workspace, STS), 'helm-render-error');
    assert.deepEqual([error.severity, error.range.start.line, error.range.start.character], ['error', 5, columnOf(STS_TEXT, '{{ .Values')]);
    assert.match(error.message, /name is required/);
    const packed = only(analyze(workspace, CHART), 'helm-subchart-packed');
    assert.deepEqual([packed.severity, packed.range.start.line], ['info', 0]);
  });

  it('checks rendered objects together: a StatefulSet template is told its Service template is not headless', () => {
    const workspace = chartWorkspace(LITERAL_STATEFULSET);
    workspace.setChartRender(
      chartRender([
        { path: 'templates/statefulset.yaml', output: renderTemplate(STS, LITERAL_STATEFULSET) },
        { path: 'templates/service.yaml', output: renderTemplate(SVC, serviceText(false)) },
      ]),
    );
    const finding = only(analyze(workspace, STS), 'service-not-headless');
    assert.equal(finding.range.start.line, lineOf(LITERAL_STATEFULSET, 'serviceName:'));
    assert.deepEqual(
      finding.related?.map((location) => [location.uri, location.range.start.line]),
      [[SVC, lineOf(serviceText(false), 'name: db')]],
    );
    assert.ok(![...workspace.uris()].some((uri) => uri.includes('#')), 'rendered outputs are not files to list');
  });

  it('replaces the findings of the last render when the chart renders again', () => {
    const workspace = chartWorkspace(LITERAL_STATEFULSET);
    const render = (headless: boolean) =>
      chartRender([
        { path: 'templates/statefulset.yaml', output: renderTemplate(STS, LITERAL_STATEFULSET) },
        { path: 'templates/service.yaml', output: renderTemplate(SVC, serviceText(headless)) },
      ]);
    workspace.setChartRender(render(false));
    assert.ok(analyze(workspace, STS).some((finding) => finding.ruleId === 'service-not-headless'));
    assert.ok(workspace.setChartRender(render(true)).includes(STS), 'the StatefulSet template is told to check again');
    assert.ok(!analyze(workspace, STS).some((finding) => finding.ruleId === 'service-not-headless'));
    // Without the Service template in the render, the Service is gone.
    workspace.setChartRender(chartRender([{ path: 'templates/statefulset.yaml', output: renderTemplate(STS, LITERAL_STATEFULSET) }]));
    assert.ok(analyze(workspace, STS).some((finding) => finding.ruleId === 'service-not-found'));
    assert.deepEqual(workspace.deleteChartRender(ROOT), [STS]);
    assert.deepEqual(analyze(workspace, STS), []);
  });

  it('takes an output the renderer handed back unchanged as it is, telling no file to check again', () => {
    const workspace = chartWorkspace(LITERAL_STATEFULSET);
    const statefulSet = { path: 'templates/statefulset.yaml', output: renderTemplate(STS, LITERAL_STATEFULSET) };
    workspace.setChartRender(chartRender([statefulSet, { path: 'templates/service.yaml', output: renderTemplate(SVC, serviceText(false)) }]));
    const kept = workspace.renderedOutputOf(STS);
    const affected = workspace.setChartRender(chartRender([statefulSet, { path: 'templates/service.yaml', output: renderTemplate(SVC, serviceText(true)) }]));
    assert.equal(workspace.renderedOutputOf(STS), kept, 'the StatefulSet output is not read again');
    assert.ok(affected.includes(SVC) && affected.includes(STS), 'the Service changed, and the StatefulSet reads it');
    assert.ok(!analyze(workspace, STS).some((finding) => finding.ruleId === 'service-not-headless'));
    assert.ok(workspace.setChartRender(chartRender([statefulSet])).includes(STS), 'a Service that went is still noticed');
  });
});
