import type { BranchNode, Node, RangeNode, Span } from './ast';
import { parseTemplate } from './parser';

/** An action a user may point at: one that writes output, or one that opens a branch or a loop. */
export type ActionAt =
  | { readonly kind: 'output'; readonly span: Span }
  | { readonly kind: 'branch'; readonly span: Span; readonly node: BranchNode | RangeNode };

/**
 * The action of a template file whose `{{ … }}` holds `offset`, in its own body or in a
 * `define`. Undefined on literal text, in comments and `end`/`else` actions, and in a file
 * that does not parse: while typing, an action may be half written.
 */
export function actionAt(uri: string, source: string, offset: number): ActionAt | undefined {
  let roots: (readonly Node[])[];
  try {
    const parsed = parseTemplate('hover', uri, source, () => true);
    roots = [parsed.main.root, ...parsed.defines.map((tree) => tree.root)];
  } catch {
    return undefined;
  }
  for (const root of roots) {
    const found = findIn(root, offset);
    if (found) return found;
  }
  return undefined;
}

function findIn(nodes: readonly Node[], offset: number): ActionAt | undefined {
  for (const node of nodes) {
    const holds = offset >= node.start && offset < node.end;
    switch (node.kind) {
      case 'action':
      case 'template':
        if (holds) return { kind: 'output', span: node };
        break;
      case 'if':
      case 'with':
      case 'range': {
        if (holds) return { kind: 'branch', span: node, node };
        const inner = findIn(node.list, offset) ?? (node.elseList ? findIn(node.elseList, offset) : undefined);
        if (inner) return inner;
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** From the first node's start to the last one's end; undefined for an empty list. */
export function extentOf(nodes: readonly Node[] | undefined): Span | undefined {
  if (!nodes || nodes.length === 0) return undefined;
  return { start: nodes[0].start, end: nodes[nodes.length - 1].end };
}
