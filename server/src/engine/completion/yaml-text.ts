import { parse } from 'yaml';

/** How a document lays out its nesting, so that inserted lines look like their neighbours. */
export interface Layout {
  /** One level of indentation. */
  indent: string;
  /** List items written at the column of their key (`containers:\n- name: …`) instead of indented. */
  flushSequences: boolean;
}

const DEFAULT_LAYOUT: Layout = { indent: '  ', flushSequences: false };

/** The layout of a document: its smallest indentation step, and where its list markers go. */
export function layoutOf(text: string): Layout {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  let step = Infinity;
  let flush: boolean | undefined;
  for (let index = 0; index < lines.length; index++) {
    const indent = indentOf(lines[index]);
    const next = lines[index + 1];
    if (next === undefined || !/:\s*$/.test(lines[index])) continue;
    const nextIndent = indentOf(next);
    if (nextIndent > indent) step = Math.min(step, nextIndent - indent);
    if (flush === undefined && next.trimStart().startsWith('- ')) flush = nextIndent === indent;
  }
  return {
    indent: Number.isFinite(step) && step <= 8 ? ' '.repeat(step) : DEFAULT_LAYOUT.indent,
    flushSequences: flush ?? DEFAULT_LAYOUT.flushSequences,
  };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * A string as a YAML value that reads back as that string: plain when it can be, quoted when
 * YAML 1.1 would read it as something else (`on`, `0755`, `1.10`) or it holds special characters.
 */
export function yamlString(value: string): string {
  if (/^[A-Za-z0-9_./-][A-Za-z0-9_./\-[\]']*$/.test(value) && !value.includes(': ')) {
    try {
      if (parse(value, { version: '1.1' }) === value) return value;
    } catch {
      // Not valid as a plain scalar: quoted below.
    }
  }
  return JSON.stringify(value);
}
