import type { Position, Range } from '../types';

/** A key that opens a block on the next lines (`spec:`, `- name:`), with an optional comment. */
const OPENING_KEY = /^(\s*(?:-\s+)*)[^\s#-][^#]*?:\s*(?:#.*)?$/;
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;
const DEFAULT_INDENT_UNIT = 2;
/**
 * How many lines either side are searched for an example of nesting. A fix moving every entry
 * of a long list asks once per entry, and searching the whole file each time is quadratic.
 */
const NESTING_SEARCH_LINES = 200;

/** An opening key's first content line below it, and how much deeper that line starts. */
interface Nesting {
  child: string;
  delta: number;
}

/**
 * Lines, offsets and the writing habits of one text (line ending, indent unit, whether list
 * items are indented below their key), so that inserted YAML looks as if the author wrote it.
 */
export class TextLayout {
  private readonly starts: number[] = [0];
  private readonly lines: string[];
  /** Each line's nesting once computed: a fix moving every entry of a long list asks about the same lines again and again. */
  private readonly nestings: (Nesting | null | undefined)[] = [];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.lines = this.starts.map((start, index) => text.slice(start, this.lineEnd(index)));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** A line's text, without its line break. */
  line(index: number): string {
    return this.lines[index] ?? '';
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }

  /** Offset of the end of a line's content, before `\n` or `\r\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.lineStart(line) && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    const line = this.lineOf(clamped);
    // Inside a `\r\n`, or after a final `\r`, is inside the line break for editors: use the line's end.
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(position.character, 0), this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Column of an offset within its line. */
  columnOf(offset: number): number {
    return offset - this.lineStart(this.lineOf(offset));
  }

  /** The leading spaces and tabs of a line. */
  indentOf(line: number): string {
    return /^[ \t]*/.exec(this.line(line))?.[0] ?? '';
  }

  /** The line break used at a line, else the first one of the text, else `\n`. */
  eolAt(line = 0): string {
    const end = this.lineEnd(line);
    if (end < this.text.length) return this.text[end] === '\r' ? '\r\n' : '\n';
    const first = this.text.indexOf('\n');
    return first > 0 && this.text[first - 1] === '\r' ? '\r\n' : '\n';
  }

  /** Whether the text ends with a line break. */
  get endsWithEol(): boolean {
    return this.text.endsWith('\n');
  }

  /** How far a nested mapping is indented, judged from the nearest place where one is. */
  indentUnitAt(line: number): number {
    return this.nearestNesting(line, (child, delta) => delta > 0 && !/^-(\s|$)/.test(child))?.delta ?? DEFAULT_INDENT_UNIT;
  }

  /** Whether list items sit deeper than their key (`env:\n  - name`), judged nearby; they usually do. */
  indentsSequencesAt(line: number): boolean {
    const nesting = this.nearestNesting(line, (child) => /^-(\s|$)/.test(child));
    return nesting === undefined || nesting.delta > 0;
  }

  /**
   * The opening key nearest to `line` whose next content line satisfies `accept`, with how
   * much deeper that line starts than the key.
   */
  private nearestNesting(line: number, accept: (child: string, delta: number) => boolean): { delta: number } | undefined {
    for (let distance = 0; distance < Math.min(this.lines.length, NESTING_SEARCH_LINES); distance++) {
      for (const candidate of distance === 0 ? [line] : [line - distance, line + distance]) {
        if (candidate < 0 || candidate >= this.lines.length) continue;
        const found = this.nestingAt(candidate, accept);
        if (found) return found;
      }
    }
    return undefined;
  }

  private nestingAt(line: number, accept: (child: string, delta: number) => boolean): { delta: number } | undefined {
    if (this.nestings[line] === undefined) this.nestings[line] = this.nestingBelow(line);
    const nesting = this.nestings[line];
    return nesting && accept(nesting.child, nesting.delta) ? { delta: nesting.delta } : undefined;
  }

  /** The content line below an opening key, and how much deeper it starts; null for other lines. */
  private nestingBelow(line: number): Nesting | null {
    const opening = OPENING_KEY.exec(this.lines[line]);
    if (!opening || /^\s*-\s*$/.test(this.lines[line])) return null;
    let next = line + 1;
    while (next < this.lines.length && BLANK_OR_COMMENT.test(this.lines[next])) next++;
    if (next >= this.lines.length) return null;
    const child = this.lines[next].trimStart();
    const childIndent = this.lines[next].length - child.length;
    const keyColumn = opening[1].length;
    const delta = childIndent - keyColumn;
    if (delta < 0 || /\t/.test(this.indentOf(next))) return null;
    return { child, delta };
  }
}
