import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IncrementalChartRenderer } from '../../../../../server/src/engine/helm/chart/incremental-render';
import { renderChart } from '../../../../../server/src/engine/helm/chart/render-chart';
import type { ChartFiles, ChartRender, RenderOptions } from '../../../../../server/src/engine/helm/chart/chart-render';
import { corpusChart } from './corpus';

const OPTIONS: RenderOptions = { releaseName: 'release-name', namespace: 'default', kubernetesVersion: { major: 1, minor: 34 }, valuesFiles: [], setValues: [] };
const chart = (files: Record<string, string>): ChartFiles => ({ rootUri: 'file:///p', files: new Map(Object.entries(files)) });
const edited = (files: ChartFiles, path: string, text: string): ChartFiles => ({ rootUri: files.rootUri, files: new Map(files.files).set(path, text) });

/** What a render shows a user: every output and every problem. */
const shown = (render: ChartRender) => ({
  outputs: render.templates.map((template) => [template.name, template.output.text]),
  problems: render.problems.map((problem) => [problem.uri, problem.start, problem.message]),
});

/** Renders `before`, then `after`; returns how many templates the second render ran, having checked it equals a render from scratch. */
function templatesRunAfter(before: ChartFiles, after: ChartFiles, options = OPTIONS): number {
  const renderer = new IncrementalChartRenderer();
  renderer.render(before, options);
  const render = renderer.render(after, options);
  assert.deepEqual(shown(render), shown(renderChart(after, options)));
  return renderer.templatesRun;
}

const THREE_TEMPLATES = chart({
  'Chart.yaml': 'name: p\n',
  'values.yaml': 'name: web\n',
  'templates/_helpers.tpl': '{{ define "p.name" }}{{ .Values.name }}{{ end }}',
  'templates/a.yaml': 'a: {{ include "p.name" . }}\n',
  'templates/b.yaml': 'b: {{ include "p.name" . }}\n',
  'templates/c.yaml': 'c: {{ .Values.name }}\n',
});

describe('IncrementalChartRenderer', () => {
  it('runs every template on the first render', () => {
    const renderer = new IncrementalChartRenderer();
    assert.deepEqual(shown(renderer.render(THREE_TEMPLATES, OPTIONS)), shown(renderChart(THREE_TEMPLATES, OPTIONS)));
    assert.equal(renderer.templatesRun, 3);
  });

  it('runs only the edited template when it defines nothing', () => {
    assert.equal(templatesRunAfter(THREE_TEMPLATES, edited(THREE_TEMPLATES, 'templates/a.yaml', 'a: {{ include "p.name" . | upper }}\n')), 1);
  });

  it('runs nothing when no text changed', () => {
    assert.equal(templatesRunAfter(THREE_TEMPLATES, THREE_TEMPLATES), 0);
  });

  it('keeps a render error of an edited template, and clears it when fixed', () => {
    const broken = edited(THREE_TEMPLATES, 'templates/c.yaml', 'c: {{ required "name it" .Values.nothing }}\n');
    assert.equal(templatesRunAfter(THREE_TEMPLATES, broken), 1);
    assert.equal(templatesRunAfter(broken, THREE_TEMPLATES), 1);
  });

  it('runs every template after an edit of values.yaml, of a helper, or of the options', () => {
    assert.equal(templatesRunAfter(THREE_TEMPLATES, edited(THREE_TEMPLATES, 'values.yaml', 'name: db\n')), 3);
    assert.equal(templatesRunAfter(THREE_TEMPLATES, edited(THREE_TEMPLATES, 'templates/_helpers.tpl', '{{ define "p.name" }}x-{{ .Values.name }}{{ end }}')), 3);
    const renderer = new IncrementalChartRenderer();
    renderer.render(THREE_TEMPLATES, OPTIONS);
    renderer.render(THREE_TEMPLATES, { ...OPTIONS, releaseName: 'other' });
    assert.equal(renderer.templatesRun, 3);
    renderer.render(THREE_TEMPLATES, { ...OPTIONS, releaseName: 'other', setStringValues: ['name=x'] });
    assert.equal(renderer.templatesRun, 3);
  });

  it('runs every template when the edited one starts or stops defining a template', () => {
    const defining = edited(THREE_TEMPLATES, 'templates/c.yaml', '{{ define "p.name" }}from c{{ end }}c: 1\n');
    assert.equal(templatesRunAfter(THREE_TEMPLATES, defining), 3);
    assert.equal(templatesRunAfter(defining, THREE_TEMPLATES), 3);
  });

  it('runs every template when another one includes the edited file by its name', () => {
    const including = edited(THREE_TEMPLATES, 'templates/b.yaml', 'b: {{ include "p/templates/c.yaml" . }}\n');
    assert.equal(templatesRunAfter(including, edited(including, 'templates/c.yaml', 'c: changed\n')), 3);
  });

  it('renders from scratch after a template changed the values the others see', () => {
    // a.yaml runs after b.yaml and c.yaml (reverse order), so only a full render shows what b.yaml sets.
    const setting = edited(THREE_TEMPLATES, 'templates/b.yaml', '{{- $_ := set .Values "name" "changed" -}}\nb: {{ .Values.name }}\n');
    assert.equal(templatesRunAfter(setting, edited(setting, 'templates/c.yaml', 'c: {{ .Values.name }}!\n')), 3);
    // The edited template alone first; once it is seen to change the values, all three from scratch.
    assert.equal(templatesRunAfter(THREE_TEMPLATES, setting), 4);
  });

  it('counts a change to a map the template made itself as its own business', () => {
    const local = edited(THREE_TEMPLATES, 'templates/b.yaml', '{{- $d := dict "x" 1 -}}{{- $_ := set $d "y" 2 -}}{{- $m := merge $d (dict "z" 3) -}}\nb: {{ len $m }}\n');
    assert.equal(templatesRunAfter(local, edited(local, 'templates/c.yaml', 'c: 2\n')), 1);
  });

  it('runs one corpus template after its edit, as a render from scratch gives it', () => {
    const postgresql = corpusChart('postgresql');
    const template = 'templates/primary/statefulset.yaml';
    assert.equal(templatesRunAfter(postgresql, edited(postgresql, template, `${postgresql.files.get(template)}\n# edited\n`)), 1);
    const values = postgresql.files.get('values.yaml')!.replace('terminationGracePeriodSeconds: ""', 'terminationGracePeriodSeconds: 45');
    assert.ok(templatesRunAfter(postgresql, edited(postgresql, 'values.yaml', values)) > 30);
  });
});
