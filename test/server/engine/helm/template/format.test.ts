import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatValue, sprintf } from '../../../../../server/src/engine/helm/go/format';
import { GoStruct, type GoValue } from '../../../../../server/src/engine/helm/go/values';

describe('formatValue', () => {
  it('prints float64 as Go %v does', () => {
    assert.equal(formatValue(1000000), '1e+06');
    assert.equal(formatValue(8080), '8080');
    assert.equal(formatValue(123456), '123456');
    assert.equal(formatValue(1.5), '1.5');
    assert.equal(formatValue(0.0001), '0.0001');
    assert.equal(formatValue(0.00001), '1e-05');
    assert.equal(formatValue(12345678901234567890), '1.2345678901234567e+19');
    assert.equal(formatValue(-2.5e-7), '-2.5e-07');
    assert.equal(formatValue(1234567), '1.234567e+06');
  });

  it('prints ints, nil, bools, lists, maps and structs', () => {
    assert.equal(formatValue(12345678901234567890n), '12345678901234567890');
    assert.equal(formatValue(null), '<nil>');
    assert.equal(formatValue(true), 'true');
    assert.equal(formatValue([1, 'a', null]), '[1 a <nil>]');
    assert.equal(formatValue(new Map<string, GoValue>([['z', 1], ['a', 2], ['b', ['x', true]]])), 'map[a:2 b:[x true] z:1]');
    assert.equal(formatValue(new GoStruct('*chartutil.Release', new Map<string, GoValue>([['Name', 'r'], ['Revision', 1n]]))), '&{r 1}');
  });
});

describe('sprintf', () => {
  it('formats the verbs charts use', () => {
    assert.equal(sprintf('%v-%s-%d', ['a', 'b', 3n]), 'a-b-3');
    assert.equal(sprintf('%q %t', ['x"y', true]), '"x\\"y" true');
    assert.equal(sprintf('%f %.2f %e %g', [1.5, 3.14159, 1234.5678, 0.000012]), '1.500000 3.14 1.234568e+03 1.2e-05');
    assert.equal(sprintf('%x %X %o %b %c %U', [255n, 255n, 8n, 5n, 65n, 0x1f600n]), 'ff FF 10 101 A U+1F600');
    assert.equal(sprintf('%x', ['hi']), '6869');
    assert.equal(sprintf('100%%', []), '100%');
  });

  it('pads with widths and flags', () => {
    assert.equal(sprintf('[%5d][%-5d][%05d][%+d][% d]', [42n, 42n, -42n, 42n, 42n]), '[   42][42   ][-0042][+42][ 42]');
    assert.equal(sprintf('[%6.2f][%-4s][%.2s]', [3.14159, 'ab', 'abcdef']), '[  3.14][ab  ][ab]');
  });

  it('reports wrong, missing and extra arguments in the output', () => {
    assert.equal(sprintf('%d', [8080]), '%!d(float64=8080)');
    assert.equal(sprintf('%d', ['x']), '%!d(string=x)');
    assert.equal(sprintf('%s %v', ['a']), 'a %!v(MISSING)');
    assert.equal(sprintf('%s', ['a', 1n, 'b']), 'a%!(EXTRA int=1, string=b)');
    assert.equal(sprintf('%s', [null]), '%!s(<nil>)');
    assert.equal(sprintf('%d', [[1n, 2n]]), '[1 2]');
  });
});
