import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { isMap, isScalar, isSeq, visit, type Alias, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Resource } from '../document/resource';
import type { Finding } from '../types';
import { POD_SPEC_PATH } from '../kubernetes/pod-template';
import { isMapping } from '../document/values';
import { fixNumber, fixString, ownNodeAt } from './fix-context';
import { ownPair, replacePair, type FileEditor } from './yaml-edits';
import { map, text } from './yaml-render';

/** One `value:` entry of an env var, with the mapping that holds it. */
export interface ValueEntry {
  entry: YAMLMap;
  pair: Pair<Node, Node | null>;
}

/** A credential to move out of a StatefulSet: the env vars that hold it and the string itself. */
export interface SecretMove {
  finding: Finding;
  /** How titles name the variable: `'DB_PASSWORD'`, or its place when it has no name. */
  label: string;
  suggestedKey: string;
  /** The string the YAML means, read through the parser: never shown anywhere. */
  value: string;
  /** The entries to rewrite: the variable's own, and those that alias its anchored value. */
  entries: ValueEntry[];
}

/**
 * What moving the finding's credential rewrites, or undefined when the StatefulSet cannot be
 * changed safely: the entry is reached through an alias or merged in, it also has a
 * `valueFrom`, or its value's anchor is used somewhere other than another env var's value.
 */
export function secretMoveOf(resource: Resource<StatefulSet>, finding: Finding): SecretMove | undefined {
  const containerIndex = fixNumber(finding, 'containerIndex');
  const envIndex = fixNumber(finding, 'envIndex');
  if (containerIndex === undefined || envIndex === undefined) return undefined;
  const path = [...POD_SPEC_PATH, finding.fix?.init === true ? 'initContainers' : 'containers', containerIndex, 'env', envIndex];
  const entry = ownNodeAt(resource, path);
  const pair = isMap(entry) ? ownPair(entry, 'value') : undefined;
  const value = valueOf(resource.object, [...path, 'value']);
  if (!isMap(entry) || !pair || typeof value !== 'string' || ownPair(entry, 'valueFrom')) return undefined;
  const aliased = aliasedEntries(resource, pair.value);
  if (!aliased) return undefined;
  const envName = fixString(finding, 'envName');
  return {
    finding,
    label: envName ? `'${envName}'` : `the variable at env[${envIndex}]`,
    suggestedKey: fixString(finding, 'suggestedKey') || 'credential',
    value,
    entries: [{ entry, pair }, ...aliased],
  };
}

/**
 * The other env var values that alias an anchored value, which must move with it lest their
 * alias dangle; undefined when the anchor serves anything else.
 */
function aliasedEntries(resource: Resource<StatefulSet>, node: Node | null): ValueEntry[] | undefined {
  if (!isScalar(node) || !node.anchor) return [];
  const aliases: Alias[] = [];
  visit(resource.document, {
    Alias(_, alias) {
      if (alias.resolve(resource.document) === node) aliases.push(alias);
    },
  });
  const values = envValueEntries(resource);
  const entries: ValueEntry[] = [];
  for (const alias of aliases) {
    const owner = values.find((candidate) => candidate.pair.value === alias);
    if (!owner || ownPair(owner.entry, 'valueFrom')) return undefined;
    entries.push(owner);
  }
  return entries;
}

/** Every `value:` entry of every env var the StatefulSet writes itself. */
function envValueEntries(resource: Resource<StatefulSet>): ValueEntry[] {
  const found: ValueEntry[] = [];
  for (const list of ['initContainers', 'containers']) {
    const containers = ownNodeAt(resource, [...POD_SPEC_PATH, list]);
    for (const container of isSeq(containers) ? containers.items : []) {
      const env = ownPair(container, 'env')?.value;
      for (const entry of isSeq(env) ? env.items : []) {
        const pair = isMap(entry) ? ownPair(entry, 'value') : undefined;
        if (isMap(entry) && pair) found.push({ entry, pair });
      }
    }
  }
  return found;
}

function valueOf(object: unknown, path: readonly (string | number)[]): unknown {
  let value = object;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isMapping(value) ? value[segment] : undefined;
  }
  return value;
}

/** Rewrites each entry of a move to read the credential from the Secret's key. */
export function rewriteToSecretKeyRef(editor: FileEditor, move: SecretMove, secretName: string, key: string): void {
  const valueFrom = map([['secretKeyRef', map([['name', text(secretName)], ['key', text(key)]])]]);
  for (const { entry, pair } of move.entries) replacePair(editor, entry, pair, [['valueFrom', valueFrom]]);
}

/**
 * The moves of several findings with each entry rewritten once: a variable that aliases
 * another's anchored value moves with that variable.
 */
export function distinctMoves(moves: readonly SecretMove[]): SecretMove[] {
  const anchored = new Set(moves.flatMap((move) => move.entries.slice(1).map((entry) => entry.pair)));
  return moves.filter((move) => !anchored.has(move.entries[0].pair));
}
