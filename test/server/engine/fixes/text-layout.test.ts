import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextLayout } from '../../../../server/src/engine/fixes/text-layout';

describe('text layout', () => {
  it('maps offsets and positions, a CR belonging to its line', () => {
    const layout = new TextLayout('a: 1\r\nbb: 2\r\n');
    assert.deepEqual(layout.positionAt(7), { line: 1, character: 1 });
    assert.equal(layout.offsetAt({ line: 1, character: 1 }), 7);
    assert.equal(layout.offsetAt({ line: 1, character: 99 }), 11, 'clamped before the line break');
    assert.equal(layout.line(1), 'bb: 2');
    assert.equal(layout.eolAt(0), '\r\n');
    assert.equal(new TextLayout('a: 1').eolAt(0), '\n');
  });

  it('reads the indent unit near a line, ignoring list dashes and siblings', () => {
    const twoAndFour = 'a:\n  b: 1\n---\nc:\n    d:\n        e: 1\n    f:\n    g: 2\n';
    const layout = new TextLayout(twoAndFour);
    assert.equal(layout.indentUnitAt(1), 2);
    assert.equal(layout.indentUnitAt(7), 4);
    assert.equal(new TextLayout('env:\n- name: A\n  value: b\n').indentUnitAt(1), 2, 'the default when nothing nests');
  });

  it('tells whether list items sit deeper than their key', () => {
    assert.equal(new TextLayout('env:\n  - name: A\n').indentsSequencesAt(0), true);
    assert.equal(new TextLayout('env:\n- name: A\n').indentsSequencesAt(0), false);
    assert.equal(new TextLayout('a: 1\n').indentsSequencesAt(0), true);
  });
});
