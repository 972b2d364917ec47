import type { GoValue } from '../go/values';

/** Offsets into the template's source text, as UTF-16 indexes. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TextNode extends Span {
  readonly kind: 'text';
  /** The text after trim markers removed whitespace; `start`/`end` cover exactly this text. */
  readonly text: string;
}

/** `{{ pipeline }}`; its span is the whole action, delimiters included. */
export interface ActionNode extends Span {
  readonly kind: 'action';
  readonly pipe: Pipeline;
}

/** `if` and `with`: the span is the opening action. */
export interface BranchNode extends Span {
  readonly kind: 'if' | 'with';
  readonly pipe: Pipeline;
  readonly list: readonly Node[];
  readonly elseList: readonly Node[] | undefined;
}

export interface RangeNode extends Span {
  readonly kind: 'range';
  readonly pipe: Pipeline;
  readonly list: readonly Node[];
  readonly elseList: readonly Node[] | undefined;
}

/** `{{ template "name" pipeline }}`, and the call half of `block`. */
export interface TemplateCallNode extends Span {
  readonly kind: 'template';
  readonly name: string;
  readonly pipe: Pipeline | undefined;
}

export interface LoopControlNode extends Span {
  readonly kind: 'break' | 'continue';
}

export type Node = TextNode | ActionNode | BranchNode | RangeNode | TemplateCallNode | LoopControlNode;

export interface Pipeline extends Span {
  /** Declared or assigned variables, with their `$`. */
  readonly decl: readonly string[];
  /** `=` rather than `:=`. */
  readonly assign: boolean;
  readonly cmds: readonly Command[];
}

export interface Command extends Span {
  readonly args: readonly Expr[];
}

export type Expr =
  | (Span & { readonly kind: 'field'; readonly names: readonly string[] })
  | (Span & { readonly kind: 'variable'; readonly name: string; readonly names: readonly string[] })
  | (Span & { readonly kind: 'chain'; readonly node: Expr; readonly names: readonly string[] })
  | (Span & { readonly kind: 'ident'; readonly name: string })
  | (Span & { readonly kind: 'dot' })
  | (Span & { readonly kind: 'nil' })
  | (Span & { readonly kind: 'literal'; readonly value: GoValue })
  | (Span & { readonly kind: 'pipe'; readonly pipe: Pipeline });

/** One parsed template: a file's own body or a `define`. */
export interface Tree {
  /** The name it is called by. */
  readonly name: string;
  /** The file template's name, which Go prints in error positions. */
  readonly parseName: string;
  readonly uri: string;
  /** The whole source, for line and column numbers. */
  readonly source: string;
  readonly root: readonly Node[];
  /** Only whitespace: Go lets such a `define` not replace an earlier one. */
  readonly empty: boolean;
}
