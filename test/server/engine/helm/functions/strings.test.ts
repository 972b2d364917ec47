import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rope } from '../../../../../server/src/engine/helm/go/rope';
import type { Origin } from '../../../../../server/src/engine/helm/go/origin';
import { call, goError, map, ORIGIN, str } from './call';

const VALUE_ORIGIN: Origin = { kind: 'action', span: { uri: 'file:///chart/values.yaml', start: 0, end: 5 }, frames: [] };

describe('string functions', () => {
  it('indents every line, empty ones too, and nindent starts with a line break', () => {
    assert.equal(str(call('indent', 2n, 'a\n\nb')), '  a\n  \n  b');
    assert.equal(str(call('nindent', 4n, 'a\nb')), '\n    a\n    b');
    assert.equal(str(call('indent', 0n, 'x')), 'x');
  });

  it('keeps the origins of the text it indents, trims or quotes', () => {
    const rope = Rope.of('  value  ', VALUE_ORIGIN);
    const indented = call('nindent', 2n, rope) as Rope;
    assert.ok(indented.segments.some((segment) => segment.text === '  value  ' && segment.origin === VALUE_ORIGIN));
    const trimmed = call('trim', rope) as Rope;
    assert.equal(trimmed.text, 'value');
    assert.equal(trimmed.segments[0]!.origin, VALUE_ORIGIN);
    const quoted = call('quote', Rope.of('a"b', VALUE_ORIGIN)) as Rope;
    assert.equal(quoted.text, '"a\\"b"');
    assert.deepEqual(quoted.segments.map((segment) => segment.origin), [ORIGIN, VALUE_ORIGIN, ORIGIN]);
    const cut = call('trunc', 3n, Rope.of('abcdef', VALUE_ORIGIN)) as Rope;
    assert.equal(cut.text, 'abc');
    assert.equal(cut.segments[0]!.origin, VALUE_ORIGIN);
  });

  it('quotes each argument but nil, joined by spaces', () => {
    assert.equal(str(call('quote', 'a', 1, null)), '"a" "1"');
    assert.equal(str(call('quote', null)), '');
    assert.equal(str(call('quote', 'tab\there')), '"tab\\there"');
    assert.equal(str(call('squote', 'it', 8080n)), "'it' '8080'");
    assert.equal(str(call('quote', 1000000)), '"1e+06"');
  });

  it('trims suffixes, prefixes and cut sets', () => {
    assert.equal(call('trimSuffix', '-', 'release-'), 'release');
    assert.equal(call('trimSuffix', '-', 'release'), 'release');
    assert.equal(call('trimPrefix', 'v', 'v1.2'), '1.2');
    assert.equal(call('trimAll', '$', '$5.00$'), '5.00');
    assert.equal(str(call('trim', '  hello \n')), 'hello');
  });

  it('truncates from either end', () => {
    assert.equal(str(call('trunc', 5n, 'hello world')), 'hello');
    assert.equal(str(call('trunc', -5n, 'hello world')), 'world');
    assert.equal(str(call('trunc', 63n, 'short')), 'short');
    assert.equal(str(call('trunc', -20n, 'short')), 'short');
  });

  it('does what Sprig documents for the rest', () => {
    assert.equal(call('upper', 'hello'), 'HELLO');
    assert.equal(call('lower', 'HELLO'), 'hello');
    assert.equal(call('title', 'hello world'), 'Hello World');
    assert.equal(call('untitle', 'Hello World'), 'hello world');
    assert.equal(call('repeat', 3n, 'hello'), 'hellohellohello');
    assert.equal(str(call('substr', 0n, 5n, 'hello world')), 'hello');
    assert.equal(call('nospace', 'hello w o r l d'), 'helloworld');
    assert.equal(call('abbrev', 5n, 'hello world'), 'he...');
    assert.equal(call('initials', 'First Try'), 'FT');
    assert.equal(call('wrap', 5n, 'Hello World'), 'Hello\nWorld');
    assert.equal(call('contains', 'cat', 'catch'), true);
    assert.equal(call('hasPrefix', 'cat', 'catch'), true);
    assert.equal(call('hasSuffix', 'ch', 'catch'), true);
    assert.equal(call('cat', 'hello', 'beautiful', 'world'), 'hello beautiful world');
    assert.equal(call('cat', 'a', null, 2n), 'a 2');
    assert.equal(call('replace', ' ', '-', 'I Am Henry VIII'), 'I-Am-Henry-VIII');
    assert.equal(call('plural', 'one anchovy', 'many anchovies', 2n), 'many anchovies');
    assert.equal(call('plural', 'one anchovy', 'many anchovies', 1n), 'one anchovy');
    assert.equal(call('snakecase', 'FirstName'), 'first_name');
    assert.equal(call('camelcase', 'http_server'), 'HttpServer');
    assert.equal(call('kebabcase', 'FirstName'), 'first-name');
    assert.equal(call('swapcase', 'This Is A.Test'), 'tHIS iS a.tEST');
  });

  it('bounds repeat so a hostile count cannot fill memory', () => {
    assert.throws(() => call('repeat', 100_000_000n, 'abcdefgh'), goError(/more than/));
  });

  it('picks the default for any zero value and returns the given one unchanged', () => {
    assert.equal(call('default', true, false), true);
    assert.equal(call('default', 'd', 0), 'd');
    assert.equal(call('default', 'd', 0n), 'd');
    assert.equal(call('default', 'd', ''), 'd');
    assert.equal(call('default', 'd', null), 'd');
    assert.equal(call('default', 'd'), 'd');
    assert.equal(call('default', 'd', []), 'd');
    assert.equal(call('default', 'd', new Map()), 'd');
    assert.equal(call('default', 'd', 'given'), 'given');
    const rope = Rope.of('kept', VALUE_ORIGIN);
    assert.equal(call('default', 'd', rope), rope);
    const list = [1];
    assert.equal(call('default', [], list), list);
  });

  it('coalesces, ternaries and prints as Go does', () => {
    assert.equal(call('coalesce', null, '', 0, 'x', 'y'), 'x');
    assert.equal(call('coalesce', null, ''), null);
    assert.equal(call('ternary', 'yes', 'no', true), 'yes');
    assert.equal(call('ternary', 'yes', 'no', false), 'no');
    assert.equal(call('toString', null), '<nil>');
    assert.equal(call('toString', 1000000), '1e+06');
    assert.equal(call('toString', 8080), '8080');
    assert.equal(call('toString', map({ b: 1, a: [1, 'x'] })), 'map[a:[1 x] b:1]');
    assert.equal(call('empty', 0), true);
    assert.equal(call('empty', map({ a: 1 })), false);
  });
});

describe('Go string edge cases', () => {
  it('title-cases after any separator and replaces an empty needle as Go does', () => {
    assert.equal(call('title', "it's a-b_c"), "It'S A-B_c");
    assert.equal(call('replace', '', '-', 'ab'), '-a-b-');
  });
});
