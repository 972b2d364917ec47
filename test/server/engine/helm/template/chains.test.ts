import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GoStruct, type GoValue } from '../../../../../server/src/engine/helm/go/values';
import { TemplateSet } from '../../../../../server/src/engine/helm/template/template-set';
import { functions, ok, render } from './helpers';

describe('field chains and pipelines', () => {
  it('treats a nil variable as the start of a safe chain', () => {
    assert.equal(ok('[{{ $x := .a }}{{ $x.b.c }}]'), '[]');
    assert.equal(ok('{{ with $x := .a }}{{ $x.b }}{{ end }}', { a: { b: 'B' } }), 'B');
    assert.match(render('{{ .a.b.c }}', { a: {} }).error!, /at <\.a\.b\.c>: nil pointer evaluating interface \{\}\.c$/);
  });

  it('follows fields after a parenthesised method call', () => {
    const config = new GoStruct('files.Files', new Map([['AsConfig', 'a.txt: x']]));
    const files = new GoStruct('files.Files', new Map(), new Map([['Glob', (pattern: GoValue) => (pattern === '*.txt' ? config : null)]]));
    const set = new TemplateSet(functions);
    set.add('main', 'file:///m', '{{ (.Files.Glob "*.txt").AsConfig }}|{{ (.Files.Glob "none").AsConfig }}');
    assert.equal(set.render('main', new Map([['Files', files]])).output.text, 'a.txt: x|');
  });

  it('passes each command result as the last argument of the next', () => {
    assert.equal(ok('{{ .a | default "d" | upper | quote }}'), '"D"');
    assert.equal(ok('{{ "x" | printf "%s-%s" "y" }}'), 'y-x');
    assert.equal(ok('{{ (list 1 2 3) | len }}'), '3');
    assert.match(render('{{ .a | .b }}', { a: 1, b: 2 }).error!, /b is not a method but has arguments/);
  });

  it('gives field errors on the wrong kinds of values', () => {
    assert.match(render('{{ .s.x }}', { s: 'str' }).error!, /can't evaluate field x in type string/);
    assert.match(render('{{ range .s }}{{ end }}', { s: 1.5 }).error!, /range can't iterate over 1.5/);
  });
});

describe('parse cache', () => {
  it('parses unchanged text once across template sets, and only the edited file again', async () => {
    const { TemplateParseCache } = await import('../../../../../server/src/engine/helm/template/template-set');
    const cache = new TemplateParseCache();
    for (const edit of ['v1', 'v1', 'v2']) {
      const set = new TemplateSet(functions, { cache });
      set.add('_h.tpl', 'file:///h', '{{ define "h" }}H{{ end }}');
      set.add('main', 'file:///m', `{{ include "h" . }} ${edit}`);
      assert.equal(set.render('main', null).output.text, `H ${edit}`);
    }
    assert.equal(cache.size, 3);
  });
});

describe('struct printing', () => {
  it('prints the struct behind a pointer without &, as Go does', () => {
    const release = new GoStruct('*chartutil.Release', new Map<string, GoValue>([['Name', 'r'], ['Revision', 1n]]));
    const set = new TemplateSet(functions);
    set.add('main', 'file:///m', '{{ .Release }} {{ printf "%v" .Release }}');
    assert.equal(set.render('main', new Map([['Release', release]])).output.text, '{r 1} &{r 1}');
  });

  it('turns a stack overflow from hostile nesting into an error', () => {
    const body = '{{ if true }}'.repeat(99) + '{{ include "r" . }}' + '{{ end }}'.repeat(99);
    const set = new TemplateSet(functions);
    set.add('_r.tpl', 'file:///r', `{{ define "r" }}${body}{{ end }}`);
    set.add('main', 'file:///m', '{{ include "r" . }}');
    assert.match(set.render('main', null).error!.message, /nested too deeply|exceeded maximum template depth/);
    assert.match(set.add('p', 'file:///p', '{{ ' + '('.repeat(200) + '1' + ')'.repeat(200) + ' }}')!.message, /nested more than 100 deep/);
  });
});
