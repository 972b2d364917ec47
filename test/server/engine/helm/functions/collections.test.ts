import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GoValue } from '../../../../../server/src/engine/helm/go/values';
import { call, goError, map } from './call';

describe('list functions', () => {
  it('builds, extends and reads lists without touching the input', () => {
    const list = call('list', 1n, 2n, 3n) as GoValue[];
    assert.deepEqual(list, [1n, 2n, 3n]);
    assert.deepEqual(call('append', list, 4n), [1n, 2n, 3n, 4n]);
    assert.deepEqual(call('mustAppend', list, 4n), [1n, 2n, 3n, 4n]);
    assert.deepEqual(call('prepend', list, 0n), [0n, 1n, 2n, 3n]);
    assert.deepEqual(list, [1n, 2n, 3n]);
    assert.equal(call('first', list), 1n);
    assert.equal(call('last', list), 3n);
    assert.deepEqual(call('rest', list), [2n, 3n]);
    assert.deepEqual(call('initial', list), [1n, 2n]);
    assert.deepEqual(call('reverse', list), [3n, 2n, 1n]);
    assert.equal(call('first', []), null);
    assert.throws(() => call('append', null, 1n), goError('Cannot append on type <nil>'));
  });

  it('filters, deduplicates and joins as Sprig documents', () => {
    assert.deepEqual(call('uniq', [1n, 2n, 1n, 'a', 'a']), [1n, 2n, 'a']);
    assert.deepEqual(call('without', [1n, 2n, 3n, 4n], 1n, 3n), [2n, 4n]);
    assert.equal(call('has', 4n, [1n, 2n, 3n, 4n]), true);
    assert.equal(call('has', 'x', null), false);
    assert.deepEqual(call('compact', [1n, '', null, 'x', 0, false]), [1n, 'x']);
    assert.deepEqual(call('concat', [1n, 2n], [3n], 4n), [1n, 2n, 3n, 4n]);
    assert.deepEqual(call('chunk', 2n, [1n, 2n, 3n]), [[1n, 2n], [3n]]);
    assert.deepEqual(call('sortAlpha', ['b', 'a', 'C']), ['C', 'a', 'b']);
    assert.equal(call('join', ', ', ['a', 1n, null, 2.5]), 'a, 1, 2.5');
    assert.deepEqual(call('toStrings', [1n, 'x', 1000000]), ['1', 'x', '1e+06']);
    assert.deepEqual(call('slice', [1n, 2n, 3n, 4n], 1n, 3n), [2n, 3n]);
    assert.deepEqual(call('slice', [1n, 2n, 3n], 1n), [2n, 3n]);
  });

  it('counts with until, untilStep and seq as ints', () => {
    assert.deepEqual(call('until', 3n), [0n, 1n, 2n]);
    assert.deepEqual(call('until', 3), [0n, 1n, 2n]);
    assert.deepEqual(call('untilStep', 3n, 6n, 2n), [3n, 5n]);
    assert.equal(call('seq', 5n), '1 2 3 4 5');
    assert.equal(call('seq', 5n, 3n), '5 4 3');
    assert.equal(call('seq', 0n, 2n, 10n), '0 2 4 6 8 10');
    assert.throws(() => call('until', 100_000_000n), goError(/more than/));
  });

  it('splits as Go does', () => {
    assert.deepEqual(call('splitList', '$', 'foo$bar$baz'), ['foo', 'bar', 'baz']);
    assert.deepEqual(call('split', '$', 'foo$bar'), map({ _0: 'foo', _1: 'bar' }));
    assert.deepEqual(call('splitn', '$', 2n, 'foo$bar$baz'), map({ _0: 'foo', _1: 'bar$baz' }));
  });
});

describe('dict functions', () => {
  it('makes dicts with string keys and reads them', () => {
    const dict = call('dict', 'a', 1n, 2n, 'two', 'odd') as Map<string, GoValue>;
    assert.deepEqual(dict, map({ a: 1n, 2: 'two', odd: '' }));
    assert.equal(call('get', dict, 'a'), 1n);
    assert.equal(call('get', dict, 'missing'), '');
    assert.equal(call('hasKey', dict, 'a'), true);
    assert.deepEqual(call('keys', map({ b: 1, a: 2 })), ['a', 'b']);
    assert.deepEqual(call('values', map({ b: 1, a: 2 })), [2, 1]);
    assert.deepEqual(call('pick', map({ a: 1, b: 2, c: 3 }), 'a', 'c', 'z'), map({ a: 1, c: 3 }));
    assert.deepEqual(call('omit', map({ a: 1, b: 2, c: 3 }), 'a', 'c'), map({ b: 2 }));
    assert.deepEqual(call('pluck', 'name', map({ name: 'x' }), map({ other: 1 }), map({ name: 'y' })), ['x', 'y']);
    assert.equal(call('dig', 'a', 'b', 'none', map({ a: map({ b: 'found' }) })), 'found');
    assert.equal(call('dig', 'a', 'z', 'none', map({ a: map({ b: 'found' }) })), 'none');
  });

  it('reads nil as an empty map, as Go passes a nil map', () => {
    assert.equal(call('get', null, 'a'), '');
    assert.equal(call('hasKey', null, 'a'), false);
    assert.deepEqual(call('keys', null), []);
  });

  it('mutates the map with set and unset and returns it', () => {
    const values = map({ a: 1 });
    const result = call('set', values, 'b', 2);
    assert.equal(result, values);
    assert.deepEqual(values, map({ a: 1, b: 2 }));
    assert.equal(call('unset', values, 'a'), values);
    assert.deepEqual(values, map({ b: 2 }));
  });

  it('merges deeply into the first map, which wins, and mutates it', () => {
    const dst = map({ a: 1, nested: map({ keep: 'dst', empty: '' }), flag: false });
    const src = map({ a: 2, b: 3, nested: map({ keep: 'src', add: 'src', empty: 'filled' }), flag: true });
    const result = call('merge', dst, src);
    assert.equal(result, dst);
    assert.deepEqual(dst, map({ a: 1, nested: map({ keep: 'dst', empty: 'filled', add: 'src' }), flag: true, b: 3 }));
    assert.deepEqual(src.get('nested'), map({ keep: 'src', add: 'src', empty: 'filled' }));
  });

  it('merges with the later maps winning in mergeOverwrite, and mutates the first', () => {
    const dst = map({ a: 1, nested: map({ keep: 'dst', only: 'dst' }), flag: true });
    const result = call('mergeOverwrite', dst, map({ a: 2, nested: map({ keep: 'src' }) }), map({ flag: false }));
    assert.equal(result, dst);
    assert.deepEqual(dst, map({ a: 2, nested: map({ keep: 'src', only: 'dst' }), flag: false }));
    assert.equal(call('mustMergeOverwrite', map({}), map({ x: 1 })) instanceof Map, true);
  });

  it('copies deeply and compares deeply', () => {
    const original = map({ a: [map({ b: 1 })] });
    const copy = call('deepCopy', original) as Map<string, GoValue>;
    assert.deepEqual(copy, original);
    ((copy.get('a') as GoValue[])[0] as Map<string, GoValue>).set('b', 2);
    assert.deepEqual(original, map({ a: [map({ b: 1 })] }));
    assert.equal(call('deepEqual', [1, map({ a: 'x' })], [1, map({ a: 'x' })]), true);
    assert.equal(call('deepEqual', 1, 1n), false);
  });

  it("names Go's types and kinds", () => {
    assert.equal(call('typeOf', 1.5), 'float64');
    assert.equal(call('typeOf', 1n), 'int');
    assert.equal(call('typeOf', 'x'), 'string');
    assert.equal(call('typeOf', true), 'bool');
    assert.equal(call('typeOf', []), '[]interface {}');
    assert.equal(call('typeOf', new Map()), 'map[string]interface {}');
    assert.equal(call('typeOf', null), '<nil>');
    assert.equal(call('typeIs', 'string', 'x'), true);
    assert.equal(call('typeIs', 'float64', 8080), true);
    assert.equal(call('kindOf', new Map()), 'map');
    assert.equal(call('kindOf', []), 'slice');
    assert.equal(call('kindOf', null), 'invalid');
    assert.equal(call('kindIs', 'map', new Map()), true);
    assert.equal(call('kindIs', 'slice', 'x'), false);
    assert.equal(call('typeIsLike', 'int', 1n), true);
  });
});
