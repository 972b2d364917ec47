import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { globMatcher } from '../../../../../server/src/engine/helm/chart/files-object';

describe('.Files.Glob patterns (gobwas/glob with / as separator)', () => {
  const cases: [pattern: string, path: string, expected: boolean][] = [
    ['files/*.{sh,sql}', 'files/b.sql', true],
    ['files/*.{sh,sql}', 'files/b.txt', false],
    ['*.txt', 'conf/c.txt', false],
    ['**.txt', 'conf/deep/c.txt', true],
    ['files/**', 'files/a/b.sh', true],
    ['files/**', 'files', false],
    ['**', 'a/b', true],
    ['conf/*', 'conf/.hidden', true],
    ['conf/?.txt', 'conf/c.txt', true],
    ['conf/?.txt', 'conf/cc.txt', false],
    ['[!a]*', 'this', true],
    ['[!a]*', 'apple', false],
    ['[a-c]x', 'bx', true],
    ['{{a,b},c}', 'b', true],
    ['{,a}x', 'x', true],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['!(a)', 'b', false],
    ['+(a)', '+(a)', true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatcher(pattern)(path), expected));
  }

  it('matches every file when gobwas cannot compile the pattern, as Helm falls back to **', () => {
    for (const pattern of ['{a,b', '[abc', 'a\\']) assert.equal(globMatcher(pattern)('any/file.txt'), true, pattern);
  });
});
