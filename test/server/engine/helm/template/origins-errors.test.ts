import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setContainerSource, type GoMap, type GoValue } from '../../../../../server/src/engine/helm/go/values';
import { TemplateSet } from '../../../../../server/src/engine/helm/template/template-set';
import { functions, templates, values } from './helpers';

describe('parse errors', () => {
  it('names the file and line, and places the offending token', () => {
    const set = new TemplateSet(functions);
    const source = 'a\nb {{ nope . }}';
    const error = set.add('chart/templates/x.yaml', 'file:///x.yaml', source);
    assert.equal(error?.message, 'template: chart/templates/x.yaml:2: function "nope" not defined');
    assert.equal(source.slice(error!.start, error!.end), 'nope');
    assert.equal(set.has('chart/templates/x.yaml'), false);
  });

  it('reports undefined variables, unclosed actions, stray ends and break outside range', () => {
    const set = new TemplateSet(functions);
    const message = (source: string): string | undefined => set.add('t', 'file:///t', source)?.message;
    assert.equal(message('{{ $x }}'), 'template: t:1: undefined variable "$x"');
    assert.equal(message('{{ if .a }}{{ $y := 1 }}{{ end }}{{ $y }}'), 'template: t:1: undefined variable "$y"');
    assert.equal(message('\n{{ .a'), 'template: t:2: unclosed action');
    assert.equal(message('{{ end }}'), 'template: t:1: unexpected {{end}}');
    assert.equal(message('{{ if .a }}x'), 'template: t:1: unexpected EOF');
    assert.equal(message('{{ break }}'), 'template: t:1: {{break}} outside {{range}}');
    assert.equal(message('{{ /* c */ }}'), 'template: t:1: unrecognized character in action: "/"');
    assert.equal(message('{{ "open }}'), 'template: t:1: unterminated quoted string');
  });

  it('refuses template text over the size limit', () => {
    const set = new TemplateSet(functions, { limits: { maxTemplateChars: 10 } });
    assert.match(set.add('big', 'file:///big', 'x'.repeat(11))!.message, /larger than 10 characters/);
  });

  it('keeps the earlier define when a later one is empty, and lets the last non-empty one win', () => {
    const set = templates({ a: '{{ define "d" }}first{{ end }}', b: '{{ define "d" }}second{{ end }}', c: '{{ define "d" }}  {{ end }}', main: '{{ template "d" }}' });
    assert.equal(set.render('main', null).output.text, 'second');
  });
});

describe('exec errors', () => {
  it('gives the innermost position of a failure inside an include, with the chain of messages', () => {
    const set = templates({ '_h.tpl': '{{ define "h" }}\n  {{ .a.b }}{{ end }}', main: 'x {{ include "h" . }}' });
    const { error } = set.render('main', values({}));
    assert.equal(error?.message, 'template: main:1:5: executing "main" at <include "h" .>: error calling include: template: _h.tpl:2:5: executing "h" at <.a.b>: nil pointer evaluating interface {}.b');
    assert.equal(error?.uri, 'file:///chart/_h.tpl');
    assert.equal(error?.line, 2);
  });

  it('fails on a missing template', () => {
    const { error } = templates({ main: '{{ template "nope" }}' }).render('main', null);
    assert.equal(error?.message, 'template: main:1:0: executing "main" at <{{ template "nope" }}>: template "nope" not defined');
    assert.match(templates({ main: '{{ include "nope" . }}' }).render('main', null).error!.message, /error calling include: template: no template "nope" associated with template "gotpl"/);
  });
});

describe('origins', () => {
  it('gives text its trimmed span and actions their whole span, with include frames', () => {
    const helper = '{{- define "h" -}}\nin{{ .v }}\n{{- end }}';
    const main = 'a:\n  {{- include "h" . }}\nb';
    const set = templates({ '_h.tpl': helper, main });
    const { output } = set.render('main', values({ v: 'V' }));
    assert.equal(output.text, 'a:inV\nb');
    const pieces = output.segments.map((segment) => ({ text: segment.text, kind: segment.origin?.kind, uri: segment.origin?.span.uri.replace('file:///chart/', ''), at: segment.origin && (segment.origin.span.uri.endsWith('main') ? main : helper).slice(segment.origin.span.start, segment.origin.span.end), frames: segment.origin?.frames.map((frame) => `${frame.name}@${main.slice(frame.callSite.start, frame.callSite.end)}`) }));
    assert.deepEqual(pieces, [
      { text: 'a:', kind: 'text', uri: 'main', at: 'a:', frames: [] },
      { text: 'in', kind: 'text', uri: '_h.tpl', at: 'in', frames: ['h@{{- include "h" . }}'] },
      { text: 'V', kind: 'action', uri: '_h.tpl', at: '{{ .v }}', frames: ['h@{{- include "h" . }}'] },
      { text: '\nb', kind: 'text', uri: 'main', at: '\nb', frames: [] },
    ]);
  });

  it('points printed values at their values line, through variables, ranges and pass-through functions', () => {
    const service: GoMap = new Map<string, GoValue>([['port', 8080], ['name', 'db']]);
    setContainerSource(service, { uri: 'file:///values.yaml', entries: new Map([['port', { uri: 'file:///values.yaml', start: 10, end: 20 }], ['name', { uri: 'file:///values.yaml', start: 21, end: 29 }]]) });
    const data = new Map([['Values', new Map([['service', service]])]]);
    const set = templates({ main: '{{ .Values.service.port }}|{{ $s := .Values.service }}{{ $s.name | quote }}|{{ default "x" .Values.service.name }}|{{ range $k, $v := .Values.service }}{{ $v }}{{ end }}|{{ "lit" }}' });
    const { output } = set.render('main', data);
    assert.equal(output.text, '8080|"db"|db|db8080|lit');
    const sources = output.segments.map((segment) => segment.origin?.value && `${segment.origin.value.start}-${segment.origin.value.end}`);
    assert.deepEqual(sources, ['10-20', undefined, '21-29', undefined, '21-29', undefined, '21-29', '10-20', undefined, undefined]);
  });

  it('keeps the segments of a printed rope', () => {
    const set = templates({ '_h.tpl': '{{ define "h" }}line{{ end }}', main: 'k:{{ include "h" . | nindent 2 }}' });
    const { output } = set.render('main', null);
    assert.equal(output.text, 'k:\n  line');
    const line = output.segments.find((segment) => segment.text === 'line');
    assert.equal(line?.origin?.span.uri, 'file:///chart/_h.tpl');
    assert.equal(line?.origin?.frames[0]?.name, 'h');
  });
});

describe('limits', () => {
  it('stops a range over too many items', () => {
    const set = templates({ main: '{{ range .l }}x{{ end }}' }, { limits: { maxRangeItems: 3 } });
    assert.match(set.render('main', values({ l: [1, 2, 3, 4] })).error!.message, /range over 4 items exceeds the limit of 3/);
    assert.match(templates({ main: '{{ range 200000 }}{{ end }}' }).render('main', null).error!.message, /exceeds the limit of 100000/);
  });

  it('ends runaway recursion with Helm message, and deeper chains with a depth error, never a stack overflow', () => {
    const recursive = { '_r.tpl': '{{ define "r" }}x{{ include "r" . }}{{ end }}', main: '{{ include "r" . }}' };
    assert.match(templates(recursive, { limits: { maxIncludesPerName: 5 } }).render('main', null).error!.message, /error calling include: rendering template has a nested reference name: r: unable to execute template$/);
    assert.match(templates(recursive).render('main', null).error!.message, /exceeded maximum template depth \(250\) calling "r"$/);
    const viaTemplate = { '_t.tpl': '{{ define "t" }}{{ template "t" . }}{{ end }}', main: '{{ template "t" . }}' };
    assert.match(templates(viaTemplate).render('main', null).error!.message, /exceeded maximum template depth/);
  });

  it('cuts off output that grows too large, and ends a template past its step budget', () => {
    const big = templates({ main: '{{ range 1000 }}0123456789{{ end }}' }, { limits: { maxOutputChars: 5000 } });
    const { output, error } = big.render('main', null);
    assert.match(error!.message, /rendered output exceeds 5000 characters/);
    assert.ok(output.text.length <= 5010);
    const slow = templates({ main: '{{ range 100000 }}{{ range 100000 }}{{ end }}{{ end }}' });
    assert.match(slow.render('main', null).error!.message, /evaluation stopped after 5000000 steps/);
  });
});
