import { code } from '../hover/markdown';
import { allowedValues } from '../schema/enum-values';
import type { SchemaTarget } from '../schema/field-at-path';
import type { Workspace } from '../workspace/workspace';
import type { CursorContext } from './cursor';
import type { CompletionEntry } from './types';
import { workspaceValues } from './workspace-values';
import { yamlString } from './yaml-text';

/**
 * The values for the field at the cursor: the objects of the workspace it may name (best
 * match first), the words of a fixed set, or `true` and `false`.
 */
export function valueEntries(workspace: Workspace, context: CursorContext, target: SchemaTarget): CompletionEntry[] {
  const named = target.field;
  if (!named || target.within === 'entry') return [];
  const fromWorkspace = workspaceValues(workspace, context, named);
  if (fromWorkspace) {
    const ordered = [...fromWorkspace].sort((a, b) => Number(Boolean(b.best)) - Number(Boolean(a.best)));
    return ordered.map((value, index) => ({
      ...entry(context, value.value, index),
      kind: value.kind,
      detail: value.detail,
      documentation: value.documentation,
      preselect: index === 0 && value.best === true,
    }));
  }
  const words = allowedValues(named);
  if (words) {
    return words.map((word, index) => ({
      ...entry(context, word.value, index),
      kind: 'enum',
      detail: `${named.name} value`,
      documentation: word.description ? `${code(word.value)}: ${word.description}` : undefined,
    }));
  }
  if (target.shape.type === 'boolean') {
    return ['true', 'false'].map((word, index) => ({ ...entry(context, word, index, true), kind: 'enum', detail: 'boolean' }));
  }
  return [];
}

/** `literal` values are YAML as they are (booleans); others are strings, quoted when YAML would misread them. */
function entry(context: CursorContext, value: string, index: number, literal = false): Omit<CompletionEntry, 'kind'> {
  const text = literal || context.quoted ? value : yamlString(value);
  return {
    label: value,
    insertText: `${context.needsSpace ? ' ' : ''}${text}`,
    snippet: false,
    range: context.range,
    sortText: String(index).padStart(4, '0'),
  };
}
