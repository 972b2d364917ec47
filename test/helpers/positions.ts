import type { Position } from '../../server/src/engine/types';

/** Where the `occurrence`-th (from 0) `needle` of a text starts, moved right by `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, occurrence = 0): Position {
  let offset = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
  }
  offset += shift;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** A text written with a `‸` where the cursor is: the text without it, and the cursor's position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('‸');
  if (offset < 0 || marked.indexOf('‸', offset + 1) >= 0) throw new Error('mark the cursor with exactly one ‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: positionOf(text.slice(0, offset) + '\u0000', '\u0000') };
}
