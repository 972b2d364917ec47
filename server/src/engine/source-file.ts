import { Composer, LineCounter, Parser, visit, type Document, type Tags, type YAMLError } from 'yaml';
import { collectionKey, duplicateKeys } from './mapping-keys';
import { MAX_NESTING_DEPTH, withinNestingLimit } from './nesting';
import type { Range } from './types';
import { Resource, resourcesOf } from './resource';
import { aliasTargets } from './yaml-nodes';

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
    const bytes = oversizedBytes ?? Buffer.byteLength(text, 'utf8');
    if (oversizedBytes !== undefined || bytes > MAX_FILE_BYTES) {
      this.skipped = { kind: 'too-large', bytes };
      return;
    }
    this.countLines();
    const marker = helmMarker(text);
    this.skipped = marker >= 0 ? { kind: 'helm-template', range: this.rangeOf(marker, marker + 2) } : undefined;
    if (this.skipped) return;
    // kubectl reads YAML 1.1: `yes`/`on` are booleans, `0755` is octal and `<<: *anchor` merges.
    // Reading the text the same way is what makes type checks agree with the API server.
    const composer = new Composer({
      version: '1.1',
      merge: true,
      customTags: withoutTimeTags,
      // The parser's own check compares each key with every other: minutes for a large mapping.
      uniqueKeys: false,
      // Library warnings would write document text to the server's stderr, the output channel.
      logLevel: 'error',
    });
    let tooDeep: number | undefined;
    const tokens = withinNestingLimit(new Parser(), text, (offset) => (tooDeep = offset));
    for (const document of composer.compose(tokens)) this.collect(document);
    if (tooDeep !== undefined) {
      const message = `Lists and mappings nest more than ${MAX_NESTING_DEPTH} levels deep here: the rest of the file is not analysed, since reading it would exhaust the parser's stack.`;
      this.problemAt(tooDeep, 'TOO_DEEP', message);
    }
  }

  /** The range of a span of the text, without the line breaks and spaces that end some nodes' spans. */
  rangeOf(start: number, end: number): Range {
    let last = Math.max(start, end);
    while (last > start && /\s/.test(this.text[last - 1])) last--;
    return { start: this.positionAt(start), end: this.positionAt(last) };
  }

  positionAt(offset: number): Range['start'] {
    let clamped = Math.min(Math.max(offset, 0), this.text.length);
    // Between `\r` and `\n`, or after a final `\r`, is inside a line break for editors: step before it.
    if (this.text[clamped - 1] === '\r' && (clamped === this.text.length || this.text[clamped] === '\n')) clamped--;
    const { line, col } = this.lineCounter.linePos(clamped);
    // Line 0 means the counter saw no line start before this offset: it is on the first line.
    return line === 0 ? { line: 0, character: clamped } : { line: line - 1, character: col - 1 };
  }

  private collect(document: Document.Parsed): void {
    for (const error of document.errors) this.syntaxProblems.push(this.problemOf(error));
    for (const key of duplicateKeys(document)) this.problemAt(key.range![0], 'DUPLICATE_KEY', 'Map keys must be unique', key.range![1]);
    // A document the parser could not read whole would yield misleading findings.
    if (document.errors.length > 0) return;
    const complexKey = collectionKey(document)?.range;
    if (complexKey) {
      const message = 'A list or a mapping is used as a key here: Kubernetes accepts only text keys, so this document is not analysed.';
      this.problemAt(complexKey[0], 'COLLECTION_KEY', message, complexKey[1]);
      return;
    }
    // The parser resolves each alias by a scan of every anchor: many aliases take quadratic time.
    const pastLimit = [...aliasTargets(document).keys()][MAX_ALIAS_EXPANSIONS]?.range;
    if (pastLimit) {
      const message = `This document uses more than ${MAX_ALIAS_EXPANSIONS} aliases, so it is not analysed (resolving them all would take too long).`;
      this.problemAt(pastLimit[0], 'ALIAS', message, pastLimit[1]);
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    } catch (error) {
      const unresolved = unresolvedAliasSpan(document);
      const [start, end] = unresolved ?? document.contents?.range ?? [0, 0];
      const reason = (error as Error).message;
      // The library's reason names the alias, which may be a credential written unquoted (`*secret`).
      this.syntaxProblems.push({
        code: 'ALIAS',
        message: /excessive alias count/i.test(reason)
          ? `This document repeats its aliases more than ${MAX_ALIAS_EXPANSIONS} times, so it is not analysed (an alias expansion bomb would exhaust memory).`
          : unresolved
            ? 'This alias names no anchor defined earlier in its document (anchors do not carry over to other documents), so the document is not analysed. Quote a value that starts with *.'
            : 'This document cannot be read, so it is not analysed.',
        range: this.rangeOf(start, end),
        span: [start, end],
      });
      return;
    }
    this.resources.push(...resourcesOf(this, document, value));
  }

  private problemOf(error: YAMLError): YamlProblem {
    const [start, end] = error.pos;
    return { code: error.code, message: withoutQuotedText(error.message), range: this.rangeOf(start, end), span: [start, end] };
  }

  /**
   * Line starts come from the text rather than from the parser, which does not report the line
   * breaks inside a token it rejects: every position after one would be on the wrong line.
   */
  private countLines(): void {
    this.lineCounter.addNewLine(0);
    for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineCounter.addNewLine(i + 1);
  }

  private problemAt(start: number, code: string, message: string, end = start + 1): void {
    const last = Math.min(end, this.text.length);
    this.syntaxProblems.push({ code, message, range: this.rangeOf(start, last), span: [start, last] });
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

/**
 * Parser messages that end by quoting the text in error drop the quote: that text may be a
 * credential, and the range already shows where it is.
 */
const QUOTING_MESSAGES = /^(Unexpected [\w-]+ token in YAML stream|Block scalar header includes extra characters|Not a YAML token): .*$/s;

function withoutQuotedText(message: string): string {
  return message.replace(QUOTING_MESSAGES, '$1');
}

/** The first alias whose anchor is not defined before it in the document, if any. */
function unresolvedAliasSpan(document: Document): [number, number] | undefined {
  const targets = aliasTargets(document);
  let span: [number, number] | undefined;
  visit(document, {
    Alias(_, alias) {
      if (!targets.has(alias) && alias.range) {
        span = [alias.range[0], alias.range[1]];
        return visit.BREAK;
      }
    },
  });
  return span;
}
