/**
 * VS Code snippet bodies, read with the grammar VS Code uses: tabstops (`$1`, `${1}`),
 * placeholders that may nest (`${7:${1:web}-credentials}`), choices (`${1|a,b|}`) and the
 * escapes `\$`, `\}` and `\\`. Variables (`$TM_FILENAME`) and transforms are refused: in a
 * preset they are almost always a shell `$VAR` that lost its backslash, which VS Code would
 * turn into a placeholder.
 */

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; placeholder?: SnippetNode[]; choices?: string[] };

export interface ExpandOptions {
  /** Text typed at some tabstops, by number; every mirror of a tabstop shows it. */
  values?: Record<number, string>;
}

/**
 * Expands a snippet body as accepting it would, with the text of `values` typed at those
 * tabstops and the others left as offered: a tabstop takes the placeholder of its first
 * occurrence that has one (so mirrors follow it, as in VS Code), a choice its first option,
 * and a bare tabstop nothing.
 */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  const nodes = parseSnippet(joined(body));
  return renderWith(resolver(nodes, options.values ?? {}), nodes);
}

/**
 * The text of each numbered tabstop (the final `$0` left out): what it offers, or what
 * `values` types there or at the tabstops its placeholder mirrors.
 */
export function tabstopValues(body: string | string[], options: ExpandOptions = {}): Map<number, string> {
  const nodes = parseSnippet(joined(body));
  const valueOf = resolver(nodes, options.values ?? {});
  const indexes = [...new Set(tabstopIndexes(nodes))].filter((index) => index !== 0).sort((a, b) => a - b);
  return new Map(indexes.map((index) => [index, valueOf(index)]));
}

function joined(body: string | string[]): string {
  return Array.isArray(body) ? body.join('\n') : body;
}

function renderWith(valueOf: (index: number) => string, nodes: SnippetNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.value : node.index === 0 ? '' : valueOf(node.index))).join('');
}

/** The value of each tabstop: typed, else its first placeholder (rendered), first choice or nothing. */
function resolver(nodes: SnippetNode[], typed: Record<number, string>): (index: number) => string {
  const definitions = firstDefinitions(nodes);
  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    if (typed[index] !== undefined) return typed[index];
    if (resolving.has(index)) throw new Error(`tabstop ${index} is defined in terms of itself`);
    resolving.add(index);
    const definition = definitions.get(index);
    const value = definition?.placeholder ? renderWith(valueOf, definition.placeholder) : (definition?.choices?.[0] ?? '');
    resolving.delete(index);
    return value;
  };
  return valueOf;
}

function tabstopIndexes(nodes: SnippetNode[]): number[] {
  return nodes.flatMap((node) => (node.kind === 'tabstop' ? [node.index, ...tabstopIndexes(node.placeholder ?? [])] : []));
}

/** For each tabstop number, its first occurrence with a placeholder or choices, in text order. */
function firstDefinitions(nodes: SnippetNode[]): Map<number, Extract<SnippetNode, { kind: 'tabstop' }>> {
  const definitions = new Map<number, Extract<SnippetNode, { kind: 'tabstop' }>>();
  const walk = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind !== 'tabstop') continue;
      if ((node.placeholder || node.choices) && !definitions.has(node.index)) definitions.set(node.index, node);
      if (node.placeholder) walk(node.placeholder);
    }
  };
  walk(nodes);
  return definitions;
}

function parseSnippet(text: string): SnippetNode[] {
  let position = 0;

  const fail = (message: string): never => {
    const line = text.slice(0, position).split('\n').length;
    throw new Error(`snippet line ${line}: ${message}`);
  };

  const parseList = (insidePlaceholder: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let pending = '';
    const flush = () => {
      if (pending !== '') nodes.push({ kind: 'text', value: pending });
      pending = '';
    };
    while (position < text.length) {
      const char = text[position];
      if (char === '\\' && ['$', '}', '\\'].includes(text[position + 1])) {
        pending += text[position + 1];
        position += 2;
      } else if (char === '}' && insidePlaceholder) {
        flush();
        return nodes;
      } else if (char === '$') {
        const node = parseDollar();
        if (node.kind === 'text') pending += node.value;
        else {
          flush();
          nodes.push(node);
        }
      } else {
        pending += char;
        position += 1;
      }
    }
    if (insidePlaceholder) return fail('a placeholder is not closed with }');
    flush();
    return nodes;
  };

  const parseDollar = (): SnippetNode => {
    const rest = text.slice(position + 1);
    const bare = /^\d+/.exec(rest);
    if (bare) {
      position += 1 + bare[0].length;
      return { kind: 'tabstop', index: Number(bare[0]) };
    }
    const variable = /^\{?([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (variable) return fail(`'$${variable[1]}' is a snippet variable; write \\$ for a literal dollar sign`);
    if (!rest.startsWith('{')) {
      position += 1;
      return { kind: 'text', value: '$' };
    }
    const braced = /^\{(\d+)/.exec(rest);
    if (!braced) return fail("'${' must be followed by a tabstop number; write \\$ for a literal dollar sign");
    const index = Number(braced[1]);
    position += 1 + braced[0].length;
    const next = text[position];
    if (next === '}') {
      position += 1;
      return { kind: 'tabstop', index };
    }
    if (next === ':') {
      position += 1;
      const placeholder = parseList(true);
      position += 1;
      return { kind: 'tabstop', index, placeholder };
    }
    if (next === '|') {
      const end = text.indexOf('|}', position + 1);
      if (end < 0) return fail('a choice is not closed with |}');
      const choices = text
        .slice(position + 1, end)
        .split(/(?<!\\),/)
        .map((choice) => choice.replace(/\\([,|\\$}])/g, '$1'));
      position = end + 2;
      return { kind: 'tabstop', index, choices };
    }
    return fail(`tabstop ${index} uses a transform or unknown syntax`);
  };

  return parseList(false);
}
