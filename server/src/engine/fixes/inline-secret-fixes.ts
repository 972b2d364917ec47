import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Secret } from 'kubernetes-types/core/v1';
import type { Resource } from '../document/resource';
import { fileNameOf, fixString, resourceAt, resourceOf, startOffset, type FixContext } from './fix-context';
import { addToSecret, assignKeys, credentialFileHeader, secretKeysOf, secretManifest, type SecretEntry } from './secret-manifest';
import { distinctMoves, rewriteToSecretKeyRef, secretMoveOf, type SecretMove } from './secret-moves';
import type { Fix, WorkspaceChange } from './types';
import { appendDocument, FileEditor } from './yaml-edits';

/*
 * inline-secret: the credential leaves the StatefulSet for a Secret, and the variable reads it
 * with valueFrom.secretKeyRef. The value is read from the text when the edit is computed and
 * ends up in exactly one place; no title names it.
 */

/** Where the Secret is written. */
type Destination =
  | { kind: 'existing'; secret: Resource<Secret> }
  | { kind: 'new-file'; uri: string }
  | { kind: 'this-file' };

export function inlineSecretFixes(context: FixContext): Fix[] {
  const resource = resourceOf(context);
  if (!resource?.is('StatefulSet')) return [];
  const move = secretMoveOf(resource, context.finding);
  if (!move) return [];
  const secretName = fixString(context.finding, 'existingSecretName') ?? fixString(context.finding, 'suggestedSecretName');
  if (!secretName) return [];
  const destinations = destinationsOf(context, resource, secretName);
  const fixes = destinations.map((destination, index) =>
    moveFix(context, resource, [move], destination, secretName, `Move ${move.label} to Secret '${secretName}' ${describe(context, destination)}`, index === 0),
  );
  const all = movesOfStatefulSet(context, resource);
  if (all.length > 1 && destinations.length > 0) {
    const title = `Move all ${all.length} inline secrets of StatefulSet '${resource.name}' to Secret '${secretName}' ${describe(context, destinations[0])}`;
    fixes.push({ ...moveFix(context, resource, all, destinations[0], secretName, title, false), id: 'secret-all' });
  }
  return fixes;
}

/** The Secret's home, best first: the Secret of that name if the index has one, else a new file or this one. */
function destinationsOf(context: FixContext, resource: Resource<StatefulSet>, secretName: string): Destination[] {
  const { workspace, file, options } = context;
  const namespace = workspace.namespaceOf(resource);
  // Of several Secrets of that name (overlays, other projects), the nearest is the one meant.
  const nearness = (secret: Resource<Secret>) => (secret.uri === file.uri ? 2 : sameFolder(secret.uri, file.uri) ? 1 : 0);
  const existing = workspace
    .named('Secret', secretName)
    .filter((secret) => workspace.namespaceOf(secret) === namespace)
    .sort((a, b) => nearness(b) - nearness(a));
  if (existing.length > 0) return [{ kind: 'existing', secret: existing[0] }];
  const sibling = siblingUri(file.uri, `${secretName}.secret.yaml`);
  const canWriteSibling = sibling !== undefined && (workspace.get(sibling) !== undefined || options.canCreateFiles);
  return [...(canWriteSibling ? [{ kind: 'new-file' as const, uri: sibling }] : []), { kind: 'this-file' }];
}

function describe(context: FixContext, destination: Destination): string {
  if (destination.kind === 'this-file') return 'in this file';
  if (destination.kind === 'existing') {
    return destination.secret.uri === context.file.uri ? 'in this file' : `in ${fileNameOf(destination.secret.uri)}`;
  }
  return context.workspace.get(destination.uri) ? `in ${fileNameOf(destination.uri)}` : `in new file ${fileNameOf(destination.uri)}`;
}

function moveFix(
  context: FixContext,
  resource: Resource<StatefulSet>,
  moves: SecretMove[],
  destination: Destination,
  secretName: string,
  title: string,
  preferred: boolean,
): Fix {
  return {
    id: destination.kind === 'existing' ? 'secret-existing' : `secret-${destination.kind}`,
    title,
    preferred,
    safe: false,
    findings: moves.map((move) => move.finding),
    change: () => moveChange(context, resource, moves, destination, secretName),
  };
}

/** Every inline secret of the StatefulSet that can be moved, each entry once. */
/** The moves of one analysis's findings, by StatefulSet: "fix all" asks once per finding. */
const movesByFindings = new WeakMap<FixContext['findings'], Map<Resource, SecretMove[]>>();

function movesOfStatefulSet(context: FixContext, resource: Resource<StatefulSet>): SecretMove[] {
  let byResource = movesByFindings.get(context.findings);
  if (!byResource) movesByFindings.set(context.findings, (byResource = new Map()));
  const known = byResource.get(resource);
  if (known) return known;
  const moves = context.findings
    .filter((finding) => finding.ruleId === 'inline-secret' && resourceAt(context.file, startOffset(context.file, finding)) === resource)
    .flatMap((finding) => secretMoveOf(resource, finding) ?? []);
  const distinct = distinctMoves(moves);
  byResource.set(resource, distinct);
  return distinct;
}

function moveChange(
  context: FixContext,
  resource: Resource<StatefulSet>,
  moves: SecretMove[],
  destination: Destination,
  secretName: string,
): WorkspaceChange | undefined {
  const { file, workspace } = context;
  const existing = destination.kind === 'existing' ? destination.secret : undefined;
  const { keys, added } = assignKeys(moves, secretKeysOf(existing));
  const editor = new FileEditor(file.uri, file.text);
  moves.forEach((move, index) => rewriteToSecretKeyRef(editor, move, secretName, keys[index]));
  const style = editor.styleAt(resource.node.range?.[0] ?? 0);
  const manifest = (entries: SecretEntry[]) => secretManifest(secretName, resource.namespace, entries, style);
  const change: WorkspaceChange = { creates: [], edits: editor.edits };
  if (added.length === 0) return change;
  switch (destination.kind) {
    case 'this-file':
      appendDocument(editor, manifest(added));
      return change;
    case 'existing': {
      const secretFile = workspace.get(destination.secret.uri);
      if (!secretFile) return undefined;
      const target = secretFile.uri === file.uri ? editor : new FileEditor(secretFile.uri, secretFile.text);
      if (!addToSecret(target, destination.secret, added)) return undefined;
      if (target !== editor) change.edits.push(...target.edits);
      return change;
    }
    case 'new-file': {
      const known = workspace.get(destination.uri);
      if (known) {
        const target = new FileEditor(known.uri, known.text);
        appendDocument(target, manifest(added));
        change.edits.push(...target.edits);
        return change;
      }
      const text = `${credentialFileHeader(style.eol)}${style.eol}${manifest(added)}${style.eol}`;
      change.creates.push({ uri: destination.uri });
      change.edits.push({ uri: destination.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text });
      return change;
    }
  }
}

/** A file beside the given one, for hierarchical URIs (not `untitled:`). */
function siblingUri(uri: string, name: string): string | undefined {
  const slash = uri.lastIndexOf('/');
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) && slash > uri.indexOf('//') + 1 ? `${uri.slice(0, slash + 1)}${name}` : undefined;
}

function sameFolder(a: string, b: string): boolean {
  return a.slice(0, a.lastIndexOf('/')) === b.slice(0, b.lastIndexOf('/'));
}
