import generated from './field-table.generated.json';
import type { FieldTable, TypeEntry } from './field-table-types';
import { applyOverlay } from './overlay';

export const FIELD_TABLE: FieldTable = applyOverlay(generated as FieldTable);

/** The type of an object of this apiVersion and kind, when the table covers it. */
export function rootTypeOf(apiVersion: string, kind: string): string | undefined {
  return FIELD_TABLE.roots[`${apiVersion}/${kind}`];
}

export function typeEntry(typeId: string): TypeEntry | undefined {
  return FIELD_TABLE.types[typeId];
}
