import type { KubernetesVersion } from '../config';
import { fieldDocs, typeLabel } from '../hover/field-docs';
import { allowedValues } from '../schema/enum-values';
import type { NamedField } from '../schema/field-at-path';
import type { Field } from '../schema/field-table-types';
import { typeEntry } from '../schema/field-table';
import type { CursorContext } from './cursor';
import type { CompletionEntry } from './types';
import { hasWorkspaceValues } from './workspace-values';
import { layoutOf } from './yaml-text';

/** Fields the API server writes; a manifest has no business setting them. */
const SERVER_WRITTEN: Record<string, string[]> = {
  'meta/v1.ObjectMeta': [
    'creationTimestamp',
    'deletionGracePeriodSeconds',
    'deletionTimestamp',
    'generation',
    'managedFields',
    'resourceVersion',
    'selfLink',
    'uid',
  ],
};

/**
 * The fields the mapping at the cursor may still take, required ones first, each inserting
 * `name: ` or, for an object or a list, the name and a first indented line.
 */
export function fieldEntries(context: CursorContext, typeId: string, version: KubernetesVersion, atRoot: boolean): CompletionEntry[] {
  const entry = typeEntry(typeId);
  if (!entry) return [];
  const present = new Set(Object.keys(context.siblings));
  const hidden = new Set([...(SERVER_WRITTEN[typeId] ?? []), ...(atRoot ? ['status'] : [])]);
  const layout = layoutOf(context.documentText);
  return Object.entries(entry.fields)
    .filter(([name]) => !present.has(name) && !hidden.has(name))
    .map(([name, field]) => {
      const named: NamedField = { ownerType: typeId, name, field };
      const insert = context.hasColon ? { text: name, snippet: false, retrigger: false } : insertion(named, context.column, layout);
      return {
        label: name,
        kind: 'field',
        detail: `${typeLabel(field)}${field.required ? ' · required' : ''}`,
        documentation: fieldDocs({ shape: field, field: named }, version),
        insertText: insert.text,
        snippet: insert.snippet,
        range: context.range,
        sortText: `${field.required ? '0' : '1'}${name}`,
        retrigger: insert.retrigger,
      };
    });
}

interface Insertion {
  text: string;
  snippet: boolean;
  retrigger: boolean;
}

/** `name: ` for a scalar (with a choice of its words), or `name:` and an indented first line. */
function insertion(named: NamedField, column: number, layout: { indent: string; flushSequences: boolean }): Insertion {
  const { name, field } = named;
  const nested = ' '.repeat(column) + layout.indent;
  switch (field.type) {
    case 'object':
    case 'map':
      return { text: `${name}:\n${nested}$0`, snippet: true, retrigger: false };
    case 'array':
      return { text: `${name}:\n${layout.flushSequences ? ' '.repeat(column) : nested}- $0`, snippet: true, retrigger: itemsHaveValues(named) };
    case 'boolean':
      return { text: `${name}: \${1|true,false|}`, snippet: true, retrigger: false };
    default: {
      const words = allowedValues(named);
      if (words && words.length > 1) {
        // In a snippet choice, only `\`, `,` and `|` are special.
        const choices = words.map((word) => word.value.replace(/[\\,|]/g, '\\$&')).join(',');
        return { text: `${name}: \${1|${choices}|}`, snippet: true, retrigger: false };
      }
      return { text: `${name}: `, snippet: false, retrigger: hasWorkspaceValues(named) || (words?.length ?? 0) > 0 };
    }
  }
}

/** A list of words (`accessModes`): after `- `, its words are suggested. */
function itemsHaveValues(named: NamedField): boolean {
  const items = (named.field as Field & { items?: Field }).items;
  return items?.type === 'string' && (allowedValues(named)?.length ?? 0) > 0;
}
