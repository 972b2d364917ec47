import type { Expr, Node, Pipeline } from '../template/ast';
import { RecentlyUsed } from '../../workspace/recently-used';
import { parseTemplate, ParseFailure } from '../template/parser';

/** One name of a `.Values` path as written in the template, e.g. `b` in `.Values.a.b`. */
export interface PathSegment {
  /** The name's index in the reference's `path`. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** A read of a values path in a template. */
export interface ValuesReference {
  /** The path under `.Values`, e.g. `['a', 'b']` for `.Values.a.b`; empty for `.Values` itself. */
  readonly path: readonly string[];
  /** The span of the whole expression in the template, e.g. `$.Values.a.b` or `.b` inside `with .Values.a`. */
  readonly start: number;
  readonly end: number;
  /** The names of `path` written in this expression, with their spans (a `with` prefix has none). */
  readonly segments: readonly PathSegment[];
  /**
   * Read only where a guard makes a missing key harmless: the condition or body of an
   * `if`/`with` on this path or a prefix, or an argument of `default`, `hasKey`, `empty`,
   * `required`, `coalesce` or `ternary`.
   */
  readonly guarded: boolean;
  /** Inside a `define`, whose dot is whatever the caller passes, so the path may not be the chart's. */
  readonly inDefine: boolean;
  /** False when the template did not parse and a text scan found the reference: `guarded` is then a guess. */
  readonly exact: boolean;
}

export interface ValuesReferences {
  readonly references: readonly ValuesReference[];
  /** The template parsed; when false the references come from a text scan of `{{ … }}` actions. */
  readonly parsed: boolean;
}

const GUARD_FUNCTIONS = new Set(['default', 'hasKey', 'empty', 'required', 'coalesce', 'ternary']);

/** What dot (or a variable) holds, as far as values are concerned. */
type Context = { kind: 'root' } | { kind: 'values'; path: readonly string[] } | { kind: 'unknown' };

const ROOT: Context = { kind: 'root' };
const UNKNOWN: Context = { kind: 'unknown' };

interface Scope {
  readonly dot: Context;
  /** What `$` holds. */
  readonly dollar: Context;
  /** Paths an enclosing `if`/`with` tested, which guard reads of them and below. */
  readonly guards: readonly (readonly string[])[];
  readonly inDefine: boolean;
}

const remembered = new RecentlyUsed<string, ValuesReferences>(32);

/**
 * Every `.Values` read in a template, parsed with the project's parser, or scanned from the text
 * when it does not parse. Remembered by text, since every check of an open template asks again
 * while only the edited one changes; the result is shared, so callers must not change it.
 */
export function valuesReferences(text: string): ValuesReferences {
  return remembered.get(text, readReferences);
}

function readReferences(text: string): ValuesReferences {
  let parsed;
  try {
    // Any function name is accepted: authoring help should not depend on which functions exist.
    parsed = parseTemplate('template', 'template', text, () => true);
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    return { references: scanReferences(text), parsed: false };
  }
  const collector = new Collector(text);
  collector.nodes(parsed.main.root, { dot: ROOT, dollar: ROOT, guards: [], inDefine: false });
  // A `define`'s dot is what its caller passes; charts nearly always pass the root (`include "x" .`),
  // so its reads are listed as the chart's, marked so that findings can leave them out.
  for (const tree of parsed.defines) collector.nodes(tree.root, { dot: ROOT, dollar: ROOT, guards: [], inDefine: true });
  const references = [...collector.references].sort((a, b) => a.start - b.start);
  return { references, parsed: true };
}

class Collector {
  readonly references: ValuesReference[] = [];

  constructor(private readonly text: string) {}

  nodes(nodes: readonly Node[], scope: Scope): void {
    for (const node of nodes) this.node(node, scope);
  }

  private node(node: Node, scope: Scope): void {
    switch (node.kind) {
      case 'action':
        this.pipeline(node.pipe, scope, false);
        return;
      case 'template':
        if (node.pipe) this.pipeline(node.pipe, scope, false);
        return;
      case 'if':
      case 'with': {
        // Reading a path in the condition is itself a test of whether it is set.
        const tested = this.pipeline(node.pipe, scope, true);
        const guards = [...scope.guards, ...tested];
        let dot = scope.dot;
        if (node.kind === 'with') dot = this.pipelineContext(node.pipe, scope);
        this.nodes(node.list, { ...scope, dot, guards });
        if (node.elseList) this.nodes(node.elseList, scope);
        return;
      }
      case 'range': {
        const tested = this.pipeline(node.pipe, scope, true);
        this.nodes(node.list, { ...scope, dot: UNKNOWN, guards: [...scope.guards, ...tested] });
        if (node.elseList) this.nodes(node.elseList, scope);
        return;
      }
      default:
        return;
    }
  }

  /** Records the references in a pipeline; returns the paths it read, for a condition. */
  private pipeline(pipe: Pipeline, scope: Scope, guarded: boolean): (readonly string[])[] {
    const read: (readonly string[])[] = [];
    // A guard function anywhere in the pipeline guards what flows into it: `.Values.a | default "x"`.
    let lastGuard = -1;
    pipe.cmds.forEach((cmd, index) => {
      const head = cmd.args[0];
      if (head?.kind === 'ident' && GUARD_FUNCTIONS.has(head.name)) lastGuard = index;
    });
    pipe.cmds.forEach((cmd, index) => {
      for (const arg of cmd.args) read.push(...this.expr(arg, scope, guarded || index <= lastGuard));
    });
    return read;
  }

  private expr(expr: Expr, scope: Scope, guarded: boolean): (readonly string[])[] {
    if (expr.kind === 'pipe') return this.pipeline(expr.pipe, scope, guarded);
    if (expr.kind === 'chain') return this.expr(expr.node, scope, guarded);
    if (expr.kind !== 'field' && expr.kind !== 'variable') return [];
    const base = expr.kind === 'field' ? scope.dot : expr.name === '$' ? scope.dollar : UNKNOWN;
    const resolved = resolve(base, expr.names);
    if (!resolved) return [];
    const path = resolved.path;
    const isGuarded = guarded || scope.guards.some((guard) => isPrefix(guard, path));
    this.references.push({
      path,
      start: expr.start,
      end: expr.end,
      segments: this.segments(expr, resolved.written, path.length),
      guarded: isGuarded,
      inDefine: scope.inDefine,
      exact: true,
    });
    return [path];
  }

  /** The spans of the last `count` names of the expression, checked against the text. */
  private segments(expr: Extract<Expr, { kind: 'field' | 'variable' }>, count: number, pathLength: number): PathSegment[] {
    let offset = expr.start + (expr.kind === 'variable' ? expr.name.length : 0);
    const spans: { start: number; end: number }[] = [];
    for (const name of expr.names) {
      if (this.text[offset] !== '.' || this.text.slice(offset + 1, offset + 1 + name.length) !== name) return [];
      spans.push({ start: offset + 1, end: offset + 1 + name.length });
      offset += 1 + name.length;
    }
    return spans.slice(spans.length - count).map((span, i) => ({ index: pathLength - count + i, ...span }));
  }

  /** What a `with` pipeline sets dot to, when it is a single values path. */
  private pipelineContext(pipe: Pipeline, scope: Scope): Context {
    if (pipe.cmds.length !== 1 || pipe.cmds[0].args.length !== 1) return UNKNOWN;
    const expr = pipe.cmds[0].args[0];
    if (expr.kind === 'dot') return scope.dot;
    if (expr.kind !== 'field' && expr.kind !== 'variable') return UNKNOWN;
    const base = expr.kind === 'field' ? scope.dot : expr.name === '$' ? scope.dollar : UNKNOWN;
    const resolved = resolve(base, expr.names);
    return resolved ? { kind: 'values', path: resolved.path } : UNKNOWN;
  }
}

/** The values path that `names` reach from `base`, and how many of its names are written in `names`. */
function resolve(base: Context, names: readonly string[]): { path: readonly string[]; written: number } | undefined {
  if (base.kind === 'root') {
    if (names[0] !== 'Values') return undefined;
    return { path: names.slice(1), written: names.length - 1 };
  }
  if (base.kind === 'values') {
    if (names.length === 0) return undefined;
    return { path: [...base.path, ...names], written: names.length };
  }
  return undefined;
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, index) => path[index] === name);
}

const ACTION = /\{\{(.*?)\}\}/gs;
const REFERENCE = /(\$?)\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;
const GUARD_WORDS = /^\s*-?\s*(if|with|else\s+if|else\s+with|range)\b|\b(default|hasKey|empty|required|coalesce|ternary)\b/;

/** The fallback for a template that does not parse: `.Values.a.b` inside `{{ … }}`, guarded when its action looks like a guard. */
function scanReferences(text: string): ValuesReference[] {
  const references: ValuesReference[] = [];
  for (const action of text.matchAll(ACTION)) {
    const body = action[1];
    const bodyStart = action.index + 2;
    const guarded = GUARD_WORDS.test(body);
    for (const match of body.matchAll(REFERENCE)) {
      const start = bodyStart + match.index;
      const names = match[2] === '' ? [] : match[2].slice(1).split('.');
      const segments: PathSegment[] = [];
      let offset = start + match[1].length + '.Values'.length;
      names.forEach((name, index) => {
        segments.push({ index, start: offset + 1, end: offset + 1 + name.length });
        offset += 1 + name.length;
      });
      references.push({ path: names, start, end: start + match[0].length, segments, guarded, inDefine: false, exact: false });
    }
  }
  return references;
}
