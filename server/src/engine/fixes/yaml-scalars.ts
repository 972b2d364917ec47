import { parse } from 'yaml';

/**
 * Writes strings as YAML scalars that read back as the very same string, both as kubectl reads
 * YAML (1.1: `yes`, `on` and `0755` are not strings) and as YAML 1.2 tools do.
 */

/** Characters that cannot appear raw in a quoted scalar without changing its meaning somewhere. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Conservative plain scalars: no indicator, quote, comment or flow character anywhere. */
const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;

/** A double-quoted scalar, escaping everything a YAML 1.1 or 1.2 reader could fold or reject. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (character === '"' || character === '\\') out += `\\${character}`;
    else if (character === '\n') out += '\\n';
    else if (character === '\t') out += '\\t';
    else if (character === '\r') out += '\\r';
    else if (code <= 0xffff && NEEDS_ESCAPE.test(character)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += character;
  }
  return `${out}"`;
}

/** A single-quoted scalar, when the value has nothing that only double quotes can escape. */
export function singleQuoted(value: string): string | undefined {
  if (/[\n\r\t]/.test(value) || NEEDS_ESCAPE.test(value)) return undefined;
  return `'${value.replace(/'/g, "''")}'`;
}

/** The value unquoted, when it reads back as this string in every YAML version and context. */
export function plain(value: string): string | undefined {
  return PLAIN.test(value) && readsBackAs(value, value) ? value : undefined;
}

/** Plain when that is safe, else double-quoted: for names, labels and keys. */
export function plainOrQuoted(value: string): string {
  return plain(value) ?? doubleQuoted(value);
}

/**
 * A literal block scalar (`|`, `|-`, `|+`) for a multi-line value, its content lines indented
 * by `indent`, or undefined when the value needs a style with escapes. Multi-line credentials
 * such as PEM keys stay readable this way.
 */
export function literalBlock(value: string, indent: string, eol: string): string | undefined {
  if (!value.includes('\n') || /\r/.test(value) || NEEDS_ESCAPE.test(value) || indent === '') return undefined;
  const body = value.replace(/\n+$/, '');
  const trailing = value.length - body.length;
  const lines = body.split('\n');
  // Without an indentation indicator, the first non-empty line sets the indentation.
  const first = lines.find((line) => line !== '');
  if (first === undefined || /^[ \t]/.test(first)) return undefined;
  const header = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
  const content = [...lines, ...new Array<string>(Math.max(trailing - 1, 0)).fill('')];
  const text = [header, ...content.map((line) => (line === '' ? '' : indent + line))].join(eol);
  return readsBackAs(text, value) ? text : undefined;
}

/**
 * How a credential is written: a literal block when it spans lines and the context allows
 * one, else double-quoted, which can hold any string.
 */
export function credentialScalar(value: string, context: { indent: string; eol: string; flow: boolean }): string {
  return (context.flow ? undefined : literalBlock(value, context.indent, context.eol)) ?? doubleQuoted(value);
}

/** Whether `source`, written as the value of a mapping key, reads back as `value` in YAML 1.1 and 1.2. */
export function readsBackAs(source: string, value: string): boolean {
  try {
    return (['1.1', '1.2'] as const).every((version) => {
      const read = parse(`key: ${source}\n`, { version, uniqueKeys: false, logLevel: 'silent' }) as { key?: unknown } | null;
      return read?.key === value;
    });
  } catch {
    return false;
  }
}
