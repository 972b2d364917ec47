import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OriginMap } from '../../../../server/src/engine/derived/origin-map';
import type { Origin } from '../../../../server/src/engine/helm/go/origin';
import { Rope } from '../../../../server/src/engine/helm/go/rope';

const T = 'file:///c/templates/a.yaml';
const H = 'file:///c/templates/_helpers.tpl';
const V = 'file:///c/values.yaml';
const text = (start: number, end: number): Origin => ({ kind: 'text', span: { uri: T, start, end }, frames: [] });

describe('OriginMap', () => {
  // "name: " from the template, "web" from an action fed by values.yaml, "\n  " added by nindent, "x: 1" literal.
  const action: Origin = { kind: 'action', span: { uri: T, start: 6, end: 26 }, frames: [], value: { uri: V, start: 0, end: 8 } };
  const rope = Rope.concat([Rope.of('name: ', text(0, 6)), Rope.of('web', action), '\n  ', Rope.of('x: 1', text(27, 31))]);
  const map = new OriginMap(rope);

  it('finds the origin of each offset, and none for text nobody wrote', () => {
    assert.equal(map.originAt(0)?.kind, 'text');
    assert.equal(map.originAt(7), action);
    assert.equal(map.originAt(9), undefined);
    assert.deepEqual(
      map.originsIn(3, 8).map((origin) => [origin.kind, origin.span.start, origin.span.end]),
      [['text', 3, 6], ['action', 6, 26]],
    );
  });

  it('places literal text character for character, an action on its whole span, and names the values key', () => {
    assert.deepEqual(map.writtenAt(0, 4), { primary: { uri: T, start: 0, end: 4 }, related: [] });
    assert.deepEqual(map.writtenAt(6, 9), { primary: { uri: T, start: 6, end: 26 }, related: [{ span: { uri: V, start: 0, end: 8 }, message: 'value from values.yaml' }] });
  });

  it('snaps unmapped indentation to the nearest run on its line', () => {
    assert.deepEqual(map.writtenAt(10, 11)?.primary, { uri: T, start: 27, end: 27 + 4 });
    assert.equal(new OriginMap(Rope.concat(['  ', '\n'])).writtenAt(0, 1), undefined);
  });

  it('puts a helper\'s output on the outermost call site, with each helper line on the way', () => {
    const outer = { name: 'outer', callSite: { uri: T, start: 40, end: 60 } };
    const inner = { name: 'inner', callSite: { uri: H, start: 100, end: 120 } };
    const nested = new OriginMap(Rope.of('value', { kind: 'action', span: { uri: H, start: 5, end: 20 }, frames: [outer, inner] }));
    assert.deepEqual(nested.writtenAt(0, 5), {
      primary: outer.callSite,
      related: [
        { span: inner.callSite, message: "in helper 'outer'" },
        { span: { uri: H, start: 5, end: 20 }, message: "in helper 'inner'" },
      ],
    });
  });

  it('narrows a piece cut from a longer literal run to its own characters when it knows the source', () => {
    const source = 'a: 1\nb: 2\n';
    const whole = text(0, source.length);
    const indented = Rope.of(source, whole).indentLines('  ', true);
    const narrowed = new OriginMap(indented, (uri) => (uri === T ? source : undefined));
    const b = indented.text.indexOf('b');
    assert.deepEqual(narrowed.writtenAt(b, b + 1)?.primary, { uri: T, start: 5, end: 6 });
  });
});
