import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareQuantities, parseQuantity } from '../../../../server/src/engine/kubernetes/quantity';

/** The quantity in billionths as a decimal string, to compare with expected values. */
function nanos(value: unknown): string | undefined {
  const quantity = parseQuantity(value);
  return quantity && (quantity.mantissa * 10n ** BigInt(quantity.scale)).toString();
}

function compare(a: unknown, b: unknown): number {
  const left = parseQuantity(a);
  const right = parseQuantity(b);
  assert.ok(left && right, `${String(a)} and ${String(b)} parse`);
  return Math.sign(compareQuantities(left, right));
}

describe('parseQuantity', () => {
  it('reads every decimal suffix', () => {
    assert.equal(nanos('7n'), '7');
    assert.equal(nanos('7u'), '7000');
    assert.equal(nanos('7m'), '7000000');
    assert.equal(nanos('7'), '7000000000');
    assert.equal(nanos('7k'), '7000000000000');
    assert.equal(nanos('7M'), '7000000000000000');
    assert.equal(nanos('7G'), '7000000000000000000');
    assert.equal(nanos('7T'), '7000000000000000000000');
    assert.equal(nanos('7P'), '7000000000000000000000000');
    assert.equal(nanos('7E'), '7000000000000000000000000000');
  });

  it('reads every binary suffix', () => {
    assert.equal(nanos('1Ki'), '1024000000000');
    assert.equal(nanos('1Mi'), (2n ** 20n * 10n ** 9n).toString());
    assert.equal(nanos('1Gi'), (2n ** 30n * 10n ** 9n).toString());
    assert.equal(nanos('1Ti'), (2n ** 40n * 10n ** 9n).toString());
    assert.equal(nanos('1Pi'), (2n ** 50n * 10n ** 9n).toString());
    assert.equal(nanos('1Ei'), (2n ** 60n * 10n ** 9n).toString());
    assert.equal(nanos('1.5Gi'), (3n * 2n ** 29n * 10n ** 9n).toString());
  });

  it('reads decimal exponents, signs and bare fractions', () => {
    assert.equal(nanos('1e3'), '1000000000000');
    assert.equal(nanos('1E3'), '1000000000000');
    assert.equal(nanos('1e+3'), '1000000000000');
    assert.equal(nanos('25e-3'), '25000000');
    assert.equal(nanos('-1.5'), '-1500000000');
    assert.equal(nanos('+2'), '2000000000');
    assert.equal(nanos('.5'), '500000000');
    assert.equal(nanos('5.'), '5000000000');
    assert.equal(nanos('007'), '7000000000');
    assert.equal(nanos('0'), '0');
  });

  it('reads the numbers YAML gives for unquoted values', () => {
    assert.equal(nanos(2), '2000000000');
    assert.equal(nanos(0.25), '250000000');
    assert.equal(nanos(1e21), '1000000000000000000000000000000');
    assert.equal(nanos(-3), '-3000000000');
  });

  it('rounds amounts below a billionth away from zero, as the API server stores them', () => {
    assert.equal(nanos('0.1n'), '1');
    assert.equal(nanos('1.5n'), '2');
    assert.equal(nanos('-0.1n'), '-1');
    assert.equal(nanos('1e-30'), '1');
  });

  it('caps binary quantities at the largest int64 but not decimal ones', () => {
    assert.equal(nanos('16Ei'), (9223372036854775807n * 10n ** 9n).toString());
    assert.equal(nanos('16E'), '16000000000000000000000000000');
  });

  it('keeps huge exponents small instead of expanding them', () => {
    const quantity = parseQuantity('1e2000000000');
    assert.deepEqual(quantity, { mantissa: 1n, scale: 2000000009 });
  });

  it('rejects what the API server rejects', () => {
    for (const text of ['', ' 1', '1 ', '1 Gi', '1gi', '1GB', '1K', '1KI', '1i', '1e', '1e3m', '1k3', '1..5', '1.5.', 'e3', 'Gi', 'abc', '1,5', '0x10', '1_000', 'toString', '1constructor', '1e9999999999']) {
      assert.equal(parseQuantity(text), undefined, JSON.stringify(text));
    }
  });

  it('rejects a lone sign or point, which nobody means as zero', () => {
    for (const text of ['.', '+', '-', '-.']) assert.equal(parseQuantity(text), undefined, text);
  });

  it('rejects values that are not text or finite numbers', () => {
    for (const value of [undefined, null, true, {}, [], Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.equal(parseQuantity(value), undefined, String(value));
    }
  });
});

describe('compareQuantities', () => {
  it('compares across suffixes exactly', () => {
    assert.equal(compare('500m', '1'), -1);
    assert.equal(compare('1Gi', '1000Mi'), 1);
    assert.equal(compare('0.5', '500m'), 0);
    assert.equal(compare('1e3', '1k'), 0);
    assert.equal(compare('1Gi', '1073741824'), 0);
    assert.equal(compare('1Gi', 1073741824), 0);
    assert.equal(compare('1Gi', '1073741825'), -1);
    assert.equal(compare('1G', '1Gi'), -1);
    assert.equal(compare('1024Mi', '1Gi'), 0);
    assert.equal(compare('100n', '0.1u'), 0);
  });

  it('orders signs, zero and magnitudes', () => {
    assert.equal(compare('-1', '0'), -1);
    assert.equal(compare('0', '0m'), 0);
    assert.equal(compare('-0', '0'), 0);
    assert.equal(compare('-2', '-1'), -1);
    assert.equal(compare('-1k', '-999'), -1);
    assert.equal(compare('1e30', '2e30'), -1);
    assert.equal(compare('1e2000000000', '1e1999999999'), 1);
    assert.equal(compare('99', '1e2'), -1);
  });

  it('treats amounts that round to the same billionth as equal', () => {
    assert.equal(compare('0.5n', '1n'), 0);
  });
});
