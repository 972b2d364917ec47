import { RecentVersions } from '../../workspace/recently-used';
import type { FunctionTable } from '../functions/function-table';
import { goQuote } from '../go/format';
import { Rope } from '../go/rope';
import { GoError, type GoMap, type GoValue } from '../go/values';
import type { Tree } from './ast';
import { BUILTIN_NAMES } from './builtins';
import { lineAndColumn, wholeTemplateError, type TemplateError } from './errors';
import { DEFAULT_LIMITS, Executor, type TemplateLimits } from './evaluator';
import { parseTemplate, ParseFailure, type ParsedFile } from './parser';

export type { TemplateError } from './errors';
export type { TemplateLimits } from './evaluator';

/** The name Helm gives `tpl` strings, which its errors print. */
const TPL_NAME = 'gotpl';

/**
 * Parsed files by name, URI and text, so that a re-render after an edit parses only the
 * edited file. Trees are immutable, so sets can share them; a cache belongs to one function
 * table, because parsing checks the names of the functions. Of a file it keeps the last two
 * versions (the one before an edit and the edit); of the `tpl` strings of a template, more.
 */
export class TemplateParseCache {
  private readonly entries: RecentVersions<ParsedFile | TemplateError>;

  constructor(files = 4000) {
    this.entries = new RecentVersions(files, (key) => (key.startsWith(`${TPL_NAME}\0`) ? 64 : 2));
  }

  /** How many parsed texts it holds. */
  get size(): number {
    return this.entries.size;
  }

  /** `limit` is the largest text parsed, which decides whether a long one is an error. */
  get(name: string, uri: string, limit: number, text: string, parse: () => ParsedFile | TemplateError): ParsedFile | TemplateError {
    return this.entries.get(`${name}\0${uri}\0${limit}`, text, parse);
  }
}

const cachesByTable = new WeakMap<FunctionTable, TemplateParseCache>();

/** What one render may tell about itself: the templates it looked up by name, the maps it changed. */
export interface RenderWatch {
  looked(name: string): void;
  changing(map: GoMap): void;
}

export interface TemplateSetOptions {
  readonly limits?: Partial<TemplateLimits>;
  readonly cache?: TemplateParseCache;
}

/** Templates sharing one namespace of `define`s, as Helm parses a chart and its subcharts. */
export class TemplateSet {
  private readonly templates = new Map<string, Tree>();
  private readonly limits: TemplateLimits;
  private readonly cache: TemplateParseCache;
  private readonly isFunction = (name: string): boolean => this.functions.has(name) || BUILTIN_NAMES.has(name);

  constructor(
    private readonly functions: FunctionTable,
    options: TemplateSetOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    let cache = options.cache ?? cachesByTable.get(functions);
    if (!cache) {
      cache = new TemplateParseCache();
      cachesByTable.set(functions, cache);
    }
    this.cache = cache;
  }

  /** Parses a file and adds it and its `define`s; a later definition of a name replaces an earlier one. */
  add(name: string, uri: string, text: string): TemplateError | undefined {
    const parsed = this.parse(name, uri, text);
    if (!('main' in parsed)) return parsed;
    this.templates.set(name, parsed.main);
    for (const tree of parsed.defines) {
      const existing = this.templates.get(tree.name);
      // Go keeps an earlier definition when the new one is only whitespace.
      if (!(tree.empty && existing && !existing.empty)) this.templates.set(tree.name, tree);
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  /** The names a file defines, from the parse cache; undefined when it does not parse. */
  definesOf(name: string, uri: string, text: string): string[] | undefined {
    const parsed = this.parse(name, uri, text);
    return 'main' in parsed ? parsed.defines.map((tree) => tree.name) : undefined;
  }

  /** Runs one template with `data` as its dot; `<no value>` is removed from the output, as Helm does. */
  render(name: string, data: GoValue, watch?: RenderWatch): { output: Rope; error?: TemplateError } {
    const tree = this.templates.get(name);
    if (!tree) {
      const detail = `no template ${goQuote(name)} associated with template "${TPL_NAME}"`;
      return { output: new Rope([]), error: wholeTemplateError('', name, `template: ${detail}`, detail) };
    }
    const executor = new Executor({
      functions: this.functions,
      limits: this.limits,
      lookup: (template) => {
        watch?.looked(template);
        return this.templates.get(template);
      },
      changing: watch && ((map) => watch.changing(map)),
      parseTpl: (text) => {
        const parsed = this.parse(TPL_NAME, `${tree.uri}#tpl`, text);
        if ('main' in parsed) return parsed;
        throw new GoError(`cannot parse template ${goQuote(text)}: ${parsed.message}`);
      },
    });
    const { output, failure } = executor.run(tree, data);
    return failure ? { output: output.without('<no value>'), error: failure.error } : { output: output.without('<no value>') };
  }

  private parse(name: string, uri: string, text: string): ParsedFile | TemplateError {
    return this.cache.get(name, uri, this.limits.maxTemplateChars, text, () => {
      if (text.length > this.limits.maxTemplateChars) {
        const detail = `template text is larger than ${this.limits.maxTemplateChars} characters`;
        return wholeTemplateError(uri, name, `template: ${name}:1: ${detail}`, detail);
      }
      try {
        return parseTemplate(name, uri, text, this.isFunction);
      } catch (error) {
        if (!(error instanceof ParseFailure)) throw error;
        const { line, column } = lineAndColumn(text, error.start);
        return { uri, start: error.start, end: error.end, message: `template: ${name}:${line}: ${error.detail}`, templateName: name, line, column, detail: error.detail };
      }
    });
  }
}
