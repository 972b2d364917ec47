import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentlyUsed, RecentVersions } from '../../../../server/src/engine/workspace/recently-used';

describe('RecentlyUsed', () => {
  it('makes a value once per key, and forgets the least recently used key beyond its capacity', () => {
    const made: string[] = [];
    const cache = new RecentlyUsed<string, string>(2);
    const get = (key: string) => cache.get(key, (k) => (made.push(k), k.toUpperCase()));
    assert.equal(get('a'), 'A');
    get('b');
    get('a');
    get('c');
    assert.equal(cache.size, 2);
    get('a');
    get('b');
    assert.deepEqual(made, ['a', 'b', 'c', 'b'], 'b was the oldest when c came, so it is made again; a was used since');
  });
});

describe('RecentVersions', () => {
  it('keeps the latest versions of each key, so that a long edit of one file does not fill it', () => {
    const cache = new RecentVersions<number>(10, () => 2);
    for (let keystroke = 0; keystroke < 100; keystroke++) cache.get('file:///a.yaml', `a: ${keystroke}`, () => keystroke);
    cache.get('file:///b.yaml', 'b: 1', () => 0);
    assert.equal(cache.size, 3);
    assert.equal(cache.get('file:///a.yaml', 'a: 98', () => -1), 98, 'the version before the last is still there');
  });
});
