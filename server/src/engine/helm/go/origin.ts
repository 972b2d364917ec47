/**
 * A span of a source file, by UTF-16 offsets into its text: a template, a helper or a
 * values file. Offsets, not lines, because the engine turns them into ranges with the
 * file's own line index.
 */
export interface SourceSpan {
  /** The file's URI, as the workspace knows it. */
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

/** One `include` or `template` call on the way to an output byte: the call site and the template it called. */
export interface CallFrame {
  /** The name of the called template, as in `define "name"`. */
  readonly name: string;
  readonly callSite: SourceSpan;
}

/** Where a piece of rendered output was written. */
export interface Origin {
  /** Literal text is copied from here; an action's output comes from its `{{ … }}` span. */
  readonly kind: 'text' | 'action';
  readonly span: SourceSpan;
  /** The `include`/`template` calls that led here, outermost first; empty in a top-level template. */
  readonly frames: readonly CallFrame[];
  /** For a value that came from a values file unchanged: the key and value there. */
  readonly value?: SourceSpan;
  /**
   * For a kustomize build: the kustomization entries that changed the value written at `span`
   * afterwards (a `namePrefix`, a name hash), in the order they acted. A Helm render sets none.
   */
  readonly via?: readonly OriginStep[];
}

/** A source line that acted on a value after it was written, and what it did. */
export interface OriginStep {
  readonly span: SourceSpan;
  readonly message: string;
}
