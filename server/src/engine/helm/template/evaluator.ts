import type { FunctionTable, CallContext } from '../functions/function-table';
import { formatValue, goQuote } from '../go/format';
import type { CallFrame, Origin, SourceSpan } from '../go/origin';
import { Rope, type Segment } from '../go/rope';
import { typeName } from '../go/type-names';
import { entrySource, GoError, GoStruct, isList, isMap, isString, isTrue, sortedKeys, stringOf, type GoMap, type GoValue } from '../go/values';
import type { Command, Expr, Node, Pipeline, Span, Tree } from './ast';
import { builtins, indexStep } from './builtins';
import { lineAndColumn, type TemplateError } from './errors';

export interface TemplateLimits {
  /** Template text longer than this (in UTF-16 units) is refused. */
  readonly maxTemplateChars: number;
  /** Output of one render or include beyond this is cut off with an error. */
  readonly maxOutputChars: number;
  readonly maxRangeItems: number;
  /** Node evaluations per render. */
  readonly maxSteps: number;
  /** Helm's limit of nested `include`s of one name. */
  readonly maxIncludesPerName: number;
  /** Nested include/template/tpl calls of any names; keeps the JS stack far from its end. */
  readonly maxCallDepth: number;
}

export const DEFAULT_LIMITS: TemplateLimits = {
  maxTemplateChars: 2 * 1024 * 1024,
  maxOutputChars: 20 * 1024 * 1024,
  maxRangeItems: 100_000,
  maxSteps: 5_000_000,
  maxIncludesPerName: 1000,
  maxCallDepth: 250,
};

/** What the evaluator needs from the template set. */
export interface TemplateSource {
  readonly functions: FunctionTable;
  readonly limits: TemplateLimits;
  lookup(name: string): Tree | undefined;
  /** Parses a `tpl` string; throws `GoError` with Go's parse message. */
  parseTpl(text: string): { main: Tree; defines: readonly Tree[] };
  /** Told before a function changes a map it was given. */
  readonly changing?: (map: GoMap) => void;
}

/** A value with where it was written, when it came unchanged from a values file. */
interface Val {
  readonly value: GoValue;
  readonly source?: SourceSpan | undefined;
}

const NIL: Val = { value: null };
const BREAK = 1;
const CONTINUE = 2;
type Flow = 0 | typeof BREAK | typeof CONTINUE;

/** Functions whose result is their argument's value reshaped: the output keeps pointing at the values line. */
const PASS_THROUGH = new Set(['quote', 'squote', 'toString', 'trim', 'trimSuffix', 'trimPrefix', 'lower', 'upper', 'int', 'int64', 'toYaml', 'b64enc', 'nindent', 'indent']);
const CHOOSING = new Set(['default', 'coalesce', 'ternary']);

/** A failure with Go's message, placed at the node that failed. `fatal` ones are limits: not wrapped again by callers. */
export class ExecFailure extends Error {
  constructor(
    readonly error: TemplateError,
    readonly fatal: boolean,
  ) {
    super(error.message);
  }
}

/** An `include` that failed inside: the caller wraps the message and keeps the inner position. */
class IncludeError extends GoError {
  constructor(readonly inner: TemplateError) {
    super(inner.message);
  }
}

class Output {
  readonly segments: Segment[] = [];
  private length = 0;

  constructor(private readonly limit: number) {}

  push(text: string, origin: Origin): boolean {
    if (text === '') return true;
    this.length += text.length;
    this.segments.push({ text, origin });
    return this.length <= this.limit;
  }

  pushRope(rope: Rope, fallback: Origin): boolean {
    for (const segment of rope.segments) {
      this.length += segment.text.length;
      this.segments.push(segment.origin ? segment : { text: segment.text, origin: fallback });
    }
    return this.length <= this.limit;
  }

  rope(): Rope {
    return new Rope(this.segments);
  }
}

interface Scope {
  readonly tree: Tree;
  readonly frames: readonly CallFrame[];
  readonly vars: { name: string; val: Val }[];
  readonly out: Output;
  /** Inside `tpl`, every piece of output is attributed to the `tpl` call. */
  readonly override: Origin | undefined;
}

/** Runs templates for one render: the step budget and nesting counts are shared by everything it calls. */
export class Executor {
  private steps = 0;
  private depth = 0;
  private readonly includes = new Map<string, number>();
  private overlays: Map<string, Tree>[] = [];

  constructor(private readonly set: TemplateSource) {}

  /** Renders `tree`; on failure, gives what was written before it too. */
  run(tree: Tree, data: GoValue): { output: Rope; failure?: ExecFailure } {
    const out = new Output(this.set.limits.maxOutputChars);
    try {
      this.execute(tree, { value: data }, [], out, undefined);
      return { output: out.rope() };
    } catch (error) {
      if (error instanceof ExecFailure) return { output: out.rope(), failure: error };
      if (isStackOverflow(error)) {
        const { line, column } = lineAndColumn(tree.source, 0);
        const detail = 'templates nested too deeply';
        const message = `template: ${tree.parseName}: ${detail}`;
        return { output: out.rope(), failure: new ExecFailure({ uri: tree.uri, start: 0, end: 0, message, templateName: tree.parseName, line, column, detail }, true) };
      }
      throw error;
    }
  }

  private lookup(name: string): Tree | undefined {
    for (let i = this.overlays.length - 1; i >= 0; i--) {
      const found = this.overlays[i].get(name);
      if (found) return found;
    }
    return this.set.lookup(name);
  }

  private execute(tree: Tree, dot: Val, frames: readonly CallFrame[], out: Output, override: Origin | undefined): void {
    const scope: Scope = { tree, frames, vars: [{ name: '$', val: dot }], out, override };
    this.walkList(scope, dot, tree.root);
  }

  // ---- errors ----

  private failure(scope: Scope, node: Span, detail: string, fatal = false, at?: TemplateError): ExecFailure {
    if (at) return new ExecFailure({ ...at, message: this.prefix(scope, node) + detail, detail }, fatal);
    const { line, column } = lineAndColumn(scope.tree.source, node.start);
    return new ExecFailure(
      { uri: scope.tree.uri, start: node.start, end: node.end, message: this.prefix(scope, node) + detail, templateName: scope.tree.parseName, line, column, detail },
      fatal,
    );
  }

  private prefix(scope: Scope, node: Span): string {
    const { line, column } = lineAndColumn(scope.tree.source, node.start);
    return `template: ${scope.tree.parseName}:${line}:${column}: executing "${scope.tree.name}" at <${scope.tree.source.slice(node.start, node.end)}>: `;
  }

  private step(scope: Scope, node: Span): void {
    if (++this.steps > this.set.limits.maxSteps) throw this.failure(scope, node, `evaluation stopped after ${this.set.limits.maxSteps} steps`, true);
  }

  // ---- origins ----

  private textOrigin(scope: Scope, node: Span): Origin {
    return scope.override ?? { kind: 'text', span: { uri: scope.tree.uri, start: node.start, end: node.end }, frames: scope.frames };
  }

  private actionOrigin(scope: Scope, node: Span, source?: SourceSpan): Origin {
    const base = scope.override ?? { kind: 'action' as const, span: { uri: scope.tree.uri, start: node.start, end: node.end }, frames: scope.frames };
    return source ? { ...base, value: source } : base;
  }

  // ---- statements ----

  private walkList(scope: Scope, dot: Val, nodes: readonly Node[]): Flow {
    for (const node of nodes) {
      const flow = this.walk(scope, dot, node);
      if (flow) return flow;
    }
    return 0;
  }

  private walk(scope: Scope, dot: Val, node: Node): Flow {
    this.step(scope, node);
    switch (node.kind) {
      case 'text':
        if (!scope.out.push(node.text, this.textOrigin(scope, node))) throw this.outputFull(scope, node);
        return 0;
      case 'action': {
        const val = this.pipeline(scope, dot, node.pipe, node, true);
        if (node.pipe.decl.length === 0) this.print(scope, val, node);
        return 0;
      }
      case 'if':
      case 'with': {
        const mark = scope.vars.length;
        const val = this.pipeline(scope, dot, node.pipe, node, true);
        let flow: Flow = 0;
        if (isTrue(val.value)) flow = this.walkList(scope, node.kind === 'with' ? val : dot, node.list);
        else if (node.elseList) flow = this.walkList(scope, dot, node.elseList);
        scope.vars.length = mark;
        return flow;
      }
      case 'range':
        return this.range(scope, dot, node);
      case 'template':
        return this.templateCall(scope, dot, node);
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
    }
  }

  private outputFull(scope: Scope, node: Span): ExecFailure {
    return this.failure(scope, node, `rendered output exceeds ${this.set.limits.maxOutputChars} characters`, true);
  }

  private print(scope: Scope, val: Val, node: Span): void {
    const { value } = val;
    let ok: boolean;
    if (value instanceof Rope) ok = scope.out.pushRope(value, this.actionOrigin(scope, node, val.source));
    else if (typeof value === 'function') throw this.failure(scope, node, `can't print ${scope.tree.source.slice(node.start, node.end)} of type func`);
    else {
      // Go prints the struct a pointer points to, so `{{ .Release }}` has no `&` where `toString` has one.
      const text = value === null ? '<no value>' : typeof value === 'string' ? value : formatValue(value instanceof GoStruct ? new GoStruct(value.typeName.replace(/^\*/, ''), value.fields) : value);
      ok = scope.out.push(text, this.actionOrigin(scope, node, val.source));
    }
    if (!ok) throw this.outputFull(scope, node);
  }

  private range(scope: Scope, dot: Val, node: Extract<Node, { kind: 'range' }>): Flow {
    const mark = scope.vars.length;
    const val = this.pipeline(scope, dot, node.pipe, node, false);
    const { value } = val;
    const limit = this.set.limits.maxRangeItems;
    const tooMany = (count: number | bigint): ExecFailure => this.failure(scope, node.pipe, `range over ${count} items exceeds the limit of ${limit}`, true);
    let count: number;
    let entry: (index: number) => { key: GoValue; val: Val };
    if (isList(value)) {
      count = value.length;
      entry = (index) => ({ key: BigInt(index), val: { value: value[index], source: entrySource(value, index) } });
    } else if (isMap(value)) {
      count = value.size;
      if (count > limit) throw tooMany(count);
      const keys = sortedKeys(value);
      entry = (index) => ({ key: keys[index], val: { value: value.get(keys[index]) ?? null, source: entrySource(value, keys[index]) } });
    } else if (typeof value === 'bigint') {
      if (value > BigInt(limit)) throw tooMany(value);
      count = Math.max(Number(value), 0);
      entry = (index) => ({ key: BigInt(index), val: { value: BigInt(index) } });
    } else if (value === null) {
      count = 0;
      entry = () => ({ key: null, val: NIL });
    } else throw this.failure(scope, node.pipe, `range can't iterate over ${formatValue(value)}`);
    if (count > limit) throw tooMany(count);
    let flow: Flow = 0;
    for (let index = 0; index < count; index++) {
      // Each pass costs a step, so that empty bodies cannot loop for free.
      this.step(scope, node);
      const { key, val: item } = entry(index);
      const itemMark = scope.vars.length;
      if (node.pipe.decl.length === 1) scope.vars.push({ name: node.pipe.decl[0], val: typeof value === 'bigint' ? { value: key } : item });
      else if (node.pipe.decl.length === 2) scope.vars.push({ name: node.pipe.decl[0], val: { value: key } }, { name: node.pipe.decl[1], val: item });
      const result = this.walkList(scope, item, node.list);
      scope.vars.length = itemMark;
      if (result === BREAK) break;
    }
    if (count === 0 && node.elseList) flow = this.walkList(scope, dot, node.elseList);
    scope.vars.length = mark;
    return flow;
  }

  private enter(scope: Scope, node: Span, name: string): void {
    if (++this.depth > this.set.limits.maxCallDepth) {
      this.depth--;
      throw this.failure(scope, node, `exceeded maximum template depth (${this.set.limits.maxCallDepth}) calling "${name}"`, true);
    }
  }

  private templateCall(scope: Scope, dot: Val, node: Extract<Node, { kind: 'template' }>): Flow {
    const tree = this.lookup(node.name);
    if (!tree) throw this.failure(scope, node, `template "${node.name}" not defined`);
    const data = node.pipe ? this.pipeline(scope, dot, node.pipe, node, false) : NIL;
    this.enter(scope, node, node.name);
    try {
      const frame: CallFrame = { name: node.name, callSite: { uri: scope.tree.uri, start: node.start, end: node.end } };
      this.execute(tree, data, scope.override ? scope.frames : [...scope.frames, frame], scope.out, scope.override);
    } finally {
      this.depth--;
    }
    return 0;
  }

  // ---- expressions ----

  private pipeline(scope: Scope, dot: Val, pipe: Pipeline, action: Span, declare: boolean): Val {
    let val: Val | undefined;
    for (const cmd of pipe.cmds) val = this.command(scope, dot, cmd, val, action);
    const result = val ?? NIL;
    if (declare) {
      for (const name of pipe.decl) {
        if (pipe.assign) {
          const slot = findVar(scope, name);
          if (slot) slot.val = result;
        } else scope.vars.push({ name, val: result });
      }
    }
    return result;
  }

  private command(scope: Scope, dot: Val, cmd: Command, final: Val | undefined, action: Span): Val {
    this.step(scope, cmd);
    const [first, ...rest] = cmd.args;
    switch (first.kind) {
      case 'ident':
        return this.callFunction(scope, dot, first.name, cmd, rest, final, action);
      case 'field':
        return this.fieldChain(scope, dot, dot, first, first.names, rest, final, action);
      case 'variable':
        if (first.names.length) return this.fieldChain(scope, dot, this.variable(scope, first.name), first, first.names, rest, final, action);
        break;
      case 'chain':
        return this.fieldChain(scope, dot, this.arg(scope, dot, first.node, action), first, first.names, rest, final, action);
      case 'nil':
        throw this.failure(scope, first, 'nil is not a command');
    }
    if (rest.length || final) throw this.failure(scope, first, `can't give argument to non-function ${scope.tree.source.slice(first.start, first.end)}`);
    return this.arg(scope, dot, first, action);
  }

  private variable(scope: Scope, name: string): Val {
    return findVar(scope, name)?.val ?? NIL;
  }

  private arg(scope: Scope, dot: Val, expr: Expr, action: Span): Val {
    switch (expr.kind) {
      case 'dot':
        return dot;
      case 'nil':
        return NIL;
      case 'literal':
        return { value: expr.value };
      case 'variable':
        return expr.names.length ? this.fieldChain(scope, dot, this.variable(scope, expr.name), expr, expr.names, [], undefined, action) : this.variable(scope, expr.name);
      case 'field':
        return this.fieldChain(scope, dot, dot, expr, expr.names, [], undefined, action);
      case 'chain':
        return this.fieldChain(scope, dot, this.arg(scope, dot, expr.node, action), expr, expr.names, [], undefined, action);
      case 'pipe':
        return this.pipeline(scope, dot, expr.pipe, action, true);
      case 'ident':
        return this.callFunction(scope, dot, expr.name, expr, [], undefined, action);
    }
  }

  /**
   * `.a.b.c`: a nil that a map lookup gave stops the chain with Go's nil pointer error, but a
   * nil receiver at the start (a parenthesised pipeline, a variable) only gives nil, which is
   * what makes `(.Values.global).x` safe.
   */
  private fieldChain(scope: Scope, dot: Val, receiver: Val, node: Expr, names: readonly string[], args: readonly Expr[], final: Val | undefined, action: Span): Val {
    let current = receiver;
    const silent = current.value === null;
    for (let i = 0; i < names.length; i++) {
      const last = i === names.length - 1;
      if (current.value === null) {
        if (i > 0 && !silent) throw this.failure(scope, node, `nil pointer evaluating interface {}.${names[i]}`);
        if (last && (args.length || final)) throw this.failure(scope, node, `${names[i]} is not a method but has arguments`);
        current = NIL;
        continue;
      }
      current = this.field(scope, dot, current.value, names[i], node, last ? args : [], last ? final : undefined, action);
    }
    return current;
  }

  private field(scope: Scope, dot: Val, receiver: GoValue, name: string, node: Expr, args: readonly Expr[], final: Val | undefined, action: Span): Val {
    const hasArgs = args.length > 0 || final !== undefined;
    if (isMap(receiver)) {
      if (hasArgs) throw this.failure(scope, node, `${name} is not a method but has arguments`);
      return { value: receiver.get(name) ?? null, source: entrySource(receiver, name) };
    }
    if (receiver instanceof GoStruct) {
      if (receiver.fields.has(name)) {
        if (hasArgs) throw this.failure(scope, node, `${name} has arguments but cannot be invoked as function`);
        return { value: receiver.fields.get(name) ?? null };
      }
      const method = receiver.methods.get(name);
      if (method) {
        const values = args.map((arg) => this.arg(scope, dot, arg, action).value);
        if (final) values.push(final.value);
        try {
          return { value: method(...values) ?? null };
        } catch (error) {
          throw this.callFailure(scope, node, name, error);
        }
      }
      throw this.failure(scope, node, `can't evaluate field ${name} in type ${receiver.typeName}`);
    }
    throw this.failure(scope, node, `can't evaluate field ${name} in type ${typeName(receiver)}`);
  }

  private callFailure(scope: Scope, node: Span, name: string, error: unknown): ExecFailure {
    if (error instanceof ExecFailure) return error;
    if (error instanceof IncludeError) return this.failure(scope, node, `error calling ${name}: ${error.message}`, false, error.inner);
    if (isStackOverflow(error)) return this.failure(scope, node, `templates nested too deeply calling ${name}`, true);
    return this.failure(scope, node, `error calling ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }

  private callFunction(scope: Scope, dot: Val, name: string, node: Span, argExprs: readonly Expr[], final: Val | undefined, action: Span): Val {
    const fn = this.set.functions.get(name);
    if (!fn && (name === 'and' || name === 'or')) return this.logic(scope, dot, name, node, argExprs, final, action);
    const args = argExprs.map((expr) => this.arg(scope, dot, expr, action));
    if (final) args.push(final);
    const values = args.map((arg) => arg.value);
    let value: GoValue;
    try {
      if (fn) value = fn(this.context(scope, action), ...values) ?? null;
      else {
        const builtin = builtins.get(name);
        if (!builtin) throw new GoError(`function "${name}" not defined`);
        value = builtin(values);
      }
    } catch (error) {
      throw this.callFailure(scope, node, name, error);
    }
    // A chain such as `quote | quote | …` doubles a string at each call without printing it,
    // so the output limit alone would not stop it before memory runs out.
    if ((typeof value === 'string' || value instanceof Rope) && value.length > this.set.limits.maxOutputChars) {
      throw this.failure(scope, node, `result of ${name} exceeds ${this.set.limits.maxOutputChars} characters`, true);
    }
    return { value, source: resultSource(name, args, value) };
  }

  /** `and`/`or` stop at the deciding operand and return it, not a bool. */
  private logic(scope: Scope, dot: Val, name: 'and' | 'or', node: Span, argExprs: readonly Expr[], final: Val | undefined, action: Span): Val {
    const count = argExprs.length + (final ? 1 : 0);
    if (count === 0) throw this.failure(scope, node, `wrong number of args for ${name}: want at least 1 got 0`);
    let val: Val = NIL;
    for (let i = 0; i < count; i++) {
      val = i < argExprs.length ? this.arg(scope, dot, argExprs[i], action) : final!;
      if (isTrue(val.value) === (name === 'or')) return val;
    }
    return val;
  }

  private context(scope: Scope, action: Span): CallContext {
    return {
      origin: this.actionOrigin(scope, action),
      include: (name, data) => this.include(scope, action, name, data),
      tpl: (text, data) => this.tpl(scope, action, text, data),
      changing: this.set.changing,
    };
  }

  private include(scope: Scope, action: Span, name: string, data: GoValue): Rope {
    const tree = this.lookup(name);
    if (!tree) throw new GoError(`template: no template ${goQuote(name)} associated with template "gotpl"`);
    const count = this.includes.get(name) ?? 0;
    if (count >= this.set.limits.maxIncludesPerName) {
      throw this.failure(scope, action, `error calling include: rendering template has a nested reference name: ${name}: unable to execute template`, true);
    }
    this.enter(scope, action, name);
    this.includes.set(name, count + 1);
    const out = new Output(this.set.limits.maxOutputChars);
    try {
      const frame: CallFrame = { name, callSite: { uri: scope.tree.uri, start: action.start, end: action.end } };
      this.execute(tree, { value: data }, scope.override ? scope.frames : [...scope.frames, frame], out, scope.override);
    } catch (error) {
      if (error instanceof ExecFailure && !error.fatal) throw new IncludeError(error.error);
      throw error;
    } finally {
      this.depth--;
      this.includes.set(name, count);
    }
    return out.rope();
  }

  private tpl(scope: Scope, action: Span, text: string | Rope, data: GoValue): Rope {
    const source = typeof text === 'string' ? text : text.text;
    const parsed = this.set.parseTpl(source);
    this.enter(scope, action, 'tpl');
    if (parsed.defines.length) this.overlays.push(new Map(parsed.defines.map((tree) => [tree.name, tree])));
    const out = new Output(this.set.limits.maxOutputChars);
    try {
      this.execute(parsed.main, { value: data }, scope.frames, out, this.actionOrigin(scope, action));
    } catch (error) {
      if (error instanceof ExecFailure && !error.fatal) throw new GoError(`error during tpl function execution for ${goQuote(source)}: ${error.error.message}`);
      throw error;
    } finally {
      this.depth--;
      if (parsed.defines.length) this.overlays.pop();
    }
    return out.rope().without('<no value>');
  }
}

/** Only the engine's own recursion is turned into a depth error; other range errors are function errors. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function findVar(scope: Scope, name: string): { name: string; val: Val } | undefined {
  for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i].name === name) return scope.vars[i];
  return undefined;
}

/** Keeps a values source through the functions that only reshape or choose their argument. */
function resultSource(name: string, args: readonly Val[], value: GoValue): SourceSpan | undefined {
  if (args.length === 0) return undefined;
  if (CHOOSING.has(name)) {
    if (name === 'ternary') return (args[0].value === value ? args[0] : args[1])?.source;
    // `default` prefers its last (given) argument; `coalesce` takes the first that is set.
    const order = name === 'default' ? [...args].reverse() : args;
    return order.find((arg) => arg.value === value)?.source;
  }
  if (PASS_THROUGH.has(name)) return args[args.length - 1].source;
  if (name === 'index' && args.length >= 2) {
    try {
      let container = args[0].value;
      for (let i = 1; i < args.length - 1; i++) container = indexStep(container, args[i].value);
      const key = args[args.length - 1].value;
      return isString(key) ? entrySource(container, stringOf(key)) : typeof key === 'bigint' ? entrySource(container, Number(key)) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
