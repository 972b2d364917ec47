import type { Origin, SourceSpan } from '../helm/go/origin';
import type { Rope } from '../helm/go/rope';

/** A run of output, by offsets, and where it was written. */
interface Entry {
  readonly start: number;
  readonly end: number;
  readonly origin: Origin;
}

/** A location a finding on output also points to, with what it is. */
export interface RelatedSpan {
  readonly span: SourceSpan;
  readonly message: string;
}

/** A stretch of output by offsets. */
export interface OutputStretch {
  readonly start: number;
  readonly end: number;
}

/** Where a range of output was written, as a user should be shown it. */
export interface WrittenAt {
  /** The line of the template that wrote it, or that called the helper that did. */
  readonly primary: SourceSpan;
  /** The helper lines on the way, then the values keys that gave the text, then the kustomization entries that changed it. */
  readonly related: readonly RelatedSpan[];
}

/**
 * The offsets of a rendered template's output, indexed by the template, helper or values span
 * that wrote them. Entries are in output order and never overlap, so lookups are binary searches.
 */
export class OriginMap {
  private readonly entries: Entry[] = [];
  /** Offsets where each output line starts, to keep a fallback lookup on the finding's line. */
  private readonly lineStarts: number[] = [0];

  /**
   * `sourceText` gives the text of the files origins point into, when known: a piece of literal
   * text that `indent` or a slice cut out of a longer run still names the whole run, and is
   * narrowed to its own characters there, so that each output line maps to its template line.
   */
  constructor(output: Rope, sourceText: (uri: string) => string | undefined = () => undefined) {
    let offset = 0;
    const searchFrom = new Map<Origin, number>();
    for (const segment of output.segments) {
      const end = offset + segment.text.length;
      if (segment.origin && end > offset) this.entries.push({ start: offset, end, origin: narrowed(segment.text, segment.origin, sourceText, searchFrom) });
      for (let i = segment.text.indexOf('\n'); i >= 0; i = segment.text.indexOf('\n', i + 1)) this.lineStarts.push(offset + i + 1);
      offset = end;
    }
  }

  /** The origin of the character at `offset`; none for text no template wrote (indentation `nindent` added). */
  originAt(offset: number): Origin | undefined {
    const index = this.firstEndingAfter(offset);
    const entry = this.entries[index];
    return entry && entry.start <= offset ? entry.origin : undefined;
  }

  /** The origins of the characters from `start` to `end`, in output order. */
  originsIn(start: number, end: number): Origin[] {
    const found: Origin[] = [];
    const last = Math.max(end, start + 1);
    for (let index = this.firstEndingAfter(start); index < this.entries.length && this.entries[index].start < last; index++) {
      found.push(clipped(this.entries[index], start, last));
    }
    return found;
  }

  /**
   * Where the output from `start` to `end` was written. Output of a helper is shown on the line
   * of the calling template, since that is the file being checked; the helper lines and the values
   * keys come as related locations. Unmapped output takes the nearest mapped run on its line.
   */
  writtenAt(start: number, end: number): WrittenAt | undefined {
    let origins = this.originsIn(start, end);
    if (origins.length === 0) {
      const nearest = this.nearestOnLine(start);
      origins = nearest ? [nearest] : [];
    }
    if (origins.length === 0) return undefined;
    const primaries = origins.map(primaryOf);
    const first = primaries[0];
    const sameFile = primaries.filter((span) => span.uri === first.uri);
    const primary: SourceSpan = {
      uri: first.uri,
      start: Math.min(...sameFile.map((span) => span.start)),
      end: Math.max(...sameFile.map((span) => span.end)),
    };
    const related: RelatedSpan[] = [];
    const seen = new Set<string>();
    const add = (span: SourceSpan, message: string) => {
      const key = `${span.uri}:${span.start}:${span.end}:${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      related.push({ span, message });
    };
    for (const origin of origins) {
      // Frame i calls frame i+1's template from inside frame i's helper; the origin's own span is in the last one.
      origin.frames.forEach((frame, index) => {
        const inside = index + 1 < origin.frames.length ? origin.frames[index + 1].callSite : origin.span;
        add(inside, `in helper '${frame.name}'`);
      });
    }
    for (const origin of origins) if (origin.value) add(origin.value, `value from ${baseName(origin.value.uri)}`);
    for (const origin of origins) for (const step of origin.via ?? []) add(step.span, step.message);
    return { primary, related };
  }

  /**
   * The output that the source character at `offset` of `uri` wrote, directly or through the
   * helpers it called: its literal text, its action's result, or an `include`'s whole output.
   * Runs that follow each other with only unmapped text between (indentation `nindent` added)
   * make one stretch; a range loop or a helper used from several places gives several.
   */
  stretchesWrittenBy(uri: string, offset: number): OutputStretch[] {
    const stretches: OutputStretch[] = [];
    let current: { start: number; end: number } | undefined;
    for (const entry of this.entries) {
      if (wrote(entry.origin, uri, offset)) {
        if (current) current.end = entry.end;
        else current = { start: entry.start, end: entry.end };
      } else if (current) {
        stretches.push(current);
        current = undefined;
      }
    }
    if (current) stretches.push(current);
    return stretches;
  }

  /** Whether any output was written from the part of `uri` between `start` and `end`. */
  writesWithin(uri: string, start: number, end: number): boolean {
    const within = (span: SourceSpan) => span.uri === uri && span.start >= start && span.start < end;
    return this.entries.some(({ origin }) => within(origin.span) || origin.frames.some((frame) => within(frame.callSite)));
  }

  /**
   * Where the literal template text at `offset` of `uri` was first copied to in the output,
   * character for character; undefined when no run copies it there.
   */
  outputOffsetOf(uri: string, offset: number): number | undefined {
    for (const { start, end, origin } of this.entries) {
      const { span } = origin;
      if (origin.kind !== 'text' || origin.frames.length > 0 || span.uri !== uri) continue;
      if (span.end - span.start === end - start && offset >= span.start && offset < span.end) return start + offset - span.start;
    }
    return undefined;
  }

  /** Index of the first entry ending after `offset`. */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.entries[middle].end <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The mapped run on the same output line closest to `offset`. */
  private nearestOnLine(offset: number): Origin | undefined {
    const line = this.lineOf(offset);
    const lineStart = this.lineStarts[line];
    const lineEnd = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : Infinity;
    const after = this.entries[this.firstEndingAfter(offset)];
    const before = this.entries[this.firstEndingAfter(offset) - 1];
    const candidates = [after, before].filter((entry): entry is Entry => entry !== undefined && entry.start < lineEnd && entry.end > lineStart);
    candidates.sort((a, b) => distance(a, offset) - distance(b, offset));
    return candidates[0]?.origin;
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * Literal text copied as it is maps character for character: the part of the output from
 * `start` to `end` came from the same part of the span.
 */
function clipped(entry: Entry, start: number, end: number): Origin {
  const { origin } = entry;
  if (origin.kind !== 'text' || origin.span.end - origin.span.start !== entry.end - entry.start) return origin;
  const from = Math.max(start, entry.start) - entry.start;
  const to = Math.min(end, entry.end) - entry.start;
  return { ...origin, span: { uri: origin.span.uri, start: origin.span.start + from, end: origin.span.start + to } };
}

/** A literal piece's origin cut down to where its text lies in the span, searching on from the previous piece. */
function narrowed(text: string, origin: Origin, sourceText: (uri: string) => string | undefined, searchFrom: Map<Origin, number>): Origin {
  const { span } = origin;
  if (origin.kind !== 'text' || span.end - span.start === text.length) return origin;
  const source = sourceText(span.uri);
  const found = source?.indexOf(text, searchFrom.get(origin) ?? span.start) ?? -1;
  if (found < 0 || found + text.length > span.end) return origin;
  searchFrom.set(origin, found + text.length);
  return { ...origin, span: { uri: span.uri, start: found, end: found + text.length } };
}

/** The outermost call site for a helper's output, else the span that wrote it. */
function primaryOf(origin: Origin): SourceSpan {
  return origin.frames.length > 0 ? origin.frames[0].callSite : origin.span;
}

/** Whether the source character at `offset` of `uri` wrote a run: as its own text or action, or as a call on the way to it. */
function wrote(origin: Origin, uri: string, offset: number): boolean {
  const holds = (span: SourceSpan) => span.uri === uri && offset >= span.start && offset < span.end;
  return holds(origin.span) || origin.frames.some((frame) => holds(frame.callSite));
}

function distance(entry: Entry, offset: number): number {
  return offset < entry.start ? entry.start - offset : offset >= entry.end ? offset - entry.end + 1 : 0;
}

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
