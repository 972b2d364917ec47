import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { valuesReferences } from '../../../../../server/src/engine/helm/authoring/values-references';

function refs(text: string) {
  return valuesReferences(text).references.map((ref) => ({ path: ref.path.join('.'), text: text.slice(ref.start, ref.end), guarded: ref.guarded }));
}

describe('valuesReferences', () => {
  it('lists .Values and $.Values paths with their spans and the spans of their names', () => {
    const text = 'image: {{ .Values.image.repository }}:{{ $.Values.image.tag }}';
    const result = valuesReferences(text);
    assert.equal(result.parsed, true);
    assert.deepEqual(refs(text), [
      { path: 'image.repository', text: '.Values.image.repository', guarded: false },
      { path: 'image.tag', text: '$.Values.image.tag', guarded: false },
    ]);
    const names = result.references[1].segments.map((segment) => text.slice(segment.start, segment.end));
    assert.deepEqual(names, ['image', 'tag']);
    assert.deepEqual(result.references[1].segments.map((segment) => segment.index), [0, 1]);
  });

  it('marks reads inside if/with on the path or a prefix, and in the condition itself, as guarded', () => {
    const text = '{{ if .Values.persistence }}{{ .Values.persistence.size }}{{ else }}{{ .Values.other }}{{ end }}{{ .Values.persistence.size }}';
    assert.deepEqual(refs(text), [
      { path: 'persistence', text: '.Values.persistence', guarded: true },
      { path: 'persistence.size', text: '.Values.persistence.size', guarded: true },
      { path: 'other', text: '.Values.other', guarded: false },
      { path: 'persistence.size', text: '.Values.persistence.size', guarded: false },
    ]);
  });

  it('marks arguments of default, hasKey, empty, required, coalesce and ternary as guarded, piped or not', () => {
    const text = [
      '{{ .Values.a | default "x" }}',
      '{{ default "x" .Values.b }}',
      '{{ required "need c" .Values.c }}',
      '{{ coalesce .Values.d .Values.e }}',
      '{{ ternary "y" "n" (empty .Values.f) }}',
      '{{ hasKey .Values "g" }}',
      '{{ .Values.h | quote }}',
    ].join('\n');
    const guarded = Object.fromEntries(refs(text).map((ref) => [ref.path, ref.guarded]));
    assert.deepEqual(guarded, { a: true, b: true, c: true, d: true, e: true, f: true, '': true, h: false });
  });

  it('resolves dot inside with on a values path, and skips dot inside range', () => {
    const text = '{{ with .Values.service }}{{ .port }}{{ $.Values.name }}{{ end }}{{ range .Values.list }}{{ .Values.x }}{{ .y }}{{ end }}{{ define "d" }}{{ .Values.z }}{{ end }}';
    const result = valuesReferences(text).references;
    assert.deepEqual(
      result.map((ref) => [ref.path.join('.'), ref.guarded, ref.inDefine]),
      [
        ['service', true, false],
        ['service.port', true, false],
        ['name', false, false],
        ['list', true, false],
        ['z', false, true],
      ],
    );
    // `.port` is written in the template; `service` comes from the with and has no span.
    const port = result[1];
    assert.deepEqual(port.segments.map((segment) => [segment.index, text.slice(segment.start, segment.end)]), [[1, 'port']]);
  });

  it('reads define bodies as if called with the root context, marking them inDefine', () => {
    const text = '{{- define "x.name" -}}{{ default .Chart.Name .Values.nameOverride }}{{ .Values.fullname }}{{- end -}}';
    assert.deepEqual(
      valuesReferences(text).references.map((ref) => [ref.path.join('.'), ref.guarded, ref.inDefine]),
      [
        ['nameOverride', true, true],
        ['fullname', false, true],
      ],
    );
  });

  it('falls back to a text scan when the template does not parse, marking references inexact', () => {
    const text = '{{ if .Values.a }}\nname: {{ .Values.b.c }}\n{{ .Values.d | default 1 }}';
    const result = valuesReferences(text);
    assert.equal(result.parsed, false);
    assert.deepEqual(
      result.references.map((ref) => [ref.path.join('.'), text.slice(ref.start, ref.end), ref.guarded, ref.exact]),
      [
        ['a', '.Values.a', true, false],
        ['b.c', '.Values.b.c', false, false],
        ['d', '.Values.d', true, false],
      ],
    );
    assert.deepEqual(result.references[1].segments.map((segment) => text.slice(segment.start, segment.end)), ['b', 'c']);
  });

  it('accepts functions the renderer does not know', () => {
    assert.deepEqual(refs('{{ myFunc .Values.a }}'), [{ path: 'a', text: '.Values.a', guarded: false }]);
  });
});
