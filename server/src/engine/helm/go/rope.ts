import type { Origin } from './origin';

/** A run of output text and, when known, where it was written. */
export interface Segment {
  readonly text: string;
  readonly origin: Origin | undefined;
}

/**
 * Text built from pieces that remember their origin. Template output, `include` results and
 * the strings that pass through `nindent`, `quote` or `toYaml` are ropes, so that every byte
 * of a rendered manifest can be traced back to the template or values line that wrote it.
 */
export class Rope {
  private flat: string | undefined;

  constructor(readonly segments: readonly Segment[]) {}

  static of(text: string, origin?: Origin): Rope {
    return new Rope(text === '' ? [] : [{ text, origin }]);
  }

  static concat(parts: readonly (Rope | string)[]): Rope {
    const segments: Segment[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        if (part !== '') segments.push({ text: part, origin: undefined });
      } else segments.push(...part.segments);
    }
    return new Rope(segments);
  }

  get text(): string {
    this.flat ??= this.segments.map((segment) => segment.text).join('');
    return this.flat;
  }

  get length(): number {
    return this.text.length;
  }

  toString(): string {
    return this.text;
  }

  /** The same text with every segment's origin replaced by `origin` where it had none. */
  withDefaultOrigin(origin: Origin): Rope {
    return new Rope(this.segments.map((segment) => (segment.origin ? segment : { text: segment.text, origin })));
  }

  /** The characters from `start` to `end`, keeping each piece's origin. */
  slice(start: number, end = this.length): Rope {
    const segments: Segment[] = [];
    let offset = 0;
    for (const segment of this.segments) {
      const from = Math.max(start - offset, 0);
      const to = Math.min(end - offset, segment.text.length);
      if (from < to) segments.push(from === 0 && to === segment.text.length ? segment : { text: segment.text.slice(from, to), origin: segment.origin });
      offset += segment.text.length;
      if (offset >= end) break;
    }
    return new Rope(segments);
  }

  /**
   * Inserts `text` after every line break and, when `atStart`, before the first line too,
   * as `indent` does, without touching the origins of the lines themselves.
   */
  indentLines(prefix: string, atStart: boolean): Rope {
    const segments: Segment[] = atStart && prefix !== '' ? [{ text: prefix, origin: undefined }] : [];
    for (const segment of this.segments) {
      const lines = segment.text.split('\n');
      lines.forEach((line, index) => {
        if (index > 0) segments.push({ text: '\n' + prefix, origin: undefined });
        if (line !== '') segments.push({ text: line, origin: segment.origin });
      });
    }
    return new Rope(segments);
  }

  /** Replaces every occurrence of `needle` with nothing, keeping origins (Helm drops `<no value>`). */
  without(needle: string): Rope {
    if (!this.text.includes(needle)) return this;
    const kept: Segment[] = [];
    const text = this.text;
    let position = 0;
    for (let found = text.indexOf(needle); found >= 0; found = text.indexOf(needle, found + needle.length)) {
      kept.push(...this.slice(position, found).segments);
      position = found + needle.length;
    }
    kept.push(...this.slice(position).segments);
    return new Rope(kept);
  }
}

/** The plain text of a string that may be a rope. */
export function textOf(value: string | Rope): string {
  return typeof value === 'string' ? value : value.text;
}
