import type { Field, FieldShape, FieldTable, TypeEntry } from './field-table-types';
import { FIELD_TABLE } from './field-table';

type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** The subset of JSON Schema (draft-07) that the field table translates to. */
export interface JsonSchema {
  $schema?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  enum?: (string | null)[];
  const?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

/**
 * The quantity syntax the API server parses (`500m`, `1Gi`, `1e3`): the same language as
 * quantity.ts reads, written as a pattern for other tools.
 */
const QUANTITY_PATTERN = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[numkMGTPE]|[KMGTPE]i)?$';

/** Where each module of the table lives in the Kubernetes OpenAPI definitions. */
const OPENAPI_PACKAGES: Record<string, string> = { 'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1' };

/**
 * `io.k8s.api.core.v1.Container` for `core/v1.Container`: the names the Kubernetes OpenAPI
 * document gives its definitions, which people who have read other Kubernetes schemas know.
 */
export function definitionName(typeId: string): string {
  const dot = typeId.lastIndexOf('.');
  const module = typeId.slice(0, dot);
  const pkg = OPENAPI_PACKAGES[module] ?? `io.k8s.api.${module.replace('/', '.')}`;
  return `${pkg}.${typeId.slice(dot + 1)}`;
}

/**
 * A JSON Schema of every kind the field table covers, one file: a document is valid when it is
 * one of these kinds (by apiVersion and kind) and fits its type, or when it is any other kind,
 * which the table does not judge, as the checks of this project do not. Unknown fields are
 * errors, as `unknown-field` reports them.
 */
export function jsonSchema(table: FieldTable = FIELD_TABLE): JsonSchema {
  const roots = Object.entries(table.roots).map(([key, typeId]) => {
    const slash = key.lastIndexOf('/');
    return { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), typeId };
  });
  const identity = ({ apiVersion, kind }: { apiVersion: string; kind: string }): JsonSchema => ({
    required: ['apiVersion', 'kind'],
    properties: { apiVersion: { const: apiVersion }, kind: { const: kind } },
  });
  const definitions: Record<string, JsonSchema> = {};
  for (const [typeId, entry] of Object.entries(table.types).sort(([a], [b]) => a.localeCompare(b))) {
    definitions[definitionName(typeId)] = objectSchema(entry);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes objects checked by Kube Stateful',
    description:
      `${roots.map((root) => root.kind).join(', ')}, from ${table.source} with the fields added up to ` +
      'Kubernetes 1.34. Objects of other kinds are accepted as they are.',
    oneOf: [
      ...roots.map((root) => ({
        title: `${root.kind} (${root.apiVersion})`,
        allOf: [{ $ref: `#/definitions/${definitionName(root.typeId)}` }, identity(root)],
      })),
      { title: 'Any other kind', not: { anyOf: roots.map(identity) } },
    ],
    definitions,
  };
}

function objectSchema(entry: TypeEntry): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(entry.fields)) {
    properties[name] = fieldSchema(field);
    if (field.required) required.push(name);
  }
  return {
    ...(entry.description ? { description: entry.description } : {}),
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function fieldSchema(field: Field): JsonSchema {
  const shape = nullable(shapeSchema(field));
  return field.description ? { description: field.description, ...shape } : shape;
}

/**
 * A field or item left empty (`resources:`) is null, which kubectl drops and the checks of this
 * project let pass, so every value accepts it.
 */
function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') {
    return { ...schema, type: [schema.type, 'null'], ...(schema.enum ? { enum: [...schema.enum, null] } : {}) };
  }
  if (schema.anyOf) return { ...schema, anyOf: [...schema.anyOf, { type: 'null' }] };
  // Draft-07 ignores the siblings of a $ref, so a reference is one alternative of anyOf.
  if (schema.$ref) return { anyOf: [schema, { type: 'null' }] };
  return schema;
}

function shapeSchema(shape: FieldShape): JsonSchema {
  switch (shape.type) {
    case 'string':
      return shape.values ? { type: 'string', enum: [...shape.values] } : { type: 'string' };
    case 'integer':
    case 'boolean':
      return { type: shape.type };
    case 'int-or-string':
      return { anyOf: [{ type: 'integer' }, { type: 'string' }] };
    case 'quantity':
      return { anyOf: [{ type: 'string', pattern: QUANTITY_PATTERN }, { type: 'number' }] };
    case 'any':
      return {};
    case 'object':
      return { $ref: `#/definitions/${definitionName(shape.ref)}` };
    case 'array':
      return { type: 'array', items: nullable(shapeSchema(shape.items)) };
    case 'map':
      return { type: 'object', additionalProperties: nullable(shapeSchema(shape.values)) };
  }
}
