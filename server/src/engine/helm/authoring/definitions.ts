import type { SourceSpan } from '../go/origin';
import type { GoMap } from '../go/values';
import { parseTemplate, ParseFailure } from '../template/parser';
import type { Expr, Node, Pipeline } from '../template/ast';
import { valuesReferences, type ValuesReference } from './values-references';
import { keyLocation, lookupPath } from './values-lookup';

/** A values file of the chart: its parsed map, and its text to place quoted keys exactly. */
export interface ValuesSource {
  readonly values: GoMap;
  readonly text?: string;
}

/** A template of the chart or one of its subcharts. */
export interface TemplateSource {
  readonly uri: string;
  readonly text: string;
}

/** A use of a named template: `include "x"` or `template "x"`, with the span of the quoted name. */
export interface TemplateNameUse {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** A `define "x"` (or `block "x"`), with the span of the quoted name. */
export interface TemplateDefinition {
  readonly name: string;
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

export type DefinitionTarget =
  | { readonly kind: 'values'; readonly path: readonly string[]; readonly origin: { start: number; end: number }; readonly targets: readonly SourceSpan[] }
  | { readonly kind: 'template'; readonly name: string; readonly origin: { start: number; end: number }; readonly targets: readonly SourceSpan[] };

/**
 * Go to definition at `offset` in a template: from a name of a `.Values.a.b` path to where that
 * key is written in each values file that sets it, or from the name in `include "x"`/`template "x"`
 * to every `define "x"` among `templates`. Undefined when nothing there leads anywhere.
 */
export function findDefinition(text: string, offset: number, valuesFiles: readonly ValuesSource[], templates: readonly TemplateSource[]): DefinitionTarget | undefined {
  const use = templateNameUses(text).find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (use) {
    const targets = templateDefinitions(templates)
      .filter((definition) => definition.name === use.name)
      .map(({ uri, start, end }) => ({ uri, start, end }));
    return targets.length > 0 ? { kind: 'template', name: use.name, origin: { start: use.start, end: use.end }, targets } : undefined;
  }
  const reference = referenceAt(valuesReferences(text).references, offset);
  if (!reference) return undefined;
  const { path, segment } = reference;
  const targets: SourceSpan[] = [];
  for (const file of valuesFiles) {
    const found = lookupPath(file.values, path);
    if (found.kind !== 'found') continue;
    const location = keyLocation(found.parent, found.key, file.text);
    if (location) targets.push(location.key);
  }
  return targets.length > 0 ? { kind: 'values', path, origin: segment, targets } : undefined;
}

/** The path up to the name under the offset. */
function referenceAt(references: readonly ValuesReference[], offset: number): { path: readonly string[]; segment: { start: number; end: number } } | undefined {
  for (const reference of references) {
    const segment = reference.segments.find((candidate) => candidate.start <= offset && offset <= candidate.end);
    if (segment) return { path: reference.path.slice(0, segment.index + 1), segment: { start: segment.start, end: segment.end } };
  }
  return undefined;
}

const NAME_USE = /\b(include|template)\s+("(?:[^"\\\n]|\\.)*"|`[^`]*`)/g;
const DEFINE = /\{\{-?\s*(define|block)\s+("(?:[^"\\\n]|\\.)*"|`[^`]*`)/g;

/** The `include "x"` and `template "x"` uses in a template, from its syntax tree, or its text when it does not parse. */
export function templateNameUses(text: string): TemplateNameUse[] {
  let parsed;
  try {
    parsed = parseTemplate('template', 'template', text, () => true);
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    return scanNames(text, NAME_USE).map(({ name, start, end }) => ({ name, start, end }));
  }
  const uses: TemplateNameUse[] = [];
  const pipeline = (pipe: Pipeline | undefined): void => {
    for (const cmd of pipe?.cmds ?? []) {
      cmd.args.forEach((arg, index) => {
        const next = cmd.args[index + 1];
        if (arg.kind === 'ident' && arg.name === 'include' && next?.kind === 'literal' && typeof next.value === 'string') uses.push({ name: next.value, start: next.start, end: next.end });
        expr(arg);
      });
    }
  };
  const expr = (node: Expr): void => {
    if (node.kind === 'pipe') pipeline(node.pipe);
    else if (node.kind === 'chain') expr(node.node);
  };
  const nodes = (list: readonly Node[] | undefined): void => {
    for (const node of list ?? []) {
      if (node.kind === 'action') pipeline(node.pipe);
      else if (node.kind === 'if' || node.kind === 'with' || node.kind === 'range') {
        pipeline(node.pipe);
        nodes(node.list);
        nodes(node.elseList);
      } else if (node.kind === 'template') {
        // The node spans the whole action; the name is the first string after the keyword.
        const found = scanNames(text.slice(node.start, node.end), /\b(template|block)\s+("(?:[^"\\\n]|\\.)*"|`[^`]*`)/g)[0];
        if (found && found.name === node.name) uses.push({ name: node.name, start: node.start + found.start, end: node.start + found.end });
        pipeline(node.pipe);
      }
    }
  };
  nodes(parsed.main.root);
  for (const tree of parsed.defines) nodes(tree.root);
  return uses.sort((a, b) => a.start - b.start);
}

/** Every `define "x"` and `block "x"` in the templates, found in their text so that a template that does not parse still offers its names. */
export function templateDefinitions(templates: readonly TemplateSource[]): TemplateDefinition[] {
  return templates.flatMap(({ uri, text }) => scanNames(text, DEFINE).map(({ name, start, end }) => ({ name, uri, start, end })));
}

function scanNames(text: string, pattern: RegExp): { name: string; start: number; end: number }[] {
  const found: { name: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) {
    const quoted = match[2];
    const start = match.index + match[0].length - quoted.length;
    let name: string;
    try {
      name = quoted.startsWith('`') ? quoted.slice(1, -1) : (JSON.parse(quoted) as string);
    } catch {
      continue;
    }
    found.push({ name, start, end: start + quoted.length });
  }
  return found;
}
