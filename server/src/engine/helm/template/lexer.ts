/** The tokens of a template; text between actions is a token too. */
export type TokenKind =
  | 'text'
  | 'open'
  | 'close'
  | 'ident'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'number'
  | 'char'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Identifier, field or variable name, unquoted string, or a number's text. */
  readonly value: string;
  /** Whitespace came before it inside the action: Go separates arguments by it. */
  readonly spaceBefore: boolean;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const isSpace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\r' || char === '\n';
const isAlnum = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{Nd}_]/u.test(char);

const NUMBER = /^[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|0[bB][01_]*|0[oO][0-7_]*|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?|\.[0-9][0-9_]*(?:[eE][+-]?[0-9_]+)?)i?/;

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** Reads Go's escapes in a quoted string or char constant body; throws a message when bad. */
export function unescapeGo(body: string, quote: string): string {
  let out = '';
  const bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length) out += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char !== '\\') {
      flushBytes();
      out += char;
      continue;
    }
    const next = body[++i];
    if (next === undefined) throw new Error('unterminated escape');
    if (next in SIMPLE_ESCAPES && (next !== "'" || quote === "'") && (next !== '"' || quote === '"')) {
      flushBytes();
      out += SIMPLE_ESCAPES[next];
    } else if (next === 'x' || /[0-7]/.test(next)) {
      const digits = next === 'x' ? body.slice(i + 1, i + 3) : body.slice(i, i + 3);
      if (!(next === 'x' ? /^[0-9a-fA-F]{2}$/ : /^[0-7]{3}$/).test(digits)) throw new Error('invalid escape');
      bytes.push(parseInt(digits, next === 'x' ? 16 : 8));
      i += 2;
    } else if (next === 'u' || next === 'U') {
      const length = next === 'u' ? 4 : 8;
      const digits = body.slice(i + 1, i + 1 + length);
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits) || parseInt(digits, 16) > 0x10ffff) throw new Error('invalid escape');
      flushBytes();
      out += String.fromCodePoint(parseInt(digits, 16));
      i += length;
    } else throw new Error('unknown escape sequence');
  }
  flushBytes();
  return out;
}

/**
 * Splits a template into text and action tokens. Trim markers are applied here, so text
 * tokens already cover only what is printed; comments leave no token at all.
 */
export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let trimNext = false;
  const pushText = (start: number, end: number): void => {
    if (trimNext) while (start < end && isSpace(source[start])) start++;
    trimNext = false;
    if (start < end) tokens.push({ kind: 'text', start, end, value: source.slice(start, end), spaceBefore: false });
  };
  while (pos <= source.length) {
    const open = source.indexOf('{{', pos);
    if (open < 0) {
      pushText(pos, source.length);
      break;
    }
    const trimLeft = source[open + 2] === '-' && isSpace(source[open + 3]);
    let textEnd = open;
    if (trimLeft) while (textEnd > pos && isSpace(source[textEnd - 1])) textEnd--;
    pushText(pos, textEnd);
    let i = open + 2 + (trimLeft ? 2 : 0);
    if (source.startsWith('/*', i)) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw new LexError('unclosed comment', open);
      const after = close + 2;
      if (source.startsWith(' -}}', after) || source.startsWith('\t-}}', after) || source.startsWith('\n-}}', after) || source.startsWith('\r-}}', after)) {
        trimNext = true;
        pos = after + 4;
      } else if (source.startsWith('}}', after)) pos = after + 2;
      else throw new LexError('comment ends before closing delimiter', open);
      continue;
    }
    tokens.push({ kind: 'open', start: open, end: i, value: '', spaceBefore: false });
    pos = lexAction(source, i, tokens, open);
    trimNext = tokens[tokens.length - 1].value === '-';
  }
  tokens.push({ kind: 'eof', start: source.length, end: source.length, value: '', spaceBefore: false });
  return tokens;
}

/** Lexes one action's inside up to and including its `}}`; returns the offset after it. */
function lexAction(source: string, pos: number, tokens: Token[], open: number): number {
  let spaceBefore = false;
  for (;;) {
    if (pos >= source.length) throw new LexError('unclosed action', open);
    const char = source[pos];
    if (isSpace(char)) {
      if (source.startsWith('-}}', pos + 1)) {
        tokens.push({ kind: 'close', start: pos, end: pos + 4, value: '-', spaceBefore: true });
        return pos + 4;
      }
      spaceBefore = true;
      pos++;
      continue;
    }
    if (source.startsWith('}}', pos)) {
      tokens.push({ kind: 'close', start: pos, end: pos + 2, value: '', spaceBefore });
      return pos + 2;
    }
    const start = pos;
    const push = (kind: TokenKind, end: number, value = source.slice(start, end)): void => {
      tokens.push({ kind, start, end, value, spaceBefore });
      spaceBefore = false;
      pos = end;
    };
    const number = NUMBER.exec(source.slice(pos, pos + 200));
    if (number && number[0] !== '' && /[0-9]/.test(number[0]) && (char !== '+' && char !== '-' ? true : /[0-9.]/.test(source[pos + 1] ?? ''))) {
      if (isAlnum(source[pos + number[0].length])) throw new LexError(`bad number syntax: "${source.slice(pos, pos + number[0].length + 1)}"`, pos);
      push('number', pos + number[0].length);
      continue;
    }
    if (char === '.') {
      let end = pos + 1;
      while (isAlnum(source[end])) end++;
      if (end === pos + 1) push('dot', end);
      else push('field', end, source.slice(pos + 1, end));
      continue;
    }
    if (char === '$') {
      let end = pos + 1;
      while (isAlnum(source[end])) end++;
      push('variable', end);
      continue;
    }
    if (isAlnum(char)) {
      let end = pos + 1;
      while (isAlnum(source[end])) end++;
      push('ident', end);
      continue;
    }
    if (char === '"' || char === "'") {
      let end = pos + 1;
      while (end < source.length && source[end] !== char) {
        if (source[end] === '\\') end++;
        else if (source[end] === '\n') break;
        end++;
      }
      if (source[end] !== char) throw new LexError(char === '"' ? 'unterminated quoted string' : 'unterminated character constant', pos);
      let value: string;
      try {
        value = unescapeGo(source.slice(pos + 1, end), char);
      } catch (error) {
        throw new LexError(`${(error as Error).message}: ${source.slice(pos, end + 1)}`, pos);
      }
      if (char === "'" && [...value].length !== 1) throw new LexError(`malformed character constant: ${source.slice(pos, end + 1)}`, pos);
      push(char === '"' ? 'string' : 'char', end + 1, value);
      continue;
    }
    if (char === '`') {
      const end = source.indexOf('`', pos + 1);
      if (end < 0) throw new LexError('unterminated raw quoted string', pos);
      push('string', end + 1, source.slice(pos + 1, end).replace(/\r/g, ''));
      continue;
    }
    if (char === '|') push('pipe', pos + 1);
    else if (char === '(') push('lparen', pos + 1);
    else if (char === ')') push('rparen', pos + 1);
    else if (char === ',') push('comma', pos + 1);
    else if (char === '=') push('assign', pos + 1);
    else if (char === ':' && source[pos + 1] === '=') push('declare', pos + 2);
    else throw new LexError(`unrecognized character in action: ${JSON.stringify(char)}`, pos);
  }
}
