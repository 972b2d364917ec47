import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goJson, nameHash } from '../../../../server/src/engine/kustomize/hash';
import { fromData, type TreeMap } from '../../../../server/src/engine/kustomize/tree';

const object = (data: unknown) => fromData(data) as TreeMap;

describe('generated name hash', () => {
  // Expected names from kustomize's own tests (see the conformance cases).
  it('hashes a ConfigMap by its data and kind, never its name', () => {
    const a = nameHash(object({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { from: 'overlay', foo: 'bar', baz: 'qux' } }));
    const b = nameHash(object({ kind: 'ConfigMap', metadata: { name: 'b', labels: { x: 'y' } }, data: { baz: 'qux', foo: 'bar', from: 'overlay' } }));
    assert.equal(a, '8tc62428t2');
    assert.equal(b, a);
  });

  it('hashes a ConfigMap without data as kustomize does', () => {
    assert.equal(nameHash(object({ kind: 'ConfigMap', metadata: { name: 'x' } })), '6ct58987ht');
  });

  it('includes a Secret type, so the same data of another type hashes differently', () => {
    const opaque = nameHash(object({ kind: 'Secret', type: 'Opaque', data: { a: 'Yg==' } }));
    const tls = nameHash(object({ kind: 'Secret', type: 'kubernetes.io/tls', data: { a: 'Yg==' } }));
    assert.notEqual(opaque, tls);
    assert.match(opaque, /^[0-9a-z]{10}$/);
    assert.doesNotMatch(opaque, /[013ae]/);
  });

  it('writes JSON the way Go does: sorted keys, HTML characters escaped', () => {
    assert.equal(goJson({ b: '<a & b>', a: ['\u2028', 1, true, null] }), '{"a":["\\u2028",1,true,null],"b":"\\u003ca \\u0026 b\\u003e"}');
  });
});
