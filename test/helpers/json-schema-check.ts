/**
 * A small JSON Schema (draft-07) validator for tests, so that the schemas we write and the
 * documents we emit are checked without a validator dependency. It covers the keywords our
 * schemas use: local $ref, type, enum, const, pattern, format uri, minimum, minItems,
 * uniqueItems, properties, required, additionalProperties, items, allOf, anyOf, oneOf, not.
 */

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  not?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  [annotation: string]: unknown;
}

/** Problems as `/json/pointer: what is wrong`; empty when the value is valid. */
export function validate(root: SchemaNode, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '', errors);
  return errors;
}

function check(root: SchemaNode, schema: SchemaNode | boolean, value: unknown, at: string, errors: string[]): void {
  if (schema === true) return;
  if (schema === false) {
    errors.push(`${at}: not allowed`);
    return;
  }
  if (schema.$ref) {
    const target = resolve(root, schema.$ref);
    if (!target) errors.push(`${at}: unresolved $ref ${schema.$ref}`);
    else check(root, target, value, at, errors);
    // Draft-07: a $ref replaces its siblings.
    return;
  }
  const fail = (message: string) => errors.push(`${at}: ${message}`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => hasType(value, type))) {
      fail(`expected ${types.join(' or ')}, got ${JSON.stringify(value)?.slice(0, 60)}`);
      return;
    }
  }
  if (schema.enum && !schema.enum.some((allowed) => equal(allowed, value))) fail(`not one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && !equal(schema.const, value)) fail(`not ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
    if (schema.format === 'uri' && !/^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value)) fail(`not an absolute URI: ${value}`);
    if (schema.format === 'uri-reference' && /\s/.test(value)) fail(`not a URI reference: ${value}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`below the minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`above the maximum ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && value.some((item, index) => value.slice(index + 1).some((other) => equal(item, other)))) {
      fail('items are not unique');
    }
    if (schema.items) value.forEach((item, index) => check(root, schema.items!, item, `${at}/${index}`, errors));
  }
  if (isObject(value)) {
    for (const name of schema.required ?? []) if (!(name in value)) fail(`missing required property '${name}'`);
    for (const [name, item] of Object.entries(value)) {
      const property = schema.properties?.[name];
      if (property) check(root, property, item, `${at}/${pointerEscape(name)}`, errors);
      else if (schema.additionalProperties !== undefined) {
        check(root, schema.additionalProperties, item, `${at}/${pointerEscape(name)}`, errors);
      }
    }
  }
  for (const part of schema.allOf ?? []) check(root, part, value, at, errors);
  if (schema.anyOf && !schema.anyOf.some((part) => validateAt(root, part, value, at).length === 0)) {
    fail(`matches none of anyOf: ${closest(root, schema.anyOf, value, at)}`);
  }
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((part) => validateAt(root, part, value, at).length === 0).length;
    if (matching !== 1) fail(`matches ${matching} of oneOf${matching === 0 ? `: ${closest(root, schema.oneOf, value, at)}` : ''}`);
  }
  if (schema.not && validateAt(root, schema.not, value, at).length === 0) fail('matches a schema it must not');
}

function validateAt(root: SchemaNode, schema: SchemaNode, value: unknown, at: string): string[] {
  const errors: string[] = [];
  check(root, schema, value, at, errors);
  return errors;
}

/** The errors of the alternative that got furthest into the value, to say why none matched. */
function closest(root: SchemaNode, alternatives: SchemaNode[], value: unknown, at: string): string {
  const depth = (errors: string[]) => Math.max(...errors.map((error) => error.slice(0, error.indexOf(': ')).split('/').length));
  const attempts = alternatives.map((part) => validateAt(root, part, value, at));
  return attempts.reduce((best, errors) => (depth(errors) > depth(best) ? errors : best)).join('; ');
}

function resolve(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node as SchemaNode | undefined;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function pointerEscape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
