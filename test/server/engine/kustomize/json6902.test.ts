import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { applyJsonPatch, JsonPatchError, operationsOf, pointer } from '../../../../server/src/engine/kustomize/json6902';
import { fromYaml, toData } from '../../../../server/src/engine/kustomize/tree';

const tree = (text: string, uri = 'file:///object.yaml') => fromYaml(parseDocument(text).contents, uri);
const patched = (object: string, operations: string) => toData(applyJsonPatch(tree(object), operationsOf(tree(operations, 'file:///patch.yaml'))));

describe('JSON 6902 patch', () => {
  it('adds, replaces and removes by pointer, with list positions and -', () => {
    const result = patched('a: {b: [1, 2]}\nc: x', '- {op: add, path: /a/b/1, value: 9}\n- {op: add, path: /a/b/-, value: 7}\n- {op: replace, path: /c, value: y}\n- {op: remove, path: /a/b/0}');
    assert.deepEqual(result, { a: { b: [9, 2, 7] }, c: 'y' });
  });

  it('moves and copies values', () => {
    assert.deepEqual(patched('a: 1\nb: {}', '- {op: copy, from: /a, path: /b/c}\n- {op: move, from: /a, path: /d}'), { b: { c: 1 }, d: 1 });
  });

  it('unescapes ~1 and ~0 in pointers', () => {
    assert.deepEqual(pointer('/metadata/annotations/example.com~1a~0b'), ['metadata', 'annotations', 'example.com/a~b']);
    assert.deepEqual(patched('metadata: {annotations: {}}', '- {op: add, path: /metadata/annotations/x~1y, value: "1"}'), { metadata: { annotations: { 'x/y': '1' } } });
  });

  it('passes a test that holds and stops at one that does not', () => {
    assert.deepEqual(patched('a: {x: 1, y: 2}', '- {op: test, path: /a, value: {y: 2, x: 1}}'), { a: { x: 1, y: 2 } });
    assert.throws(() => patched('a: 1', '- {op: test, path: /a, value: 2}'), JsonPatchError);
  });

  it('fails on a path that does not exist, as kustomize does', () => {
    assert.throws(() => patched('a: 1', '- {op: replace, path: /b, value: 2}'), /does not exist/);
    assert.throws(() => patched('a: [1]', '- {op: remove, path: /a/3}'), /does not exist/);
    assert.throws(() => patched('a: 1', '- {op: add, path: a, value: 2}'), /JSON pointer/);
  });

  it('rejects a document that is not a list of operations', () => {
    assert.throws(() => operationsOf(tree('op: add')), /list of operations/);
    assert.throws(() => operationsOf(tree('- {path: /a}')), /needs an 'op'/);
  });

  it('keeps the patch file as the origin of the values it writes', () => {
    const result = applyJsonPatch(tree('a: 1'), operationsOf(tree('- {op: replace, path: /a, value: 2}', 'file:///patch.yaml')));
    const value = result.type === 'map' ? result.entries[0].value : undefined;
    assert.equal(value?.origin?.span.uri, 'file:///patch.yaml');
    assert.equal(value?.origin?.span.start, 33);
  });
});
