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

const requiredFields = new Map<string, readonly string[]>();

/** The fields of a type that an object must set, listed once per type for the walks that check every object. */
export function requiredFieldsOf(typeId: string): readonly string[] {
  let names = requiredFields.get(typeId);
  if (!names) {
    const fields = typeEntry(typeId)?.fields ?? {};
    names = Object.keys(fields).filter((name) => fields[name].required);
    requiredFields.set(typeId, names);
  }
  return names;
}
