import type { GoValue } from '../go/values';
import type { Command, Expr, Node, Pipeline, Tree } from './ast';
import { lex, LexError, type Token } from './lexer';

/** A parse failure, placed at its offset; the message is Go's `template: NAME:LINE: …`. */
export class ParseFailure extends Error {
  constructor(
    readonly detail: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(detail);
  }
}

export interface ParsedFile {
  readonly main: Tree;
  readonly defines: readonly Tree[];
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
/** Deep nesting of actions or parentheses would only come from hostile input; it bounds recursion. */
const MAX_NESTING = 100;

type Stop = { kind: 'end' | 'else' | 'eof'; token: Token };

/** Parses a template file; `isFunction` says which names calls may use, as Go checks at parse time. */
export function parseTemplate(name: string, uri: string, source: string, isFunction: (name: string) => boolean): ParsedFile {
  let tokens: Token[];
  try {
    tokens = lex(source);
  } catch (error) {
    if (error instanceof LexError) throw new ParseFailure(error.message, error.offset, error.offset + 1);
    throw error;
  }
  return new Parser(name, uri, source, tokens, isFunction).file();
}

class Parser {
  private index = 0;
  private vars: string[] = ['$'];
  private loopDepth = 0;
  private nesting = 0;
  private readonly defines: Tree[] = [];

  constructor(
    private readonly name: string,
    private readonly uri: string,
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly isFunction: (name: string) => boolean,
  ) {}

  file(): ParsedFile {
    const { nodes, stop } = this.list(true);
    if (stop.kind !== 'eof') throw this.fail(`unexpected {{${stop.kind}}}`, stop.token);
    return { main: this.tree(this.name, nodes), defines: this.defines };
  }

  private tree(name: string, root: Node[]): Tree {
    const empty = root.every((node) => node.kind === 'text' && node.text.trim() === '');
    return { name, parseName: this.name, uri: this.uri, source: this.source, root, empty };
  }

  private fail(message: string, token: Token): ParseFailure {
    return new ParseFailure(message, token.start, Math.max(token.end, token.start + 1));
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    return this.tokens[Math.min(this.index++, this.tokens.length - 1)];
  }

  private expect(kind: Token['kind'], context: string): Token {
    const token = this.next();
    if (token.kind !== kind) throw this.fail(`unexpected ${describe(token)} in ${context}`, token);
    return token;
  }

  private list(topLevel: boolean): { nodes: Node[]; stop: Stop } {
    const nodes: Node[] = [];
    for (;;) {
      const token = this.next();
      if (token.kind === 'eof') return { nodes, stop: { kind: 'eof', token } };
      if (token.kind === 'text') {
        nodes.push({ kind: 'text', start: token.start, end: token.end, text: token.value });
        continue;
      }
      // An open delimiter: a keyword decides what the action is.
      const first = this.peek();
      const keyword = first.kind === 'ident' && KEYWORDS.has(first.value) ? first.value : undefined;
      if (keyword === 'end' || keyword === 'else') {
        this.next();
        if (keyword === 'end') this.expect('close', 'end');
        return { nodes, stop: { kind: keyword, token: first } };
      }
      if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
        this.next();
        nodes.push(this.control(keyword, token.start));
      } else if (keyword === 'define') {
        if (!topLevel) throw this.fail('unexpected <define> in command', first);
        this.next();
        this.define(token);
      } else if (keyword === 'template' || keyword === 'block') {
        this.next();
        nodes.push(this.templateCall(keyword, token));
      } else if (keyword === 'break' || keyword === 'continue') {
        this.next();
        if (this.loopDepth === 0) throw this.fail(`{{${keyword}}} outside {{range}}`, first);
        const close = this.expect('close', keyword);
        nodes.push({ kind: keyword, start: token.start, end: close.end });
      } else {
        const pipe = this.pipeline('command', 'close', true);
        const close = this.expect('close', 'command');
        nodes.push({ kind: 'action', start: token.start, end: close.end, pipe });
      }
    }
  }

  private enter(token: Token): void {
    if (++this.nesting > MAX_NESTING) throw this.fail(`actions nested more than ${MAX_NESTING} deep`, token);
  }

  private control(kind: 'if' | 'with' | 'range', start: number): Node {
    this.enter(this.peek());
    const mark = this.vars.length;
    const pipe = this.pipeline(kind, 'close', true);
    const close = this.expect('close', kind);
    if (kind === 'range') this.loopDepth++;
    const body = this.list(false);
    if (kind === 'range') this.loopDepth--;
    let elseList: Node[] | undefined;
    if (body.stop.kind === 'eof') throw this.fail('unexpected EOF', body.stop.token);
    if (body.stop.kind === 'else') {
      const next = this.peek();
      if (kind !== 'range' && next.kind === 'ident' && next.value === kind) {
        // `else if` and `else with` nest a new branch that the single `end` closes.
        this.next();
        elseList = [this.control(kind, body.stop.token.start)];
      } else {
        this.expect('close', 'else');
        const rest = this.list(false);
        if (rest.stop.kind !== 'end') throw this.fail(rest.stop.kind === 'eof' ? 'unexpected EOF' : `expected end; found {{${rest.stop.kind}}}`, rest.stop.token);
        elseList = rest.nodes;
      }
    }
    this.vars.length = mark;
    this.nesting--;
    return { kind, start, end: close.end, pipe, list: body.nodes, elseList };
  }

  private templateName(context: string): string {
    const token = this.next();
    if (token.kind !== 'string') throw this.fail(`unexpected ${describe(token)} in ${context} clause`, token);
    return token.value;
  }

  private define(open: Token): void {
    const name = this.templateName('define');
    this.expect('close', 'define clause');
    this.body(name, open);
  }

  /** A `define` or `block` body: its own variables, with `$` as its data. */
  private body(name: string, open: Token): void {
    const saved = { vars: this.vars, loopDepth: this.loopDepth };
    this.vars = ['$'];
    this.loopDepth = 0;
    const { nodes, stop } = this.list(false);
    if (stop.kind !== 'end') throw this.fail(stop.kind === 'eof' ? `unexpected EOF in definition of "${name}"` : 'unexpected {{else}}', stop.kind === 'eof' ? open : stop.token);
    this.vars = saved.vars;
    this.loopDepth = saved.loopDepth;
    this.defines.push(this.tree(name, nodes));
  }

  private templateCall(keyword: 'template' | 'block', open: Token): Node {
    const name = this.templateName(keyword);
    let pipe: Pipeline | undefined;
    if (this.peek().kind !== 'close') pipe = this.pipeline(`${keyword} clause`, 'close', false);
    const close = this.expect('close', `${keyword} clause`);
    if (keyword === 'block') {
      this.enter(open);
      this.body(name, open);
      this.nesting--;
    }
    return { kind: 'template', start: open.start, end: close.end, name, pipe };
  }

  private pipeline(context: string, end: 'close' | 'rparen', allowDecl: boolean): Pipeline {
    const start = this.peek().start;
    const decl: string[] = [];
    let assign = false;
    if (allowDecl && this.peek().kind === 'variable') {
      const after = this.peek(1).kind;
      const third = this.peek(3).kind;
      if (after === 'declare' || after === 'assign' || (after === 'comma' && context === 'range' && this.peek(2).kind === 'variable' && (third === 'declare' || third === 'assign'))) {
        decl.push(this.next().value);
        if (this.next().kind === 'comma') {
          decl.push(this.next().value);
          assign = this.next().kind === 'assign';
        } else assign = this.tokens[this.index - 1].kind === 'assign';
        if (assign) for (const name of decl) if (!this.vars.includes(name)) throw this.fail(`undefined variable "${name}"`, this.tokens[this.index - 2]);
      }
    }
    const cmds: Command[] = [];
    for (;;) {
      cmds.push(this.command(context));
      if (this.peek().kind !== 'pipe') break;
      this.next();
    }
    const last = this.peek();
    if (last.kind !== end) throw this.fail(`unexpected ${describe(last)} in ${context}`, last);
    if (!assign) this.vars.push(...decl);
    return { start, end: cmds[cmds.length - 1].end, decl, assign, cmds };
  }

  private command(context: string): Command {
    const args: Expr[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'pipe' || token.kind === 'close' || token.kind === 'rparen' || token.kind === 'eof') break;
      if (args.length > 0 && !token.spaceBefore) throw this.fail(`unexpected ${describe(token)} in operand`, token);
      args.push(this.operand());
    }
    if (args.length === 0) throw this.fail(`missing value for ${context}`, this.peek());
    return { start: args[0].start, end: args[args.length - 1].end, args };
  }

  private operand(): Expr {
    const term = this.term();
    const names: string[] = [];
    let end = term.end;
    while (this.peek().kind === 'field' && !this.peek().spaceBefore) {
      const field = this.next();
      names.push(field.value);
      end = field.end;
    }
    if (names.length === 0) return term;
    if (term.kind === 'field' || term.kind === 'variable') return { ...term, end, names: [...term.names, ...names] };
    if (term.kind === 'literal' || term.kind === 'nil' || term.kind === 'dot') throw this.fail('unexpected . after term', this.tokens[this.index - names.length]);
    return { kind: 'chain', start: term.start, end, node: term, names };
  }

  private term(): Expr {
    const token = this.next();
    const { start, end } = token;
    switch (token.kind) {
      case 'dot':
        return { kind: 'dot', start, end };
      case 'field':
        return { kind: 'field', start, end, names: [token.value] };
      case 'variable':
        if (!this.vars.includes(token.value)) throw this.fail(`undefined variable "${token.value}"`, token);
        return { kind: 'variable', start, end, name: token.value, names: [] };
      case 'string':
        return { kind: 'literal', start, end, value: token.value };
      case 'char':
        return { kind: 'literal', start, end, value: BigInt(token.value.codePointAt(0)!) };
      case 'number':
        return { kind: 'literal', start, end, value: this.number(token) };
      case 'lparen': {
        this.enter(token);
        const pipe = this.pipeline('parenthesized pipeline', 'rparen', true);
        const close = this.expect('rparen', 'parenthesized pipeline');
        this.nesting--;
        return { kind: 'pipe', start, end: close.end, pipe };
      }
      case 'ident':
        if (token.value === 'true' || token.value === 'false') return { kind: 'literal', start, end, value: token.value === 'true' };
        if (token.value === 'nil') return { kind: 'nil', start, end };
        if (KEYWORDS.has(token.value)) throw this.fail(`unexpected <${token.value}> in operand`, token);
        if (!this.isFunction(token.value)) throw this.fail(`function "${token.value}" not defined`, token);
        return { kind: 'ident', start, end, name: token.value };
      default:
        throw this.fail(`unexpected ${describe(token)} in operand`, token);
    }
  }

  /** Go's constants: a literal with a point or exponent is a float64, other numbers are ints. */
  private number(token: Token): GoValue {
    const text = token.value.replace(/_/g, '');
    const negative = text.startsWith('-');
    const body = text.replace(/^[+-]/, '');
    const bad = (): never => {
      throw this.fail(`bad number syntax: "${token.value}"`, token);
    };
    if (body.endsWith('i')) bad();
    if (/^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.test(body)) {
      const magnitude = BigInt(/^0[0-7]+$/.test(body) ? '0o' + body.slice(1) : body);
      const value = negative ? -magnitude : magnitude;
      if (value >= -(2n ** 63n) && value < 2n ** 63n) return value;
      return Number(value);
    }
    if (/^[xXpP]/.test(body.slice(1, 2)) || /[xX]/.test(body)) bad();
    const value = Number(text);
    if (Number.isNaN(value) || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) bad();
    return value;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'EOF';
    case 'close':
      return '"}}"';
    case 'string':
      return JSON.stringify(token.value);
    default:
      return `"${token.kind === 'ident' || token.kind === 'number' || token.kind === 'variable' ? token.value : token.kind === 'field' ? '.' + token.value : tokenText(token)}"`;
  }
}

function tokenText(token: Token): string {
  return { pipe: '|', lparen: '(', rparen: ')', comma: ',', assign: '=', declare: ':=', dot: '.', open: '{{', text: 'text' }[token.kind as string] ?? token.kind;
}
