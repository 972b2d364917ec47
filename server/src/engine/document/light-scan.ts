/**
 * A reader for the plain block YAML most manifests are written in, many times cheaper than
 * composing YAML documents. It returns a document's value only where it is sure to agree with
 * `manifestComposer` (YAML 1.1, as kubectl reads it); anything it is not sure of (flow
 * collections, anchors, aliases, tags, escapes, multi-line plain scalars, directives, tabs, keys
 * that YAML 1.1 reads as other than text, duplicate keys) makes it decline, and the caller parses
 * the document in full. A block scalar's value is `BLOCK_TEXT`: the light index reads no text
 * from one, and the caller declines wherever that marker would reach a result.
 */

/** Stands for a block scalar's text, which this reader does not fold. */
export const BLOCK_TEXT = '\u0000block scalar\u0000';

/** Deeper than any manifest; past it the reader declines rather than recurse. */
const MAX_DEPTH = 64;

const TRUE_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL_WORDS = new Set(['~', 'null', 'Null', 'NULL']);
const PLAIN_KEY = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const INTEGER = /^-?(0|[1-9][0-9]{0,14})$/;
const DECIMAL = /^-?(0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
/** Plain scalars starting with one of these mean something else in YAML, or may. */
const UNSURE_START = /^[-?:,[\]{}#&*!|>'"%@`+.0-9=<]/;
const BLOCK_HEADER = /^[|>][-+]?(\s+#.*)?$/;

interface Line {
  indent: number;
  content: string;
}

class Declined extends Error {}

const declined = new Declined();

/** The value of one document's text (see `documentSpans`), or undefined when the reader is not sure of it. */
export function lightValue(source: string): { value: unknown } | undefined {
  if (source.includes('\t')) return undefined;
  const lines = contentLines(source);
  if (!lines) return undefined;
  const reader = new BlockReader(lines);
  try {
    return { value: reader.document() };
  } catch (error) {
    if (error instanceof Declined) return undefined;
    throw error;
  }
}

/** The lines holding content, without comments-only and blank ones; undefined for a text with markers inside. */
function contentLines(source: string): Line[] | undefined {
  const lines: Line[] = [];
  let first = true;
  for (const raw of source.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const content = text.trimStart();
    const isFirst = first;
    first = false;
    if (content === '') {
      lines.push({ indent: -1, content: '' });
      continue;
    }
    if (text.startsWith('---') && /^---(\s+#.*|\s*)$/.test(text) && isFirst) continue;
    if (text.startsWith('---') || text.startsWith('...') || text.startsWith('%')) return undefined;
    lines.push({ indent: text.length - content.length, content });
  }
  return lines;
}

class BlockReader {
  private next = 0;

  constructor(private readonly lines: Line[]) {}

  document(): unknown {
    this.skipBlank();
    if (this.done()) return null;
    const value = this.block(this.current.indent, 0);
    this.skipBlank();
    if (!this.done()) throw declined;
    return value;
  }

  private get current(): Line {
    return this.lines[this.next];
  }

  private done(): boolean {
    return this.next >= this.lines.length;
  }

  /** Steps over blank lines and comments outside block scalars. */
  private skipBlank(): void {
    while (!this.done() && (this.current.indent < 0 || this.current.content.startsWith('#'))) this.next++;
  }

  private block(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) throw declined;
    return isSequenceItem(this.current.content) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    const mapping: Record<string, unknown> = {};
    for (this.skipBlank(); !this.done() && this.current.indent === indent && !isSequenceItem(this.current.content); this.skipBlank()) {
      const { key, rest } = splitPair(this.current.content);
      if (Object.hasOwn(mapping, key)) throw declined;
      mapping[key] = this.valueAfter(indent, rest, depth, true);
    }
    if (!this.done() && this.current.indent > indent) throw declined;
    return mapping;
  }

  private sequence(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    for (this.skipBlank(); !this.done() && this.current.indent === indent && isSequenceItem(this.current.content); this.skipBlank()) {
      const line = this.current;
      const after = line.content.slice(1);
      const rest = after.trimStart();
      if (rest === '' || rest.startsWith('#')) {
        this.next++;
        items.push(this.nested(indent, depth, false));
      } else if (isSequenceItem(rest)) {
        throw declined;
      } else if (startsPair(rest)) {
        // A compact mapping: its first key sits on the item's line, the others below it at the same column.
        const column = indent + 1 + after.length - rest.length;
        this.lines[this.next] = { indent: column, content: rest };
        items.push(this.mapping(column, depth + 1));
      } else {
        items.push(this.valueAfter(indent, rest, depth, false));
      }
    }
    if (!this.done() && this.current.indent > indent) throw declined;
    return items;
  }

  /** The value of a key or an item whose line goes on with `rest`; moves past the lines it reads. */
  private valueAfter(indent: number, rest: string, depth: number, inMapping: boolean): unknown {
    this.next++;
    if (rest === '' || rest.startsWith('#')) return this.nested(indent, depth, inMapping);
    if (BLOCK_HEADER.test(rest)) {
      this.skipBlockScalar(indent);
      return BLOCK_TEXT;
    }
    if (rest[0] === '|' || rest[0] === '>') throw declined;
    const value = scalar(rest);
    this.skipBlank();
    if (!this.done() && this.current.indent > indent) throw declined;
    return value;
  }

  /** What follows a key or a dash with nothing after it: a deeper block, a sequence at the key's own column, or null. */
  private nested(indent: number, depth: number, inMapping: boolean): unknown {
    this.skipBlank();
    if (this.done()) return null;
    const line = this.current;
    if (line.indent > indent) return this.block(line.indent, depth + 1);
    if (inMapping && line.indent === indent && isSequenceItem(line.content)) return this.sequence(indent, depth + 1);
    return null;
  }

  private skipBlockScalar(indent: number): void {
    while (!this.done() && (this.current.indent < 0 || this.current.indent > indent)) this.next++;
  }
}

function isSequenceItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** Whether a line's content begins with a key this reader knows how to read. */
function startsPair(content: string): boolean {
  if (content[0] === '"' || content[0] === "'") return /^("[^"\\]*"|'[^']*'):( |$)/.test(content);
  const colon = content.indexOf(':');
  return colon > 0 && (colon === content.length - 1 || content[colon + 1] === ' ') && PLAIN_KEY.test(content.slice(0, colon));
}

function splitPair(content: string): { key: string; rest: string } {
  if (content[0] === '"' || content[0] === "'") {
    const quoted = /^("[^"\\]*"|'[^']*'):( |$)/.exec(content);
    if (!quoted) throw declined;
    const key = quoted[1].slice(1, -1);
    if (key === '__proto__') throw declined;
    return { key, rest: content.slice(quoted[0].length).trim() };
  }
  const colon = content.indexOf(':');
  if (colon <= 0 || (colon < content.length - 1 && content[colon + 1] !== ' ')) throw declined;
  const key = content.slice(0, colon);
  if (!PLAIN_KEY.test(key) || !isText(key) || key === '__proto__') throw declined;
  return { key, rest: content.slice(colon + 1).trim() };
}

/** Whether YAML 1.1 reads a plain scalar that passed `UNSURE_START` as text. */
function isText(plain: string): boolean {
  return !TRUE_WORDS.has(plain) && !FALSE_WORDS.has(plain) && !NULL_WORDS.has(plain);
}

/** A scalar written on one line, with any comment after it. */
function scalar(rest: string): unknown {
  if (rest[0] === '"' || rest[0] === "'") return quoted(rest);
  if (/^(\{\}|\[\])(\s+#.*|\s*)$/.test(rest)) return rest[0] === '{' ? {} : [];
  if (rest[0] === '[') return flowList(rest);
  const comment = rest.indexOf(' #');
  const plain = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
  if (plain.includes(': ') || plain.endsWith(':')) throw declined;
  if (TRUE_WORDS.has(plain)) return true;
  if (FALSE_WORDS.has(plain)) return false;
  if (NULL_WORDS.has(plain)) return null;
  if (INTEGER.test(plain) || DECIMAL.test(plain)) return Number(plain);
  // A dash then a letter (`--flag`) is text; any other unsure start is left to the parser.
  if (UNSURE_START.test(plain) && !/^-[A-Za-z-]/.test(plain) && !isQuantity(plain)) throw declined;
  return plain;
}

/**
 * Digits then letters and digits (`250m`, `8Gi`) are text in YAML 1.1, but for the hex, octal,
 * binary and exponent forms it reads as numbers.
 */
function isQuantity(plain: string): boolean {
  return /^[0-9]+[A-Za-z][A-Za-z0-9]*$/.test(plain) && !/^0[xob]/i.test(plain) && !/^[0-9]+[eE][0-9]+$/.test(plain);
}

function quoted(rest: string): string {
  const match = rest[0] === '"' ? /^"([^"\\]*)"(\s+#.*|\s*)$/.exec(rest) : /^'((?:[^']|'')*)'(\s+#.*|\s*)$/.exec(rest);
  if (!match) throw declined;
  return rest[0] === '"' ? match[1] : match[1].replaceAll("''", "'");
}

/** A one-line flow sequence of simple scalars (`[ReadWriteOnce]`, `["a", "b"]`); anything else declines. */
function flowList(rest: string): unknown[] {
  const match = /^\[([^[\]{}#]*)\](\s+#.*|\s*)$/.exec(rest);
  if (!match) throw declined;
  return match[1].split(',').map((raw) => {
    const item = raw.trim();
    if (!/^("[^"\\,]*"|'[^',]*'|[A-Za-z_/][A-Za-z0-9_./-]*)$/.test(item)) throw declined;
    return scalar(item);
  });
}
