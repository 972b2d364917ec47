import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { printObjects } from '../../../../server/src/engine/kustomize/print';
import { fromData, spanOrigin } from '../../../../server/src/engine/kustomize/tree';

const printed = (data: unknown) => printObjects([fromData(data)]).text.text;

describe('printing built objects', () => {
  it('sorts keys and puts list items at their key’s indentation, as kustomize does', () => {
    assert.equal(printed({ kind: 'A', apiVersion: 'v1', spec: { list: [{ b: 1, a: 2 }, 'x', [], {}] } }), 'apiVersion: v1\nkind: A\nspec:\n  list:\n  - a: 2\n    b: 1\n  - x\n  - []\n  - {}\n');
  });

  it('quotes strings that would read back as another type, in YAML 1.1 too', () => {
    const values = ['yes', 'on', '1.0', '0x1F', '1_000', '.5', '1e3', '12:30', '2024-01-02', '', 'a: b', '- x', 'null', '#c', ' lead', 'x #y', '\t'];
    const text = printed({ values });
    assert.deepEqual(parse(text).values, values);
    assert.ok(text.includes('- "yes"') && text.includes('- "1_000"') && text.includes('- "12:30"'), text);
    assert.equal(printed({ storage: '10Gi', image: 'postgres:16', version: '1.2.3' }), 'image: postgres:16\nstorage: 10Gi\nversion: 1.2.3\n');
  });

  it('writes multi-line text as a block, stating the indentation when the first line is blank', () => {
    assert.equal(printed({ a: 'one\ntwo\n' }), 'a: |\n  one\n  two\n');
    assert.equal(printed({ a: '\nbody\n' }), 'a: |2\n\n  body\n');
  });

  it('double-quotes text with trailing blanks on a line, folding long lines at a space', () => {
    const value = `${'word '.repeat(20)}\nend `;
    const text = printed({ a: value });
    assert.equal(parse(text).a, value);
    assert.ok(text.split('\n').every((line) => line.length <= 90), text);
    assert.match(text, /^a: "/);
  });

  it('separates objects with --- and says where each starts', () => {
    const { text, starts } = printObjects([fromData({ a: 1 }), fromData({ b: 2 })]);
    assert.equal(text.text, 'a: 1\n---\nb: 2\n');
    assert.deepEqual(starts, [0, 9]);
  });

  it('gives each key and value its own segment with its origin', () => {
    const origin = spanOrigin('file:///x.yaml', 3, 5);
    const { text } = printObjects([fromData({ name: 'db' }, origin)]);
    assert.deepEqual(text.segments.filter((segment) => segment.origin).map((segment) => segment.text), ['name', 'db']);
  });
});
