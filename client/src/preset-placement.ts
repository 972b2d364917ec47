/**
 * Where a multi-document preset goes in a YAML file, and the `---` separators that keep it,
 * and the documents around it, whole. It goes at the cursor when the cursor is on an empty
 * line between documents (or before or after them all); inside a document it would split
 * that document in two, so it then goes at the end of the file.
 */
export type Placement =
  | { kind: 'replace-all' }
  | { kind: 'at-line'; line: number; before: string; after: string }
  | { kind: 'at-end'; before: string };

const SEPARATOR = /^(---|\.\.\.)(\s|$)/;
const blank = (line: string) => line.trim() === '';
const comment = (line: string) => line.trimStart().startsWith('#');

type Neighbour = 'none' | 'separator' | 'content';

/** The first line that is neither blank nor a comment, going up or down from a line. */
function neighbour(lines: readonly string[], from: number, step: -1 | 1): Neighbour {
  for (let index = from + step; index >= 0 && index < lines.length; index += step) {
    const line = lines[index];
    if (SEPARATOR.test(line)) return 'separator';
    if (!blank(line) && !comment(line)) return 'content';
  }
  return 'none';
}

export function placePreset(lines: readonly string[], cursorLine: number): Placement {
  if (lines.every(blank)) return { kind: 'replace-all' };
  if (blank(lines[cursorLine] ?? '')) {
    const above = neighbour(lines, cursorLine, -1);
    const below = neighbour(lines, cursorLine, 1);
    if (above !== 'content' || below !== 'content') {
      const lastLine = cursorLine === lines.length - 1;
      return {
        kind: 'at-line',
        line: cursorLine,
        before: above === 'content' ? '---\n' : '',
        // The file keeps ending with a line break.
        after: below === 'content' ? '\n---' : lastLine ? '\n' : '',
      };
    }
  }
  const last = lines[lines.length - 1];
  const endsWithSeparator = neighbour(lines, lines.length, -1) === 'separator';
  return { kind: 'at-end', before: `${blank(last) ? '' : '\n'}${endsWithSeparator ? '' : '---\n'}` };
}
