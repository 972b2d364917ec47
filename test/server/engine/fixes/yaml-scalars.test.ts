import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { doubleQuoted, literalBlock, plainOrQuoted, readsBackAs, singleQuoted } from '../../../../server/src/engine/fixes/yaml-scalars';

/** Characters that YAML readers treat specially somewhere: breaks, quotes, escapes, indicators. */
const TRICKY = fc.constantFrom('\n', '\r', '\t', ' ', '"', "'", '\\', '#', ':', '-', '{', '}', '[', ']', '&', '*', '!', '|', '>', '%', '@', '`', '\u0085', '\u2028', '\u2029', '\ufeff', '\u0000', '\u007f', 'é', '😀');
const text = fc.string({ unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), TRICKY), maxLength: 40 });

describe('YAML scalars that read back as the same string', () => {
  it('double-quotes any string, including binary ones', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (value) => readsBackAs(doubleQuoted(value), value)), { numRuns: 300 });
  });

  it('writes a literal block only when it reads back, with the chomping the value needs', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('  ', '    '), fc.constantFrom('\n', '\r\n'), (value, indent, eol) => {
        const block = literalBlock(value, indent, eol);
        return block === undefined || readsBackAs(block, value);
      }),
      { numRuns: 300 },
    );
    assert.equal(literalBlock('a\nb', '  ', '\n'), '|-\n  a\n  b');
    assert.equal(literalBlock('a\nb\n', '  ', '\n'), '|\n  a\n  b');
    assert.equal(literalBlock('a\n\n', '  ', '\n'), '|+\n  a\n');
    assert.equal(literalBlock(' indented\nfirst line', '  ', '\n'), undefined);
    assert.equal(literalBlock('one line', '  ', '\n'), undefined);
  });

  it('leaves names plain, and quotes what YAML 1.1 or 1.2 would read as something else', () => {
    assert.equal(plainOrQuoted('orders-db'), 'orders-db');
    assert.equal(plainOrQuoted('app.kubernetes.io/name'), 'app.kubernetes.io/name');
    for (const value of ['yes', 'on', 'true', '0755', '1e3', '~', 'null', '', '2024-01-01', 'a b', 'x: y']) {
      assert.equal(plainOrQuoted(value), JSON.stringify(value));
    }
    fc.assert(fc.property(text, (value) => readsBackAs(plainOrQuoted(value), value)), { numRuns: 200 });
  });

  it('single-quotes only what single quotes can hold', () => {
    assert.equal(singleQuoted("it's"), "'it''s'");
    assert.equal(singleQuoted('two\nlines'), undefined);
  });
});
