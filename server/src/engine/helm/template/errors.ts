/** A template that does not parse; Go fails the whole template set for it. */
export interface TemplateParseError {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  /** As Go prints it: `template: NAME:LINE: function "x" not defined`. */
  readonly message: string;
  readonly templateName: string;
  /** 1-based. */
  readonly line: number;
}

/** A template that failed while running. */
export interface TemplateExecError {
  readonly uri: string;
  /** Offsets, in `uri`'s text, of the node that failed. */
  readonly start: number;
  readonly end: number;
  /** As Go prints it: `template: NAME:LINE:COL: executing "NAME" at <node>: message`. */
  readonly message: string;
  /** The file template whose node failed, as Go names it in the position. */
  readonly templateName: string;
  /** 1-based line and Go's 0-based byte column of the failing node. */
  readonly line: number;
  readonly column: number;
  /** The message without Go's position prefix, e.g. `error calling required: x is required`. */
  readonly detail: string;
}

/** Line (1-based) and UTF-8 byte column (0-based) of an offset, as Go counts them. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: new TextEncoder().encode(source.slice(lineStart, offset)).length };
}
