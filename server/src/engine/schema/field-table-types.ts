/** The shape of a field's value, as the API server reads it from JSON. */
export type FieldShape =
  | { type: 'string'; values?: string[] }
  | { type: 'integer' | 'boolean' | 'int-or-string' | 'quantity' | 'any' }
  | { type: 'object'; ref: string }
  | { type: 'array'; items: FieldShape }
  | { type: 'map'; values: FieldShape };

export type Field = FieldShape & {
  required?: boolean;
  description?: string;
  /** The Kubernetes version that added the field, for fields newer than kubernetes-types. */
  since?: string;
};

export interface TypeEntry {
  description?: string;
  fields: Record<string, Field>;
}

export interface FieldTable {
  /** Where the table was generated from. */
  source: string;
  /** `apiVersion/kind` of each checked kind to the id of its type. */
  roots: Record<string, string>;
  /** Types by id, `module.Name` such as `core/v1.Container`. */
  types: Record<string, TypeEntry>;
}
