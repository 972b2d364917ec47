import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toFloat64, toInt64 } from '../../../../../server/src/engine/helm/go/convert';
import { call, goError } from './call';

describe('casts', () => {
  it('converts as spf13/cast does', () => {
    assert.equal(call('int', '08'), 0n);
    assert.equal(call('int', '0x10'), 16n);
    assert.equal(call('int', '010'), 8n);
    assert.equal(call('int', 3.9), 3n);
    assert.equal(call('int', -3.9), -3n);
    assert.equal(call('int', '42'), 42n);
    assert.equal(call('int', '8.0'), 8n);
    assert.equal(call('int', 'abc'), 0n);
    assert.equal(call('int', null), 0n);
    assert.equal(call('int', true), 1n);
    assert.equal(call('int64', 8080), 8080n);
    assert.equal(call('float64', '1.5'), 1.5);
    assert.equal(call('float64', 2n), 2);
    assert.equal(call('float64', 'x'), 0);
    assert.equal(call('atoi', '12'), 12n);
    assert.equal(call('atoi', '0x10'), 0n);
    assert.equal(call('toDecimal', '0777'), 511n);
    assert.equal(toInt64('-0b101'), -5n);
    assert.equal(toFloat64('1e3'), 1000);
  });
});

describe('math', () => {
  it('does int64 arithmetic on anything cast accepts', () => {
    assert.equal(call('add', 1n, 2, '3'), 6n);
    assert.equal(call('add1', 8080), 8081n);
    assert.equal(call('sub', 5n, 7n), -2n);
    assert.equal(call('mul', 2n, 3n, 4), 24n);
    assert.equal(call('div', 7n, 2n), 3n);
    assert.equal(call('div', -7n, 2n), -3n);
    assert.equal(call('mod', -7n, 3n), -1n);
    assert.equal(call('max', 1n, 5, 3n), 5n);
    assert.equal(call('min', 4n, 2n, 3n), 2n);
    assert.throws(() => call('div', 1n, 0n), goError(/divide by zero/));
  });

  it('does float math', () => {
    assert.equal(call('addf', 1.5, 2n), 3.5);
    assert.equal(call('mulf', 1.5, 2), 3);
    assert.equal(call('divf', 1, 4), 0.25);
    assert.equal(call('subf', 5, 1.5), 3.5);
    assert.equal(call('floor', 123.9999), 123);
    assert.equal(call('ceil', 123.001), 124);
    assert.equal(call('round', 123.555555, 3n), 123.556);
    assert.equal(call('round', 123.5, 0n), 124);
    assert.equal(call('maxf', 1, 2.5), 2.5);
  });
});
