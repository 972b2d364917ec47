import { LineCounter, isScalar, parseAllDocuments, visit, type Document, type Tags, type YAMLError } from 'yaml';
import type { Range } from './types';
import { Resource, resourcesOf } from './resource';

/**
 * go-yaml, under kubectl, leaves 1.1 timestamps and base-60 numbers (`10:30`) as strings in a
 * manifest; so does the analysis.
 */
function withoutTimeTags(tags: Tags): Tags {
  return tags.filter((tag) =>
    typeof tag === 'string'
      ? !['timestamp', 'intTime', 'floatTime'].includes(tag)
      : tag.tag !== 'tag:yaml.org,2002:timestamp' && !('format' in tag && tag.format === 'TIME'),
  );
}

/** Files above this size are not parsed: editing a huge generated file must stay responsive. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Anchors and aliases may repeat a node at most this many times, against "billion laughs" input. */
const MAX_ALIAS_EXPANSIONS = 1000;

export interface YamlProblem {
  code: string;
  message: string;
  range: Range;
  /** Start and end offsets in the text. */
  span: [number, number];
}

export type SkipReason = { kind: 'too-large'; bytes: number } | { kind: 'helm-template'; range: Range };

/**
 * One YAML file, parsed once per text: its documents with source positions, the
 * Kubernetes resources found in them, and the syntax problems met on the way.
 */
export class SourceFile {
  readonly resources: Resource[] = [];
  readonly syntaxProblems: YamlProblem[] = [];
  readonly skipped: SkipReason | undefined;
  private readonly lineCounter = new LineCounter();

  constructor(
    readonly uri: string,
    readonly text: string,
    /** Size on disk, when the caller knows it is too large and did not read the text. */
    oversizedBytes?: number,
  ) {
    this.skipped = oversizedBytes !== undefined ? { kind: 'too-large', bytes: oversizedBytes } : this.skipReason();
    if (this.skipped) return;
    // kubectl reads YAML 1.1: `yes`/`on` are booleans, `0755` is octal and `<<: *anchor` merges.
    // Reading the text the same way is what makes type checks agree with the API server.
    const documents = parseAllDocuments(text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      version: '1.1',
      merge: true,
      customTags: withoutTimeTags,
    });
    if (!Array.isArray(documents)) return;
    for (const document of documents) this.collect(document);
  }

  /** The range of a span of the text, without the line breaks and spaces that end some nodes' spans. */
  rangeOf(start: number, end: number): Range {
    let last = Math.max(start, end);
    while (last > start && /\s/.test(this.text[last - 1])) last--;
    return { start: this.positionAt(start), end: this.positionAt(last) };
  }

  positionAt(offset: number): Range['start'] {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    const { line, col } = this.lineCounter.linePos(clamped);
    // Line 0 means the counter saw no line start before this offset: it is on the first line.
    return line === 0 ? { line: 0, character: clamped } : { line: line - 1, character: col - 1 };
  }

  private collect(document: Document.Parsed): void {
    const fatal = document.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
    for (const error of document.errors) this.syntaxProblems.push(this.problemOf(error, document));
    // A document the parser could not read whole would yield misleading findings.
    if (fatal.length > 0) return;
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    } catch (error) {
      const [start, end] = unresolvedAliasSpan(document) ?? document.contents?.range ?? [0, 0];
      const reason = (error as Error).message;
      this.syntaxProblems.push({
        code: 'ALIAS',
        message: /excessive alias count/i.test(reason)
          ? `This document repeats its aliases more than ${MAX_ALIAS_EXPANSIONS} times, so it is not analysed (an alias expansion bomb would exhaust memory).`
          : `This document cannot be read: ${reason}.`,
        range: this.rangeOf(start, end),
        span: [start, end],
      });
      return;
    }
    this.resources.push(...resourcesOf(this, document, value));
  }

  private problemOf(error: YAMLError, document: Document.Parsed): YamlProblem {
    const [start, end] = error.code === 'DUPLICATE_KEY' ? duplicateKeySpan(document, error.pos) : error.pos;
    return { code: error.code, message: error.message, range: this.rangeOf(start, end), span: [start, end] };
  }

  private skipReason(): SkipReason | undefined {
    const bytes = Buffer.byteLength(this.text, 'utf8');
    if (bytes > MAX_FILE_BYTES) return { kind: 'too-large', bytes };
    const marker = helmMarker(this.text);
    if (marker >= 0) {
      // Positions are needed before parsing, so count the lines by hand for this one offset.
      this.lineCounter.addNewLine(0);
      for (let i = this.text.indexOf('\n'); i >= 0 && i < marker; i = this.text.indexOf('\n', i + 1)) {
        this.lineCounter.addNewLine(i + 1);
      }
      return { kind: 'helm-template', range: this.rangeOf(marker, marker + 2) };
    }
    return undefined;
  }
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

/** The parser marks a duplicate key by its first character; widen that to the whole key. */
function duplicateKeySpan(document: Document, [start, end]: [number, number]): [number, number] {
  let span: [number, number] = [start, end];
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === start) {
        span = [pair.key.range[0], pair.key.range[1]];
        return visit.BREAK;
      }
    },
  });
  return span;
}

/** The first alias whose anchor is not defined before it in the document, if any. */
function unresolvedAliasSpan(document: Document): [number, number] | undefined {
  let span: [number, number] | undefined;
  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document) === undefined && alias.range) {
        span = [alias.range[0], alias.range[1]];
        return visit.BREAK;
      }
    },
  });
  return span;
}
