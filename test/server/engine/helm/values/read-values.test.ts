import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readValues } from '../../../../../server/src/engine/helm/values/read-values';
import { entrySource } from '../../../../../server/src/engine/helm/go/values';

describe('readValues', () => {
  it('reads YAML 1.1 booleans, octal and float64 numbers as yaml.v2 does', () => {
    const { values, problems } = readValues('file:///v.yaml', 'on: x\nl: [x, y, n, yes, off]\np: 0777\nb: 12345678901234567890\nport: 8080\nd: 2020-01-01\n');
    assert.deepEqual(problems, []);
    assert.equal(values.get('true'), 'x');
    assert.deepEqual(values.get('l'), ['x', true, false, true, false]);
    assert.equal(values.get('p'), 511);
    assert.equal(values.get('b'), 12345678901234567890);
    assert.equal(typeof values.get('port'), 'number');
    assert.equal(values.get('d'), '2020-01-01');
  });

  it('records where each entry was written, from the key to the end of the value', () => {
    const text = 'a:\n  b: 1\nlist:\n  - x\n';
    const { values } = readValues('file:///v.yaml', text);
    const span = entrySource(values.get('a')!, 'b')!;
    assert.equal(text.slice(span.start, span.end), 'b: 1');
    assert.equal(text.slice(entrySource(values.get('list')!, 0)!.start, entrySource(values.get('list')!, 0)!.end), 'x');
    assert.equal(span.uri, 'file:///v.yaml');
  });

  it('expands aliases and merge keys', () => {
    const { values } = readValues('u', 'base: &b {x: 1, z: 2}\nother:\n  <<: *b\n  z: 3\n');
    assert.deepEqual(values.get('other'), new Map<string, unknown>([['z', 3], ['x', 1]]));
  });

  it('gives a problem with a position for bad YAML, without throwing', () => {
    const { values, problems } = readValues('u', 'a: [1, 2\nb: c\n');
    assert.equal(values.size, 0);
    assert.ok(problems.length > 0);
    assert.equal(typeof problems[0]!.start, 'number');
  });

  it('reads the first document of a stream, as yaml.v2 does', () => {
    const { values, problems } = readValues('u', 'a: 1\n---\nb: [\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(values, new Map([['a', 1]]));
  });

  it('reads an empty file as an empty map', () => {
    assert.equal(readValues('u', '# nothing\n').values.size, 0);
  });
});
