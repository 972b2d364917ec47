import type { PathSegment } from '../document/yaml-nodes';
import type { Field, FieldShape } from './field-table-types';
import { typeEntry } from './field-table';

/** A field as the table declares it, with the type that declares it. */
export interface NamedField {
  /** Such as `apps/v1.StatefulSetSpec`. */
  ownerType: string;
  name: string;
  field: Field;
}

export interface SchemaTarget {
  /** The shape of what sits at the path. */
  shape: FieldShape;
  /** The last named field on the path: the field itself, or the list or map holding the entry. */
  field?: NamedField;
  /** Set when the path ends inside `field`: on one of its list items or map entries. */
  within?: 'item' | 'entry';
}

/**
 * What the field table says about a path below an object of type `rootType`, or undefined
 * when the path leaves the table (an unknown key, a list index on a mapping, free-form
 * content).
 */
export function schemaAt(rootType: string, path: readonly PathSegment[]): SchemaTarget | undefined {
  let shape: FieldShape = { type: 'object', ref: rootType };
  let field: NamedField | undefined;
  let within: SchemaTarget['within'];
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (shape.type !== 'array') return undefined;
      shape = shape.items;
      within = 'item';
    } else if (shape.type === 'object') {
      const declared: Field | undefined = typeEntry(shape.ref)?.fields[segment];
      if (!declared) return undefined;
      field = { ownerType: shape.ref, name: segment, field: declared };
      shape = declared;
      within = undefined;
    } else if (shape.type === 'map') {
      shape = shape.values;
      within = 'entry';
    } else {
      return undefined;
    }
  }
  return { shape, field, within };
}
