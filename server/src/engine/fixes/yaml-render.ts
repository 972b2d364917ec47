import { plainOrQuoted } from './yaml-scalars';

/**
 * YAML to insert, as a small tree rendered at a given column: block style by default, flow
 * style inside flow collections, where block style cannot appear.
 */
export type YamlValue = YamlScalar | YamlMap | YamlSeq;

export interface YamlScalar {
  kind: 'scalar';
  render(context: ScalarContext): string;
  /** The value is a snippet placeholder: the editor selects it after the insertion. */
  placeholder?: boolean;
}

export interface YamlMap {
  kind: 'map';
  entries: [string, YamlValue][];
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlValue[];
  /** Written `[a, b]` even in block context, as people write short lists. */
  flow?: boolean;
}

export interface ScalarContext {
  /** Indentation for the lines of a block scalar. */
  indent: string;
  eol: string;
  flow: boolean;
}

/** How the surrounding text is written, so that new lines match it. */
export interface Style {
  eol: string;
  /** Spaces per nesting level. */
  unit: number;
  /** Whether `- ` items sit one level deeper than their key. */
  indentSequences: boolean;
}

/** A scalar written as given: a number, a keyword, or text already quoted. */
export function raw(text: string): YamlScalar {
  return { kind: 'scalar', render: () => text };
}

/** A string, quoted only when it must be. */
export function text(value: string): YamlScalar {
  return raw(plainOrQuoted(value));
}

/** A value the user will likely change, selected after insertion where the editor can. */
export function placeholder(value: string): YamlScalar {
  return { kind: 'scalar', render: () => plainOrQuoted(value), placeholder: true };
}

export function map(entries: [string, YamlValue][]): YamlMap {
  return { kind: 'map', entries };
}

export function seq(items: YamlValue[], flow = false): YamlSeq {
  return { kind: 'seq', items, flow };
}

/** Private-use characters around a placeholder while rendering; the result never keeps them. */
const OPEN = '\ue000';
const CLOSE = '\ue001';

/**
 * Mapping entries in block style, the first key at `column` (the caller writes the text
 * there), the following lines indented to match. No line break at the end.
 */
export function blockEntries(entries: [string, YamlValue][], column: number, style: Style): string {
  const pad = ' '.repeat(column);
  return entries.map(([key, value], index) => (index === 0 ? '' : pad) + blockPair(key, value, column, style)).join(style.eol);
}

function blockPair(key: string, value: YamlValue, column: number, style: Style): string {
  const name = plainOrQuoted(key);
  const inner = column + style.unit;
  if (value.kind === 'scalar') return `${name}: ${scalar(value, { indent: ' '.repeat(inner), eol: style.eol, flow: false })}`;
  if (value.kind === 'map') {
    if (value.entries.length === 0) return `${name}: {}`;
    return `${name}:${style.eol}${' '.repeat(inner)}${blockEntries(value.entries, inner, style)}`;
  }
  if (value.flow || value.items.length === 0) return `${name}: ${flowValue(value)}`;
  const dash = column + (style.indentSequences ? style.unit : 0);
  const items = value.items.map((item) => {
    const content =
      item.kind === 'map' && item.entries.length > 0
        ? blockEntries(item.entries, dash + 2, style)
        : item.kind === 'scalar'
          ? scalar(item, { indent: ' '.repeat(dash + 2), eol: style.eol, flow: false })
          : flowValue(item);
    return `${' '.repeat(dash)}- ${content}`;
  });
  return `${name}:${style.eol}${items.join(style.eol)}`;
}

/** A scalar written after `key: ` where the key sits at `column`. */
export function scalarAfterKey(value: YamlScalar, column: number, style: Style): string {
  return scalar(value, { indent: ' '.repeat(column + style.unit), eol: style.eol, flow: false });
}

/** A value in flow style: `{a: b}`, `[a, b]`, or a scalar. */
export function flowValue(value: YamlValue): string {
  if (value.kind === 'scalar') return scalar(value, { indent: '', eol: '\n', flow: true });
  if (value.kind === 'seq') return `[${value.items.map(flowValue).join(', ')}]`;
  return `{${value.entries.map(([key, entry]) => flowPair(key, entry)).join(', ')}}`;
}

export function flowPair(key: string, value: YamlValue): string {
  return `${plainOrQuoted(key)}: ${flowValue(value)}`;
}

function scalar(value: YamlScalar, context: ScalarContext): string {
  const rendered = value.render(context);
  return value.placeholder ? `${OPEN}${rendered}${CLOSE}` : rendered;
}

/**
 * Splits rendered text into what to insert and, when it holds a placeholder, the same text as
 * an LSP snippet whose first tab stop selects the placeholder.
 */
export function finish(rendered: string): { text: string; snippet?: string } {
  const text = rendered.replaceAll(OPEN, '').replaceAll(CLOSE, '');
  if (!rendered.includes(OPEN)) return { text };
  let stop = 0;
  const snippet = rendered
    .split(new RegExp(`(${OPEN}[^${CLOSE}]*${CLOSE})`))
    .map((part) =>
      part.startsWith(OPEN) ? `\${${++stop}:${escapeSnippet(part.slice(1, -1))}}` : escapeSnippet(part),
    )
    .join('');
  return { text, snippet };
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}
