// Builds the field table of the kinds Kube Stateful reads from the kubernetes-types
// declarations: every field of every type they reach, with its shape, whether it is
// required, and its description. Run by `npm run build`; the output is not edited by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { FieldShape, FieldTable, TypeEntry } from '../server/src/engine/schema/field-table-types';

const ROOT = path.join(__dirname, '..');
const TYPES = path.join(ROOT, 'node_modules', 'kubernetes-types');
const OUTPUT = path.join(ROOT, 'server', 'src', 'engine', 'schema', 'field-table.generated.json');

/** The kinds checked against the table, by apiVersion and kind, with the module and interface defining them. */
const ROOT_KINDS: [apiVersion: string, kind: string, module: string][] = [
  ['apps/v1', 'StatefulSet', 'apps/v1'],
  ['v1', 'Service', 'core/v1'],
  ['v1', 'Secret', 'core/v1'],
  ['v1', 'ConfigMap', 'core/v1'],
  ['v1', 'PersistentVolumeClaim', 'core/v1'],
  ['policy/v1', 'PodDisruptionBudget', 'policy/v1'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['storage.k8s.io/v1', 'StorageClass', 'storage/v1'],
];

/** Aliases of `string` that carry a meaning of their own in Kubernetes. */
const NAMED_SCALARS: Record<string, FieldShape> = { Quantity: { type: 'quantity' } };

const files = ROOT_KINDS.map(([, , module]) => path.join(TYPES, `${module}.d.ts`));
const program = ts.createProgram(files, { noEmit: true, types: [] });
const checker = program.getTypeChecker();
const types: Record<string, TypeEntry> = {};
const pending: ts.InterfaceDeclaration[] = [];

function typeId(declaration: ts.InterfaceDeclaration): string {
  const module = path.relative(TYPES, declaration.getSourceFile().fileName).replace(/\.d\.ts$/, '');
  return `${module}.${declaration.name.text}`;
}

function documentation(node: ts.Node): string | undefined {
  const symbol = (node as ts.NamedDeclaration).name && checker.getSymbolAtLocation((node as ts.NamedDeclaration).name!);
  const text = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() : '';
  return text === '' ? undefined : text;
}

function declarationOf(reference: ts.TypeReferenceNode): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(reference.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.[0];
}

function shapeOf(node: ts.TypeNode): FieldShape {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'integer' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
  }
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: 'string', values: [node.literal.text] };
  if (ts.isUnionTypeNode(node)) {
    const kinds = new Set(node.types.map((member) => member.kind));
    if (kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword)) return { type: 'int-or-string' };
    const literals = node.types.filter(ts.isLiteralTypeNode).map((member) => (member.literal as ts.StringLiteral).text);
    if (literals.length === node.types.length) return { type: 'string', values: literals };
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index?.type) return { type: 'map', values: shapeOf(index.type) };
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: shapeOf(node.typeArguments[0]) };
    if (NAMED_SCALARS[name]) return NAMED_SCALARS[name];
    const declaration = declarationOf(node);
    if (declaration && ts.isTypeAliasDeclaration(declaration)) return shapeOf(declaration.type);
    if (declaration && ts.isInterfaceDeclaration(declaration)) {
      // A type with no declared members (RawExtension) holds free-form content.
      if (declaration.members.length === 0) return { type: 'any' };
      pending.push(declaration);
      return { type: 'object', ref: typeId(declaration) };
    }
  }
  throw new Error(`Unhandled type ${node.getText()} in ${node.getSourceFile().fileName}`);
}

function visit(declaration: ts.InterfaceDeclaration): void {
  const id = typeId(declaration);
  if (types[id]) return;
  const entry: TypeEntry = { description: documentation(declaration), fields: {} };
  types[id] = entry;
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = member.name.getText().replace(/^"|"$/g, '');
    entry.fields[name] = {
      ...shapeOf(member.type),
      ...(member.questionToken ? {} : { required: true }),
      description: documentation(member),
    };
  }
}

const roots: Record<string, string> = {};
for (const [apiVersion, kind, module] of ROOT_KINDS) {
  const source = program.getSourceFile(path.join(TYPES, `${module}.d.ts`));
  const declaration = source?.statements.find(
    (statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === kind,
  );
  if (!declaration) throw new Error(`kubernetes-types has no ${kind} in ${module}`);
  roots[`${apiVersion}/${kind}`] = typeId(declaration);
  pending.push(declaration);
}
while (pending.length > 0) visit(pending.pop()!);

const version = (require(path.join(TYPES, 'package.json')) as { version: string }).version;
const table: FieldTable = { source: `kubernetes-types ${version}`, roots, types };
mkdirSync(path.dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, JSON.stringify(table));
console.log(`Wrote ${path.relative(ROOT, OUTPUT)}: ${Object.keys(types).length} types from kubernetes-types ${version}.`);
