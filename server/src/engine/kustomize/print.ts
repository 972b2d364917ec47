import { stringify } from 'yaml';
import type { Origin } from '../helm/go/origin';
import { Rope, type Segment } from '../helm/go/rope';
import type { Tree, TreeMap, TreeScalar, TreeSeq } from './tree';

/** kustomize prints through go-yaml: lists at their key's indentation, keys sorted, long lines folded near 80. */
const LINE_WIDTH = 80;
const FALLBACK = { lineWidth: LINE_WIDTH, indentSeq: false } as const;

/**
 * Prints objects as `kustomize build` does, `---` between them, as a rope whose keys and scalars
 * are segments carrying the origin the build kept for them. Written directly rather than through
 * a YAML document, so each piece's place is known as it is written; only scalars that need
 * quoting or a block are formatted by the `yaml` package.
 */
export function printObjects(trees: readonly Tree[]): { text: Rope; starts: number[] } {
  const printer = new Printer();
  const starts: number[] = [];
  trees.forEach((tree, index) => {
    if (index > 0) printer.write('---\n');
    starts.push(printer.length);
    printer.node(tree, 0);
  });
  return { text: new Rope(printer.segments), starts };
}

class Printer {
  readonly segments: Segment[] = [];
  length = 0;
  /** Where the next character goes on its line, for folding long quoted text. */
  column = 0;

  write(text: string, origin?: Origin): void {
    if (text === '') return;
    const last = this.segments[this.segments.length - 1];
    // Unmapped text next to unmapped text is one segment: fewer entries for the origin map.
    if (!origin && last && !last.origin) this.segments[this.segments.length - 1] = { text: last.text + text, origin: undefined };
    else this.segments.push({ text, origin });
    this.length += text.length;
    const lineBreak = text.lastIndexOf('\n');
    this.column = lineBreak < 0 ? this.column + text.length : text.length - lineBreak - 1;
  }

  /** A whole document or list item; `inline` when the line was started by `- `. */
  node(tree: Tree, indent: number, inline = false): void {
    if (tree.type === 'map' && tree.entries.length > 0) this.map(tree, indent, inline);
    else if (tree.type === 'seq' && tree.items.length > 0) this.seq(tree, indent, inline);
    else {
      if (!inline) this.write(' '.repeat(indent));
      this.leaf(tree, indent);
      this.write('\n');
    }
  }

  private map(map: TreeMap, indent: number, inline: boolean): void {
    sortedEntries(map).forEach((entry, index) => {
      if (index > 0 || !inline) this.write(' '.repeat(indent));
      this.write(keyText(entry.key), entry.keyOrigin);
      this.write(':');
      const { value } = entry;
      if (value.type === 'map' && value.entries.length > 0) {
        this.write('\n');
        this.map(value, indent + 2, false);
      } else if (value.type === 'seq' && value.items.length > 0) {
        this.write('\n');
        this.seq(value, indent, false);
      } else {
        this.write(' ');
        this.leaf(value, indent + 2);
        this.write('\n');
      }
    });
  }

  private seq(seq: TreeSeq, indent: number, inline: boolean): void {
    seq.items.forEach((item, index) => {
      if (index > 0 || !inline) this.write(' '.repeat(indent));
      this.write('- ');
      this.node(item, indent + 2, true);
    });
  }

  /** A scalar or an empty collection, on the current line. */
  private leaf(tree: Tree, indent: number): void {
    if (tree.type === 'map') this.write('{}', tree.origin);
    else if (tree.type === 'seq') this.write('[]', tree.origin);
    else this.write(scalarText(tree, indent, this.column), tree.origin);
  }
}

function sortedEntries(map: TreeMap) {
  return [...map.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Words YAML 1.1 or 1.2 would read as something other than a string. */
const RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n)$/i;
/** Numbers of YAML 1.1 and 1.2 (with `_` separators, octal, hex, base 60) and dates, which 1.1 reads as timestamps. */
const NUMBER_LIKE =
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9][0-9_]*(?:e[-+]?[0-9]+)?|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|\.inf|\.nan|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/i;
/** Text that may stand unquoted: no indicator first (`-`, `?` and `:` only before a space), no line breaks or tabs. */
const PLAIN = /^(?![-?:](?:\s|$))[^\s,[\]{}#&*!|>'"%@`][^\n\r\t]*$/;

function isPlain(text: string, room: number): boolean {
  return (
    text.length > 0 &&
    text.length <= room &&
    PLAIN.test(text) &&
    !RESERVED.test(text) &&
    !NUMBER_LIKE.test(text) &&
    !text.endsWith(' ') &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !text.endsWith(':') &&
    // Control characters and the like need escapes.
    !/[\u0000-\u001f\u007f-\u009f\ufeff\u2028\u2029]/.test(text)
  );
}

function keyText(key: string): string {
  return isPlain(key, Infinity) ? key : JSON.stringify(key);
}

/**
 * A scalar as go-yaml would write it, starting at `column`; continuation lines of quoted or
 * block text indented to `indent`.
 */
function scalarText(scalar: TreeScalar, indent: number, column: number): string {
  const { value } = scalar;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  if (isPlain(value, LINE_WIDTH - indent)) return value;
  const margin = ' '.repeat(indent);
  // go-yaml writes text whose lines end in blanks double-quoted, as a block would lose them.
  if (/[ \t]\n|[ \t]$/.test(value)) return folded(stringify(value, { ...FALLBACK, blockQuote: false, doubleQuotedAsJSON: true }).replace(/\n$/, ''), column, margin);
  const lines = stringify(value, FALLBACK).replace(/\n$/, '').split('\n');
  // The `yaml` package writes YAML 1.2, where `yes` and `on` are strings; kubectl reads 1.1.
  if (lines.length === 1 && lines[0] === value) return JSON.stringify(value);
  // A block whose first line is empty or indented must state its indentation, as go-yaml does.
  if (/^[\n ]/.test(value)) lines[0] = lines[0].replace(/^([|>])([-+]?)$/, '$12$2');
  return lines.map((line, index) => (index === 0 || line === '' ? line : margin + line)).join('\n');
}

/**
 * A one-line double-quoted scalar folded as go-yaml folds it: at a single space once the line
 * passes the width, the space becoming the line break (which reads back as that space).
 */
function folded(quoted: string, column: number, margin: string): string {
  let text = '';
  let lineStart = -column;
  for (let index = 0; index < quoted.length; index++) {
    const character = quoted[index];
    const breaks = character === ' ' && index - lineStart > LINE_WIDTH && quoted[index - 1] !== ' ' && quoted[index + 1] !== ' ' && quoted[index - 1] !== '\\';
    if (breaks) {
      text += `\n${margin}`;
      lineStart = index + 1 - margin.length;
    } else text += character;
  }
  return text;
}
