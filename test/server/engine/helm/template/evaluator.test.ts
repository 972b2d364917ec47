import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ok, render } from './helpers';

describe('template text and actions', () => {
  it('trims all whitespace at trim markers, but {{-3}} is a number', () => {
    assert.equal(ok('a\n  {{- "b" }}\n{{ "c" -}}\n  d'), 'ab\ncd');
    assert.equal(ok('{{-3}}'), '-3');
    assert.equal(ok('x {{- /* note */ -}} y{{/* c */}}'), 'xy');
  });

  it('prints values as Go does', () => {
    assert.equal(ok('{{ .n }} {{ .p }} {{ 1.5 }} {{ 3 }} {{ .m }} {{ .l }}', { n: 1000000, p: 8080, m: { b: [1, 'x'], a: true }, l: [1, 'a', null] }), '1e+06 8080 1.5 3 map[a:true b:[1 x]] [1 a <nil>]');
    assert.equal(ok("{{ 'a' }} {{ 0x10 }} {{ 1e3 }} {{ \"t\\tq\" }} {{ `raw\\n` }}"), '97 16 1000 t\tq raw\\n');
  });

  it('removes <no value> from the output of a missing key', () => {
    assert.equal(ok('[{{ .missing }}]'), '[]');
    assert.equal(ok('[{{ printf "%v" .missing }}]'), '[<nil>]');
  });

  it('fails on a field of a missing key, but not after parentheses', () => {
    const { error } = render('a\n  {{ .Values.a.b }}', { Values: {} });
    assert.equal(error, 'template: main:2:5: executing "main" at <.Values.a.b>: nil pointer evaluating interface {}.b');
    assert.equal(ok('[{{ (.Values.a).b }}]', { Values: {} }), '[]');
    assert.equal(ok('[{{ ((.Values.global).x).y }}]', { Values: {} }), '[]');
  });

  it('reports function errors and keeps the output written before them', () => {
    const { text, error } = render('ok\n{{ required "name is required" .name }}');
    assert.equal(text, 'ok\n');
    assert.equal(error, 'template: main:2:3: executing "main" at <required "name is required" .name>: error calling required: name is required');
  });
});

describe('builtins', () => {
  it('and/or return the deciding operand and stop there', () => {
    assert.equal(ok('{{ and 1 "x" }} {{ and 0 .a.b }} {{ or "" 0 "y" }} {{ or .a "z" }}', {}), 'x 0 y z');
  });

  it('eq refuses float64 against int, and takes several arguments', () => {
    assert.match(render('{{ eq .port 8080 }}', { port: 8080 }).error!, /error calling eq: incompatible types for comparison$/);
    assert.equal(ok('{{ eq .port 8080.0 }} {{ eq "b" "a" "b" }} {{ eq .missing nil }} {{ eq .missing "x" }} {{ ne 1 2 }}', { port: 8080 }), 'true true true false true');
    assert.equal(ok('{{ lt 1 2 }} {{ ge "b" "a" }} {{ not 0 }}'), 'true true true');
  });

  it('len, index, slice, print, printf, println, html, js, urlquery', () => {
    assert.match(render('{{ len .x }}').error!, /error calling len: len of nil pointer/);
    assert.equal(ok('{{ len "héllo" }} {{ index .m "a" "b" }} {{ index .l 1 }} [{{ index .m "zz" }}]', { m: { a: { b: 'deep' } }, l: ['x', 'y'] }), '6 deep y []');
    assert.equal(ok('{{ slice "abcdef" 1 3 }} {{ slice .l 1 }}', { l: ['x', 'y', 'z'] }), 'bc [y z]');
    assert.equal(ok('{{ print 1 2 "a" "b" 3 }}|{{ println "a" 1 }}|{{ printf "%05.1f-%s" 3.14159 "x" }}'), '1 2ab3|a 1\n|003.1-x');
    assert.equal(ok('{{ html "<a href=\'x\'>" }} {{ js "a\'b<" }} {{ urlquery "a b&c" }}'), '&lt;a href=&#39;x&#39;&gt; a\\\'b\\u003C a+b%26c');
    assert.equal(ok('{{ printf "%d" .port }}', { port: 8080 }), '%!d(float64=8080)');
  });
});

describe('control structures', () => {
  it('if / else if / else and with / else with', () => {
    const source = '{{ if .a }}A{{ else if .b }}B{{ else }}C{{ end }}';
    assert.equal(ok(source, { a: 1 }), 'A');
    assert.equal(ok(source, { b: 1 }), 'B');
    assert.equal(ok(source, {}), 'C');
    const withSource = '{{ with .a }}{{ . }}{{ else with .b }}b={{ . }}{{ else }}none{{ end }}';
    assert.equal(ok(withSource, { a: 'x' }), 'x');
    assert.equal(ok(withSource, { b: 'y' }), 'b=y');
    assert.equal(ok(withSource, { a: {}, b: 0 }), 'none');
  });

  it('ranges over lists, sorted map keys and integers, with else', () => {
    assert.equal(ok('{{ range $i, $v := .l }}{{ $i }}={{ $v }} {{ end }}', { l: ['a', 'b'] }), '0=a 1=b ');
    assert.equal(ok('{{ range $k, $v := .m }}{{ $k }}:{{ $v }},{{ end }}', { m: { z: 1, a: 2, m: 3 } }), 'a:2,m:3,z:1,');
    assert.equal(ok('{{ range .m }}{{ . }}{{ end }}', { m: { b: 2, a: 1 } }), '12');
    assert.equal(ok('{{ range 3 }}{{ . }}{{ end }}'), '012');
    assert.equal(ok('{{ range .none }}x{{ else }}empty{{ end }}'), 'empty');
    assert.equal(ok('{{ range .l }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}', { l: [1, 2, 3, 4, 5].map(BigInt) as never }), '13');
  });

  it('scopes variables to their control structure and assigns with =', () => {
    assert.equal(ok('{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}'), '21');
    assert.equal(ok('{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}'), '2');
    assert.equal(ok('{{ $n := 0 }}{{ range .l }}{{ $n = . }}{{ end }}{{ $n }}', { l: ['a', 'b'] }), 'b');
    assert.equal(ok('{{ range .l }}{{ $.top }}{{ end }}', { l: [1, 2], top: 'T' }), 'TT');
  });

  it('define, template, include and block, with the data as . and $', () => {
    const helpers = { '_helpers.tpl': '{{ define "name" }}{{ .n }}-{{ $.n }}{{ end }}{{ define "wrap" }}[{{ template "name" . }}]{{ end }}' };
    assert.equal(ok('{{ template "wrap" .Values }} {{ include "name" (dict "n" "d") | upper }}', { Values: { n: 'v' } }, helpers), '[v-v] D-D');
    assert.equal(ok('{{ block "b" . }}default {{ .x }}{{ end }}', { x: 1 }), 'default 1');
    assert.equal(ok('{{ include "name" . | nindent 2 }}', { n: 'z' }, helpers), '\n  z-z');
  });

  it('renders tpl strings, seeing every define, and drops <no value>', () => {
    const helpers = { '_h.tpl': '{{ define "h" }}H{{ end }}' };
    assert.equal(ok('{{ tpl .Values.t . }}', { Values: { t: '{{ include "h" . }}-{{ .Values.x }}-{{ .nope }}', x: 1 } }, helpers), 'H-1-');
    assert.match(render('{{ tpl "{{ .a" . }}').error!, /error calling tpl: cannot parse template "\{\{ \.a": template: gotpl:1: unclosed action$/);
  });

  it('calls methods with arguments on structs', async () => {
    const { GoStruct } = await import('../../../../../server/src/engine/helm/go/values');
    const { TemplateSet } = await import('../../../../../server/src/engine/helm/template/template-set');
    const { functions } = await import('./helpers');
    const apiVersions = new GoStruct('chartutil.VersionSet', new Map(), new Map([['Has', (name) => name === 'apps/v1']]));
    const capabilities = new GoStruct('*chartutil.Capabilities', new Map([['APIVersions', apiVersions]]));
    const set = new TemplateSet(functions);
    set.add('main', 'file:///m', '{{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "x/v1" }} {{ .Capabilities.Nope }}');
    const { output, error } = set.render('main', new Map([['Capabilities', capabilities]]));
    assert.equal(output.text, 'true false ');
    assert.match(error!.message, /can't evaluate field Nope in type \*chartutil.Capabilities/);
  });
});
