import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyDelta } from '../../../../server/src/engine/git/delta';
import { GitError } from '../../../../server/src/engine/git/failure';

const base = new TextEncoder().encode('replicas: 3\nimage: postgres:16\n');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Copy `replicas: ` from the base, insert `5`, copy the rest after the old digit. */
const delta = Uint8Array.from([base.length, base.length, 0x90, 10, 1, ...new TextEncoder().encode('5'), 0x91, 11, base.length - 11]);

it('rebuilds an object from copy and insert runs', () => {
  assert.equal(text(applyDelta(base, delta, 1000)), 'replicas: 5\nimage: postgres:16\n');
});

it('refuses a delta that does not fit its base or copies outside it', () => {
  const failures: [string, Uint8Array, Uint8Array][] = [
    ['another base size', base.subarray(1), delta],
    ['a copy past the base', base, Uint8Array.from([base.length, 4, 0x91, 200, 4])],
    ['fewer bytes than declared', base, Uint8Array.from([base.length, 9, 1, 65])],
    ['the reserved command', base, Uint8Array.from([base.length, 1, 0])],
    ['an insert past the end', base, Uint8Array.from([base.length, 5, 5, 65])],
    ['a size header cut short', base, Uint8Array.from([0x80])],
  ];
  for (const [name, from, bad] of failures) {
    assert.throws(() => applyDelta(from, bad, 1000), (error) => error instanceof GitError && error.kind === 'corrupt', name);
  }
});

it('refuses to build an object over the limit before allocating it', () => {
  const huge = Uint8Array.from([base.length, 0x80, 0x80, 0x80, 0x80, 0x08]);
  assert.throws(() => applyDelta(base, huge, 1000), (error) => error instanceof GitError && error.kind === 'too-large');
});
