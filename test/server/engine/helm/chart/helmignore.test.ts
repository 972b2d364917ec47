import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ignoredBy, readHelmIgnore } from '../../../../../server/src/engine/helm/chart/helmignore';

const ignored = (rules: string, path: string): boolean => ignoredBy(readHelmIgnore(rules), path);

describe('.helmignore', () => {
  // The cases of Helm's pkg/ignore tests and its documented examples, with our own paths.
  const cases: [rules: string, path: string, expected: boolean][] = [
    ['notes.txt', 'notes.txt', true],
    ['notes.*', 'notes.txt', true],
    ['notes.*', 'readme.txt', false],
    ['*.txt', 'files/a.txt', true],
    ['files/*.txt', 'files/a.txt', true],
    ['files/*.txt', 'other/a.txt', false],
    ['files/*.txt', 'files/deeper/a.txt', false],
    ['ma[c-e]?er.txt', 'madder.txt', true],
    ['*/temp*', 'files/tempo.yaml', true],
    ['*/temp*', 'a/b/tempo.yaml', false],
    ['/a.txt', 'a.txt', true],
    ['/a.txt', 'files/a.txt', false],
    ['/files/a.txt', 'files/a.txt', true],
    ['.*', '.git/config', true],
    ['*', '.hidden', true],
    ['[^a]x.txt', 'bx.txt', true],
    ['{a,b}.txt', 'a.txt', false],
    ['{a,b}.txt', '{a,b}.txt', true],
    ['files/', 'files/a.txt', true],
    ['files/', 'deep/files/a.txt', true],
    ['files/', 'files', false],
    ['!keep.txt', 'keep.txt', false],
    ['!keep.txt', 'other.txt', true],
    ['!files/', 'files/a.txt', true],
  ];
  for (const [rules, path, expected] of cases) {
    it(`${JSON.stringify(rules)} ${expected ? 'ignores' : 'keeps'} ${path}`, () => assert.equal(ignored(rules, path), expected));
  }

  it('lets the first rule that decides win, as Helm does, so a later negation cannot bring a file back', () => {
    assert.equal(ignored('*.bak\n!keep.bak\n', 'keep.bak'), true);
    assert.equal(ignored('!*.yaml\n*.bak\n', 'templates/a.yaml'), true, 'the folder templates does not match *.yaml');
  });

  it('always leaves out dot files under templates/', () => {
    assert.equal(ignored('', 'templates/.sts.yaml.swp'), true);
    assert.equal(ignored('', 'templates/sts.yaml'), false);
    assert.equal(ignored('', '.ci/values.yaml'), false);
  });

  it('reads comments, blank lines, CRLF and surrounding spaces as Helm does', () => {
    assert.deepEqual(readHelmIgnore('# *.txt\r\n\r\n  *.bak  \r\n').rules.length, 2);
    assert.equal(ignored('# *.txt\r\n  *.bak  \r\n', 'a.bak'), true);
    assert.equal(ignored('# *.txt\r\n', 'a.txt'), false);
  });

  it('refuses ** with a problem on its line, and ignores nothing for it', () => {
    const text = '*.bak\nfiles/**/x\n';
    const ignore = readHelmIgnore(text);
    assert.deepEqual(ignore.problems, [{ start: 6, end: 16, message: 'double-star (**) syntax is not supported' }]);
    assert.equal(ignoredBy(ignore, 'files/a/x'), false);
  });
});
