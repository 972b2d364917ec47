import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { undefinedValuesReferences } from '../../../../../server/src/engine/helm/authoring/undefined-values';
import { readValues } from '../../../../../server/src/engine/helm/values/read-values';

const values = readValues('file:///c/values.yaml', 'image:\n  repository: nginx\nconfig: "{{ .Release.Name }}"\nitems: [1]\nnothing: ~\n').values;
const extra = readValues('file:///c/extra.yaml', 'extra:\n  enabled: true\n').values;

function paths(text: string, maps = [values, extra]) {
  return undefinedValuesReferences(text, maps).map((found) => [found.path, found.missing, text.slice(found.start, found.end)]);
}

describe('undefinedValuesReferences', () => {
  it('finds paths no values file defines, naming the first missing prefix', () => {
    const text = '{{ .Values.image.tag }} {{ .Values.image.repository }} {{ $.Values.extra.enabled }} {{ .Values.replicas }} {{ .Values.persistence.size }}';
    assert.deepEqual(paths(text), [
      ['image.tag', 'image.tag', '.Values.image.tag'],
      ['replicas', 'replicas', '.Values.replicas'],
      ['persistence.size', 'persistence', '.Values.persistence.size'],
    ]);
  });

  it('skips reads inside guards', () => {
    const text = [
      '{{ if .Values.persistence }}{{ .Values.persistence.size }}{{ end }}',
      '{{ if .Values.tls.enabled }}{{ .Values.tls.enabled }}{{ end }}',
      '{{ with .Values.resources }}{{ toYaml . }}{{ .limits }}{{ end }}',
      '{{ .Values.tag | default "latest" }}',
      '{{ required "x" .Values.host }}',
    ].join('\n');
    assert.deepEqual(paths(text), []);
    // A test of a sibling does not guard: `persistence.enabled` says nothing about `persistence.size`.
    assert.deepEqual(paths('{{ if .Values.persistence.enabled }}{{ .Values.persistence.size }}{{ end }}'), [['persistence.size', 'persistence', '.Values.persistence.size']]);
  });

  it('skips paths under something that is not a map, reads in defines, and templates that do not parse', () => {
    assert.deepEqual(paths('{{ .Values.config.x }} {{ .Values.items.x }} {{ .Values.nothing.x }}'), []);
    assert.deepEqual(paths('{{ define "d" }}{{ .Values.undefinedHere }}{{ end }}'), []);
    assert.deepEqual(paths('{{ .Values.undefinedHere }}{{ if }}'), []);
  });

  it('counts a path as defined when any values file defines it', () => {
    assert.deepEqual(paths('{{ .Values.extra.enabled }}', [values]), [['extra.enabled', 'extra', '.Values.extra.enabled']]);
    assert.deepEqual(paths('{{ .Values.extra.enabled }}', [values, extra]), []);
  });
});
