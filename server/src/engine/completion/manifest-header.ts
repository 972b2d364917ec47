import { prose } from '../hover/markdown';
import { FIELD_TABLE } from '../schema/field-table';
import type { CursorContext } from './cursor';
import type { CompletionEntry } from './types';

interface Root {
  apiVersion: string;
  kind: string;
  typeId: string;
}

const ROOTS: Root[] = Object.entries(FIELD_TABLE.roots).map(([key, typeId]) => {
  const slash = key.lastIndexOf('/');
  return { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), typeId };
});

/**
 * Completion in a document that is not yet a known object: the `apiVersion` and `kind` keys,
 * and their values for the kinds Kube Stateful knows, consistent with whichever is written.
 */
export function headerEntries(context: CursorContext, apiVersion: string | undefined, kind: string | undefined, fields: boolean): CompletionEntry[] {
  if (context.role === 'key') {
    if (!fields || context.path.length > 0) return [];
    return ['apiVersion', 'kind']
      .filter((name) => !(name in context.siblings))
      .map((name, index) => ({
        label: name,
        kind: 'field',
        insertText: context.hasColon ? name : `${name}: `,
        snippet: false,
        range: context.range,
        sortText: String(index),
        retrigger: !context.hasColon,
      }));
  }
  const field = context.path.length === 1 ? context.path[0] : undefined;
  if (field !== 'kind' && field !== 'apiVersion') return [];
  // Only a value Kube Stateful knows narrows the other one.
  const knownApiVersion = ROOTS.some((root) => root.apiVersion === apiVersion);
  const knownKind = ROOTS.some((root) => root.kind === kind);
  const matching = ROOTS.filter((root) =>
    field === 'kind' ? !knownApiVersion || root.apiVersion === apiVersion : !knownKind || root.kind === kind,
  );
  const values = [...new Set(matching.map((root) => root[field]))].sort();
  return values.map((value, index) => {
    const root = matching.find((candidate) => candidate[field] === value)!;
    const description = FIELD_TABLE.types[root.typeId]?.description;
    return {
      label: value,
      kind: 'enum',
      detail: field === 'kind' ? root.apiVersion : matching.filter((other) => other.apiVersion === value).map((other) => other.kind).join(', '),
      documentation: field === 'kind' && description ? prose(description) : undefined,
      insertText: `${context.needsSpace ? ' ' : ''}${value}`,
      snippet: false,
      range: context.range,
      sortText: String(index).padStart(4, '0'),
    };
  });
}
