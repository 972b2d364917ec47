import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GoStruct } from '../../../../../server/src/engine/helm/go/values';
import { call, goError } from './call';

describe('regular expressions', () => {
  it('matches, finds and splits as Go RE2 does', () => {
    assert.equal(call('regexMatch', '^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$', 'test@acme.com'), true);
    assert.equal(call('mustRegexMatch', '^v\\d', 'x1'), false);
    assert.equal(call('regexFind', '[a-zA-Z][1-9]', 'abcd1234'), 'd1');
    assert.equal(call('regexFind', 'z', 'abc'), '');
    assert.deepEqual(call('regexFindAll', '[2,4,6,8]', '123456789', -1n), ['2', '4', '6', '8']);
    assert.deepEqual(call('regexFindAll', '[2,4,6,8]', '123456789', 2n), ['2', '4']);
    assert.deepEqual(call('regexSplit', 'z+', 'pizza', -1n), ['pi', 'a']);
    assert.deepEqual(call('regexSplit', 'z+', 'pizza', 1n), ['pizza']);
    assert.deepEqual(call('regexSplit', '', 'abc', -1n), ['a', 'b', 'c']);
    assert.deepEqual(call('regexSplit', ',', 'a,b,', -1n), ['a', 'b', '']);
    assert.equal(call('regexQuoteMeta', '1.2.3'), '1\\.2\\.3');
  });

  it('expands $1 and ${1} in replacements as Go does, and $1x as a group named 1x', () => {
    assert.equal(call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '${1}W'), '-W-xxW-');
    assert.equal(call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '$1W'), '---');
    assert.equal(call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '[$1]'), '-[]-[xx]-');
    assert.equal(call('regexReplaceAll', '(?P<word>\\w+)', 'hi', '<$word>'), '<hi>');
    assert.equal(call('regexReplaceAll', 'a', 'a', '$$'), '$');
    assert.equal(call('regexReplaceAllLiteral', 'a(x*)b', '-ab-axxb-', '${1}'), '-${1}-${1}-');
    assert.equal(call('regexReplaceAll', 'a*', 'baaac', 'X'), 'XbXcX');
    assert.equal(call('regexReplaceAll', '[^a-z0-9-]', 'My_Release.1', '-'), '-y--elease-1');
  });

  it('stays linear on patterns that make backtracking engines hang', () => {
    const input = 'a'.repeat(50_000);
    assert.equal(call('regexMatch', '(a*)*b', input), false);
    assert.equal(call('regexReplaceAll', '(a|aa)*c', input, 'x'), input);
  });

  it('fails with a Go-style message on a bad pattern', () => {
    assert.throws(() => call('regexMatch', '(', 'x'), goError(/^error parsing regexp/));
  });
});

describe('semver', () => {
  it('compares with Masterminds constraints', () => {
    const cases: [string, string, boolean][] = [
      ['>=1.21-0', 'v1.34.0', true],
      ['>=1.21-0', '1.20.5', false],
      ['>=1.21-0', 'v1.21.0-gke.100', true],
      ['>=1.21', 'v1.21.0-gke.100', false],
      ['>= 1.19-0 < 1.21-0', 'v1.20.3', true],
      ['>= 1.19-0 < 1.21-0', 'v1.21.0', false],
      ['>=1.19-0, <1.21-0', 'v1.19.0', true],
      ['^1.2', '1.9.0', true],
      ['^1.2', '2.0.0', false],
      ['^0.2.3', '0.2.9', true],
      ['^0.2.3', '0.3.0', false],
      ['~1.2.3', '1.2.9', true],
      ['~1.2.3', '1.3.0', false],
      ['~1', '1.9.9', true],
      ['1.x', '1.5.0', true],
      ['1.x', '2.0.0', false],
      ['1.2.*', '1.2.7', true],
      ['<1.25.0 || >=2.0.0', '2.1.0', true],
      ['<1.25.0 || >=2.0.0', '1.30.0', false],
      ['!=1.2.3', '1.2.3', false],
      ['>1.2', '1.2.9', false],
      ['>1.2', '1.3.0', true],
      ['<=1.2', '1.2.9', true],
      ['1.2 - 1.4.5', '1.4.5', true],
      ['1.2 - 1.4.5', '1.4.6', false],
      ['=1.2.3', 'v1.2.3', true],
    ];
    for (const [constraint, version, expected] of cases) assert.equal(call('semverCompare', constraint, version), expected, `${constraint} ${version}`);
  });

  it('fails on what is not a version or a constraint', () => {
    assert.throws(() => call('semverCompare', '>=1.21', 'not-a-version'), goError('Invalid Semantic Version'));
    assert.throws(() => call('semverCompare', '>=x.y.z.w', '1.0.0'), goError(/improper constraint/));
  });

  it('parses a version with its parts', () => {
    const version = call('semver', 'v1.2.3-beta.1+build') as GoStruct;
    assert.equal(version.methods.get('Major')!(), 1n);
    assert.equal(version.methods.get('Minor')!(), 2n);
    assert.equal(version.methods.get('Prerelease')!(), 'beta.1');
    assert.equal(version.methods.get('Metadata')!(), 'build');
    assert.equal(version.methods.get('Original')!(), 'v1.2.3-beta.1+build');
  });
});
