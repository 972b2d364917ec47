import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDefinition, templateDefinitions, templateNameUses } from '../../../../../server/src/engine/helm/authoring/definitions';
import { readValues } from '../../../../../server/src/engine/helm/values/read-values';

const VALUES = 'image:\n  repository: nginx\n  tag: "1.25"\nservice:\n  port: 80\n';
const OVERRIDE = 'image:\n  tag: "2"\n';
const valuesFiles = [
  { values: readValues('file:///c/values.yaml', VALUES).values, text: VALUES },
  { values: readValues('file:///c/values-prod.yaml', OVERRIDE).values, text: OVERRIDE },
];
const HELPERS = '{{- define "app.name" -}}{{ .Chart.Name }}{{- end }}\n{{ define "app.labels" }}app: x{{ end }}';
const SUB = '{{- define "sub.name" -}}sub{{- end }}';
const templates = [
  { uri: 'file:///c/templates/_helpers.tpl', text: HELPERS },
  { uri: 'file:///c/charts/sub/templates/_helpers.tpl', text: SUB },
];

function at(text: string, needle: string, delta = 1): number {
  return text.indexOf(needle) + delta;
}

describe('findDefinition', () => {
  it('goes from each name of a .Values path to its key in every values file that sets it', () => {
    const text = 'image: {{ .Values.image.tag }}';
    const tag = findDefinition(text, at(text, 'tag'), valuesFiles, templates)!;
    assert.ok(tag.kind === 'values');
    assert.deepEqual(tag.path, ['image', 'tag']);
    assert.deepEqual(tag.targets.map((target) => [target.uri, (target.uri.endsWith('prod.yaml') ? OVERRIDE : VALUES).slice(target.start, target.end)]), [
      ['file:///c/values.yaml', 'tag'],
      ['file:///c/values-prod.yaml', 'tag'],
    ]);
    assert.equal(text.slice(tag.origin.start, tag.origin.end), 'tag');
    const image = findDefinition(text, at(text, 'image.tag'), valuesFiles, templates)!;
    assert.ok(image.kind === 'values');
    assert.deepEqual(image.path, ['image']);
    assert.equal(image.targets.length, 2);
    const port = '{{ with .Values.service }}{{ .port }}{{ end }}';
    const found = findDefinition(port, at(port, 'port'), valuesFiles, templates)!;
    assert.ok(found.kind === 'values');
    assert.deepEqual(found.path, ['service', 'port']);
    assert.equal(VALUES.slice(found.targets[0].start, found.targets[0].end), 'port');
  });

  it('finds nothing for a path no values file sets, or off any reference', () => {
    const text = '{{ .Values.missing }} {{ .Release.Name }}';
    assert.equal(findDefinition(text, at(text, 'missing'), valuesFiles, templates), undefined);
    assert.equal(findDefinition(text, at(text, 'Name'), valuesFiles, templates), undefined);
  });

  it('goes from include "x" and template "x" to define "x" in the chart and its subcharts', () => {
    const text = 'name: {{ include "app.name" . }}\n{{ template "app.labels" . }}\n{{ include "sub.name" . | quote }}';
    const include = findDefinition(text, at(text, 'app.name'), valuesFiles, templates)!;
    assert.equal(include.kind, 'template');
    assert.deepEqual(include.targets.map((target) => [target.uri, HELPERS.slice(target.start, target.end)]), [['file:///c/templates/_helpers.tpl', '"app.name"']]);
    assert.equal(text.slice(include.origin.start, include.origin.end), '"app.name"');
    const template = findDefinition(text, at(text, 'app.labels'), valuesFiles, templates)!;
    assert.equal(HELPERS.slice(template.targets[0].start, template.targets[0].end), '"app.labels"');
    const sub = findDefinition(text, at(text, 'sub.name'), valuesFiles, templates)!;
    assert.equal(sub.targets[0].uri, 'file:///c/charts/sub/templates/_helpers.tpl');
    assert.equal(findDefinition('{{ include "nope" . }}', 13, valuesFiles, templates), undefined);
  });

  it('finds names in templates that do not parse', () => {
    const broken = '{{ include "app.name" . }}{{ if }}';
    assert.deepEqual(templateNameUses(broken).map((use) => use.name), ['app.name']);
    assert.deepEqual(templateDefinitions([{ uri: 'u', text: '{{ define "a" }}{{ if }}' }]).map((d) => d.name), ['a']);
  });
});
