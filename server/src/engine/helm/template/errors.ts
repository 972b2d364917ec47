/** A template that does not parse (Go then fails the whole template set), or that failed while running. */
export interface TemplateError {
  readonly uri: string;
  /** Offsets, in `uri`'s text, of the text or node at fault. */
  readonly start: number;
  readonly end: number;
  /**
   * As Go prints it: `template: NAME:LINE: function "x" not defined` for a parse error,
   * `template: NAME:LINE:COL: executing "NAME" at <node>: message` for a run.
   */
  readonly message: string;
  /** The file template at fault, as Go names it in the position. */
  readonly templateName: string;
  /** 1-based line and Go's 0-based byte column of the start. */
  readonly line: number;
  readonly column: number;
  /** The message without Go's position prefix, e.g. `error calling required: x is required`. */
  readonly detail: string;
}

/** An error about a template as a whole, placed at its start. */
export function wholeTemplateError(uri: string, templateName: string, message: string, detail: string): TemplateError {
  return { uri, start: 0, end: 0, message, templateName, line: 1, column: 0, detail };
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
