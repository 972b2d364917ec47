import { Composer, Lexer, Parser, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * The deepest nesting of collections the engine reads. The YAML composer, and the walks over
 * its nodes, recurse once per level: around a thousand levels exhaust the stack, and V8 may
 * then fail compiling a regular expression with a fatal out-of-memory error that ends the
 * process instead of throwing. Manifests stay far below: the deepest of the third-party corpus
 * the tests were checked against nests 15 levels.
 */
export const MAX_NESTING_DEPTH = 300;

/**
 * The parser's tokens for `source`, as `parser.parse(source)` yields them, until a lexeme nests
 * collections deeper than MAX_NESTING_DEPTH: then `onTooDeep` gets that lexeme's offset, and the
 * document it belongs to and the rest of the text are left out. The parser keeps the open
 * collections on a stack rather than recursing, and stops there, so a hostile file costs no
 * more than its first levels.
 */
export function* withinNestingLimit(parser: Parser, source: string, onTooDeep: (offset: number) => void): Generator<CST.Token, void> {
  for (const lexeme of new Lexer().lex(source)) {
    const offset = parser.offset;
    yield* parser.next(lexeme);
    if (parser.stack.length > MAX_NESTING_DEPTH) {
      onTooDeep(offset);
      return;
    }
  }
  yield* parser.end();
}

/** Whether any part of the text nests deeper than MAX_NESTING_DEPTH. */
export function nestsTooDeep(text: string): boolean {
  let tooDeep = false;
  const tokens = withinNestingLimit(new Parser(), text, () => (tooDeep = true));
  while (!tokens.next().done) continue;
  return tooDeep;
}

export interface LimitedParse {
  readonly documents: Document.Parsed[];
  /** Whether the text nests deeper than MAX_NESTING_DEPTH; `documents` then stop before that point. */
  readonly tooDeep: boolean;
}

/**
 * The YAML documents of `text`, as `parseAllDocuments` makes them, composed from the same single
 * pass over the text that watches its depth: checking the depth first and parsing after would
 * read every file twice.
 */
export function parseWithinNestingLimit(text: string, options: DocumentOptions & ParseOptions & SchemaOptions): LimitedParse {
  let tooDeep = false;
  const tokens = withinNestingLimit(new Parser(), text, () => (tooDeep = true));
  const documents = [...new Composer(options).compose(tokens, true, text.length)];
  return { documents, tooDeep };
}
