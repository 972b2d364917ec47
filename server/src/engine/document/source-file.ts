import { LineCounter } from 'yaml';
import { documentSpans } from './document-spans';
import { ParsedDocument } from './parsed-document';
import { lightValue } from './light-scan';
import { ownCopy, utf8Length } from './portable-text';
import { objectsOf, type PlainObject, type Resource } from './resource';
import type { Range } from '../types';

/**
 * The text of a file the host knew from an earlier session, read only when a check or a request
 * needs it. The engine reads no disk: the host does, as it likes.
 */
export interface DeferredText {
  read(): string;
}

/** Files above this size are not parsed: editing a huge generated file must stay responsive. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface YamlProblem {
  code: string;
  message: string;
  range: Range;
  /** Start and end offsets in the text. */
  span: [number, number];
}

/**
 * A file that is not read as YAML: too large, a templated manifest outside any chart (reported
 * once), or a template of a chart (checked through its rendered output instead, so silent).
 */
export type SkipReason = { kind: 'too-large'; bytes: number } | { kind: 'helm-template'; range: Range } | { kind: 'chart-template' };

/**
 * What a file is to the workspace. `chart-template`: under a chart's `templates/`, or a `.tpl`.
 * `rendered`: a chart template's output, which is plain YAML even where a value holds `{{`.
 */
export type FileRole = 'plain' | 'chart-template' | 'rendered';

/** What parsing a file gives. */
interface Contents {
  resources: Resource[];
  syntaxProblems: YamlProblem[];
  documents: ParsedDocument[];
}

/**
 * One YAML file: its documents with source positions, the Kubernetes resources found in them,
 * and the syntax problems met on the way. Made from the previous version of the same file, it
 * parses only the documents whose text changed and takes the others over, objects included.
 */
export class SourceFile {
  readonly skipped: SkipReason | undefined;
  /** Objects taken over from the previous version whose document now starts on another line. */
  readonly movedResources: Resource[] = [];
  /**
   * For a file read by the light index, its objects' content, in the order its documents
   * will give them when parsed; undefined once it was parsed at creation.
   */
  readonly lightObjects: PlainObject[] | undefined;
  /** Neither read nor parsed: the host knows what its objects give and take from an earlier reading of this text. */
  private readonly known: boolean = false;
  private parsed: Contents | undefined;
  private readonly lineCounter = new LineCounter();

  /** The text, once read: a deferred one is read when first needed. */
  private loadedText: string | undefined;
  private deferred: DeferredText | undefined;

  constructor(
    readonly uri: string,
    /** The text, or for a file the host knows (`light` is `known`), a way to read it when a check needs it. */
    text: string | DeferredText,
    /** Size on disk, when the caller knows it is too large and did not read the text. */
    oversizedBytes?: number,
    /** The file's previous version, whose unchanged documents this one takes over; it must not be used after. */
    previous?: SourceFile,
    readonly role: FileRole = 'plain',
    /**
     * Whether to read only the objects' content for now (see `light-scan.ts`), and parse when
     * asked; `known` reads nothing now, for a host that kept the objects' keys from before.
     */
    light: boolean | 'known' = false,
  ) {
    if (typeof text !== 'string' && light === 'known') {
      // What the host kept of this text says it is neither too large nor a template: nothing to read now.
      this.deferred = text;
      this.known = true;
      return;
    }
    this.loadedText = typeof text === 'string' ? text : text.read();
    const bytes = oversizedBytes ?? utf8Length(this.loadedText);
    if (oversizedBytes !== undefined || bytes > MAX_FILE_BYTES) {
      this.skipped = { kind: 'too-large', bytes };
      return;
    }
    this.countLines();
    if (role === 'chart-template') {
      // Its text stays, with line starts, so that findings of its output can be placed on it.
      this.skipped = { kind: 'chart-template' };
      return;
    }
    const marker = role === 'rendered' ? -1 : helmMarker(this.loadedText);
    this.skipped = marker >= 0 ? { kind: 'helm-template', range: this.rangeOf(marker, marker + 2) } : undefined;
    if (this.skipped) return;
    this.known = light === 'known';
    if (this.known) return;
    this.lightObjects = light ? lightObjectsOf(this.loadedText) : undefined;
    if (this.lightObjects) return;
    this.parsed = this.parse(previous?.isParsed && !previous.skipped && previous.role === role ? previous : undefined);
  }

  get text(): string {
    if (this.loadedText === undefined) {
      this.loadedText = this.deferred?.read() ?? '';
      this.deferred = undefined;
      this.countLines();
    }
    return this.loadedText;
  }

  /** Whether this is the file's text; a deferred text not read yet is taken as another, since the file may have changed since. */
  hasText(text: string): boolean {
    return this.loadedText === text;
  }

  get resources(): Resource[] {
    return this.contents().resources;
  }

  get syntaxProblems(): YamlProblem[] {
    return this.contents().syntaxProblems;
  }

  get documents(): ParsedDocument[] {
    return this.contents().documents;
  }

  /** Whether the documents were parsed: a file read by the light index is parsed when first asked for them. */
  get isParsed(): boolean {
    return !this.isLight || this.parsed !== undefined;
  }

  /** Whether it was made to be parsed only when asked: read by the light reader, or known to the host. */
  get isLight(): boolean {
    return this.known || this.lightObjects !== undefined;
  }

  /** Whether its objects' keys are the host's to give, from an earlier reading of the same text. */
  get isKnown(): boolean {
    return this.known;
  }

  /** The objects of a parsed file; none, without parsing, for a file read by the light index only. */
  get parsedResources(): Resource[] {
    return this.isParsed ? this.resources : [];
  }

  private contents(): Contents {
    // A skipped file holds nothing; a light one is parsed now.
    this.parsed ??= this.isLight ? this.parse(undefined) : { resources: [], syntaxProblems: [], documents: [] };
    return this.parsed;
  }

  private parse(previous: SourceFile | undefined): Contents {
    const text = this.text;
    const resources: Resource[] = [];
    const syntaxProblems: YamlProblem[] = [];
    const documents: ParsedDocument[] = [];
    const unchanged = previous ? unchangedDocuments(previous, text) : undefined;
    for (const [start, end] of documentSpans(text)) {
      const kept = unchanged?.(start, end);
      if (kept) {
        const line = kept.startLine;
        kept.moveTo(this, start);
        if (kept.startLine !== line) this.movedResources.push(...kept.resources);
      }
      // A new document is parsed from a copy of its text: nodes keep slices of what they were
      // parsed from, and a slice of the whole text would keep every old version of a large file alive.
      const document = kept ?? new ParsedDocument(this, unchanged ? ownCopy(text.slice(start, end)) : text.slice(start, end), start);
      documents.push(document);
      resources.push(...document.resources);
      for (const problem of document.syntaxProblems()) syntaxProblems.push({ ...problem, range: this.rangeOf(...problem.span) });
    }
    return { resources, syntaxProblems, documents };
  }

  /** The document holding an offset; none in a file that is not read. */
  documentAt(offset: number): ParsedDocument | undefined {
    return this.lastDocumentWhere((document) => document.start <= offset);
  }

  /** The document holding a zero-based line. */
  documentAtLine(line: number): ParsedDocument | undefined {
    return this.lastDocumentWhere((document) => document.startLine <= line);
  }

  /** The last document that `startsBefore` holds for, by binary search: documents are in order. */
  private lastDocumentWhere(startsBefore: (document: ParsedDocument) => boolean): ParsedDocument | undefined {
    let low = 0;
    let high = this.documents.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (startsBefore(this.documents[middle])) low = middle;
      else high = middle - 1;
    }
    return this.documents[low];
  }

  /** The range of a span of the text, without the line breaks and spaces that end some nodes' spans. */
  rangeOf(start: number, end: number): Range {
    let last = Math.max(start, end);
    while (last > start && /\s/.test(this.text[last - 1])) last--;
    return { start: this.positionAt(start), end: this.positionAt(last) };
  }

  /** The offset of a position, clamped to its line and to the text. */
  offsetAt(position: Range['start']): number {
    const starts = this.lines.lineStarts;
    if (position.line < 0 || starts.length === 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(starts[position.line] + Math.max(position.character, 0), lineEnd);
  }

  positionAt(offset: number): Range['start'] {
    let clamped = Math.min(Math.max(offset, 0), this.text.length);
    // Between `\r` and `\n`, or after a final `\r`, is inside a line break for editors: step before it.
    if (this.text[clamped - 1] === '\r' && (clamped === this.text.length || this.text[clamped] === '\n')) clamped--;
    const { line, col } = this.lines.linePos(clamped);
    // Line 0 means the counter saw no line start before this offset: it is on the first line.
    return line === 0 ? { line: 0, character: clamped } : { line: line - 1, character: col - 1 };
  }

  /** The line starts, counted when the text is read. */
  private get lines(): LineCounter {
    void this.text;
    return this.lineCounter;
  }

  /**
   * Line starts come from the text rather than from the parser, which does not report the line
   * breaks inside a token it rejects: every position after one would be on the wrong line.
   */
  private countLines(): void {
    this.lineCounter.addNewLine(0);
    for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineCounter.addNewLine(i + 1);
  }
}

/** The objects of every document, read by the light reader; undefined when it declines any document. */
function lightObjectsOf(text: string): PlainObject[] | undefined {
  const objects: PlainObject[] = [];
  for (const [start, end] of documentSpans(text)) {
    const read = lightValue(text.slice(start, end));
    if (!read) return undefined;
    objects.push(...objectsOf(read.value));
  }
  return objects;
}

/**
 * A lookup of the previous version's documents whose text is the same in `text`: those that
 * end before the first changed character, and those that start after the last one (moved by
 * the change in length).
 */
function unchangedDocuments(previous: SourceFile, text: string): (start: number, end: number) => ParsedDocument | undefined {
  const before = previous.text;
  const prefix = commonPrefixLength(before, text);
  const suffix = commonSuffixLength(before, text, Math.min(before.length, text.length) - prefix);
  const shift = text.length - before.length;
  const byStart = new Map(previous.documents.map((document) => [document.start, document]));
  return (start, end) => {
    const inPrefix = end <= prefix;
    const inSuffix = start >= text.length - suffix;
    if (!inPrefix && !inSuffix) return undefined;
    const candidate = byStart.get(inPrefix ? start : start - shift);
    return candidate && candidate.end - candidate.start === end - start ? candidate : undefined;
  };
}

/** Characters compared at once: slices compare natively, far faster than a loop over characters. */
const BLOCK = 4096;

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length + BLOCK <= limit && a.slice(length, length + BLOCK) === b.slice(length, length + BLOCK)) length += BLOCK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** The characters both texts end with, at most `limit`. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + BLOCK <= limit && a.slice(a.length - length - BLOCK, a.length - length) === b.slice(b.length - length - BLOCK, b.length - length)) length += BLOCK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}


/**
 * Offset of the first Go-template action (`{{`) in a file that looks like a Kubernetes
 * manifest, or -1. GitHub workflow expressions (`${{`), Jinja in files without a top-level
 * `apiVersion`/`kind` (Ansible), and braces inside comments are not Helm templates.
 */
function helmMarker(text: string): number {
  if (!/^(apiVersion|kind)\s*:/m.test(text)) return -1;
  for (let i = text.indexOf('{{'); i >= 0; i = text.indexOf('{{', i + 2)) {
    const lineStart = text.lastIndexOf('\n', i) + 1;
    if (text[i - 1] !== '$' && !/(^|\s)#/.test(text.slice(lineStart, i))) return i;
  }
  return -1;
}
