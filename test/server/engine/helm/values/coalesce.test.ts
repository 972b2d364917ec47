import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coalesceDefaults, copyGlobals, mergeUserValues } from '../../../../../server/src/engine/helm/values/coalesce';
import { applySetValue } from '../../../../../server/src/engine/helm/values/set-values';
import { readValues } from '../../../../../server/src/engine/helm/values/read-values';
import { entrySource, type GoMap } from '../../../../../server/src/engine/helm/go/values';

const read = (uri: string, text: string): GoMap => readValues(uri, text).values;

describe('coalescing values', () => {
  it('lets user values win, deletes defaults the user sets to null, and merges maps', () => {
    const defaults = read('defaults', 'a: 1\nb: {c: 2, d: 3}\ne: 4\n');
    const user = read('user', 'a: 10\nb: {c: 20}\ne: null\n');
    const result = coalesceDefaults(user, defaults);
    assert.equal(result.get('a'), 10);
    assert.deepEqual(result.get('b'), new Map([['c', 20], ['d', 3]]));
    assert.equal(result.has('e'), false);
  });

  it('keeps where each winning entry was written', () => {
    const defaults = read('defaults', 'b: {c: 2, d: 3}\n');
    const user = read('user', 'b: {c: 20}\n');
    const b = coalesceDefaults(user, defaults).get('b')!;
    assert.equal(entrySource(b, 'c')!.uri, 'user');
    assert.equal(entrySource(b, 'd')!.uri, 'defaults');
  });

  it('merges values files in order, the later winning', () => {
    const merged = mergeUserValues(read('a', 'x: {w: 1, z: 2}\n'), read('b', 'x: {w: 3}\n'));
    assert.deepEqual(merged.get('x'), new Map([['w', 3], ['z', 2]]));
  });

  it('copies globals down to a subchart, the parent winning', () => {
    const parent = read('p', 'global: {a: 1, m: {x: 1}}\n');
    const child = read('c', 'global: {a: 2, b: 3, m: {v: 2}}\n');
    copyGlobals(child, parent);
    const global = child.get('global') as GoMap;
    assert.equal(global.get('a'), 1);
    assert.equal(global.get('b'), 3);
    assert.deepEqual(global.get('m'), new Map([['x', 1], ['v', 2]]));
  });
});

describe('--set', () => {
  it('parses paths, list indexes, typed values and lists', () => {
    const values: GoMap = new Map();
    assert.equal(applySetValue(values, 'a.b=c,n=8080,t=true,z=0,s=012,l[1]=x,q={a,b},e=a\\,b'), undefined);
    assert.deepEqual(values.get('a'), new Map([['b', 'c']]));
    assert.equal(values.get('n'), 8080n);
    assert.equal(values.get('t'), true);
    assert.equal(values.get('z'), 0n);
    assert.equal(values.get('s'), '012');
    assert.deepEqual(values.get('l'), [null, 'x']);
    assert.deepEqual(values.get('q'), ['a', 'b']);
    assert.equal(values.get('e'), 'a,b');
  });

  it('sets null, which coalescing then treats as a deletion', () => {
    const values: GoMap = new Map();
    applySetValue(values, 'a=null');
    assert.equal(coalesceDefaults(values, read('d', 'a: 1\n')).has('a'), false);
  });

  it('reports an assignment without a value', () => {
    assert.match(applySetValue(new Map(), 'a') ?? '', /no value/);
  });
});
