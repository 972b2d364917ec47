import { Composer, Parser, visit, type Document, type Tags, type YAMLError } from 'yaml';
import { collectionKey, duplicateKeys } from './mapping-keys';
import { MAX_NESTING_DEPTH, withinNestingLimit } from './nesting';
import { resourcesOf, type NodeHost, type Resource } from './resource';
import type { TextFile } from './text-file';
import { aliasTargets } from './yaml-nodes';

/** Anchors and aliases may repeat a node at most this many times, against "billion laughs" input. */
export const MAX_ALIAS_EXPANSIONS = 1000;

/** A syntax problem at offsets of the text the document was parsed from. */
export interface SpanProblem {
  code: string;
  message: string;
  span: [number, number];
}

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

/**
 * A composer that reads YAML as kubectl does: YAML 1.1, so `yes`/`on` are booleans, `0755` is
 * octal and `<<: *anchor` merges. Reading the text the same way is what makes type checks agree
 * with the API server.
 */
export function manifestComposer(): Composer {
  return new Composer({
    version: '1.1',
    merge: true,
    customTags: withoutTimeTags,
    // The parser's own check compares each key with every other: minutes for a large mapping.
    uniqueKeys: false,
    // Library warnings would write document text to the server's stderr, the output channel.
    logLevel: 'error',
  });
}

/**
 * One document of a file (the text from its `---` line to the next; see `documentSpans`),
 * parsed once for as long as that text stays the same. An edit elsewhere in the file only
 * moves it: its nodes keep the offsets they were parsed at until something reads them
 * (`settle`), so the documents an edit does not touch cost nothing to carry over.
 */
export class ParsedDocument implements NodeHost {
  readonly resources: Resource[] = [];
  private readonly documents: Document.Parsed[] = [];
  private readonly problems: SpanProblem[] = [];
  /** The offset in the file that the nodes' ranges currently count from. */
  private parsedAt: number;
  private length: number;

  constructor(
    public file: TextFile,
    /** This document's text; with offsets from `start`, as in the file. */
    source: string,
    public start: number,
  ) {
    this.parsedAt = start;
    this.length = source.length;
    const composer = manifestComposer();
    const parser = new Parser();
    // The parser counts offsets from this field, so nodes carry positions in the whole file.
    parser.offset = start;
    let tooDeep: number | undefined;
    const tokens = withinNestingLimit(parser, source, (offset) => (tooDeep = offset));
    const mayHaveAliases = source.includes('*');
    for (const document of composer.compose(tokens, false, this.end)) this.collect(document, mayHaveAliases);
    if (tooDeep !== undefined) {
      const message = `Lists and mappings nest more than ${MAX_NESTING_DEPTH} levels deep here: the rest of this document is not analysed, since reading it would exhaust the parser's stack.`;
      this.problemAt(tooDeep, 'TOO_DEEP', message);
    }
  }

  get end(): number {
    return this.start + this.length;
  }

  /** The zero-based line its text starts on. */
  get startLine(): number {
    return this.file.positionAt(this.start).line;
  }

  /** Hands this document, unchanged, to the next version of its file, where it starts at `start`. */
  moveTo(file: TextFile, start: number): void {
    this.file = file;
    this.start = start;
  }

  /** Brings the nodes' offsets up to where the document now is in its file. */
  settle(): void {
    const delta = this.start - this.parsedAt;
    if (delta === 0) return;
    for (const document of this.documents) {
      shiftRange(document.range, delta);
      visit(document, {
        Node(_, node) {
          shiftRange(node.range, delta);
        },
      });
    }
    this.parsedAt = this.start;
  }

  /** The syntax problems met in the document, at offsets of the file as it now is. */
  syntaxProblems(): SpanProblem[] {
    const delta = this.start - this.parsedAt;
    if (delta === 0) return this.problems;
    return this.problems.map((problem) => ({ ...problem, span: [problem.span[0] + delta, problem.span[1] + delta] }));
  }

  private collect(document: Document.Parsed, mayHaveAliases: boolean): void {
    this.documents.push(document);
    for (const error of document.errors) this.problems.push(problemOf(error));
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
    const pastLimit = mayHaveAliases ? [...aliasTargets(document).keys()][MAX_ALIAS_EXPANSIONS]?.range : undefined;
    if (pastLimit) {
      const message = `This document uses more than ${MAX_ALIAS_EXPANSIONS} aliases, so it is not analysed (resolving them all would take too long).`;
      this.problemAt(pastLimit[0], 'ALIAS', message, pastLimit[1]);
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    } catch (error) {
      this.problems.push(unreadable(document, (error as Error).message));
      return;
    }
    this.resources.push(...resourcesOf(this, document, value));
  }

  private problemAt(start: number, code: string, message: string, end = start + 1): void {
    this.problems.push({ code, message, span: [start, Math.min(end, this.end)] });
  }
}

function shiftRange(range: [number, number, number] | null | undefined, delta: number): void {
  if (!range) return;
  range[0] += delta;
  range[1] += delta;
  range[2] += delta;
}

/**
 * Parser messages that end by quoting the text in error drop the quote: that text may be a
 * credential, and the range already shows where it is.
 */
const QUOTING_MESSAGES = /^(Unexpected [\w-]+ token in YAML stream|Block scalar header includes extra characters|Not a YAML token): .*$/s;

function problemOf(error: YAMLError): SpanProblem {
  return { code: error.code, message: error.message.replace(QUOTING_MESSAGES, '$1'), span: [error.pos[0], error.pos[1]] };
}

/** Why a document's value could not be built; the library's reason names the alias, which may be a credential written unquoted (`*secret`). */
function unreadable(document: Document, reason: string): SpanProblem {
  const unresolved = unresolvedAliasSpan(document);
  const span = unresolved ?? spanOfContents(document);
  const message = /excessive alias count/i.test(reason)
    ? `This document repeats its aliases more than ${MAX_ALIAS_EXPANSIONS} times, so it is not analysed (an alias expansion bomb would exhaust memory).`
    : unresolved
      ? 'This alias names no anchor defined earlier in its document (anchors do not carry over to other documents), so the document is not analysed. Quote a value that starts with *.'
      : 'This document cannot be read, so it is not analysed.';
  return { code: 'ALIAS', message, span };
}

function spanOfContents(document: Document): [number, number] {
  const range = document.contents?.range;
  return range ? [range[0], range[1]] : [0, 0];
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
