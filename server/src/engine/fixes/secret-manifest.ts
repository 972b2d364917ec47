import type { Secret } from 'kubernetes-types/core/v1';
import { isAlias, isMap } from 'yaml';
import { decodeBase64, encodeBase64 } from '../document/portable-text';
import type { Resource } from '../document/resource';
import { isMapping } from '../document/values';
import { insertEntries, isNullNode, ownPair, replacePair, setIn, type FileEditor } from './yaml-edits';
import { blockEntries, map, raw, text, type Style, type YamlScalar, type YamlValue } from './yaml-render';
import { credentialScalar, doubleQuoted } from './yaml-scalars';

/** A key and the credential it holds. */
export interface SecretEntry {
  key: string;
  value: string;
}

/** A credential written in whichever scalar style reads back exactly, at the place it lands. */
function credential(value: string): YamlScalar {
  return { kind: 'scalar', render: (context) => credentialScalar(value, context) };
}

/** The keys a Secret already holds with their values, `data` decoded from base64. */
export function secretKeysOf(secret: Resource<Secret> | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  const { data, stringData } = (secret?.object ?? {}) as { data?: unknown; stringData?: unknown };
  if (isMapping(data)) {
    for (const [key, value] of Object.entries(data)) if (typeof value === 'string') keys.set(key, decodeBase64(value));
  }
  // The API server lets stringData win over data for the same key.
  if (isMapping(stringData)) {
    for (const [key, value] of Object.entries(stringData)) if (typeof value === 'string') keys.set(key, value);
  }
  return keys;
}

/**
 * Chooses a key per credential: the suggested one, unless the Secret holds another value under
 * it, then `-2`, `-3`… Credentials equal to a value already stored share its key. Returns the
 * key of each credential and the entries to add.
 */
export function assignKeys(credentials: readonly { suggestedKey: string; value: string }[], existing: Map<string, string>): {
  keys: string[];
  added: SecretEntry[];
} {
  const known = new Map(existing);
  const added: SecretEntry[] = [];
  const keys = credentials.map(({ suggestedKey, value }) => {
    let key = suggestedKey;
    for (let suffix = 2; known.has(key) && known.get(key) !== value; suffix++) key = `${suggestedKey}-${suffix}`;
    if (!known.has(key)) {
      known.set(key, value);
      added.push({ key, value });
    }
    return key;
  });
  return { keys, added };
}

/** A Secret manifest holding the entries under `stringData`, without a final line break. */
export function secretManifest(name: string, namespace: string | undefined, entries: readonly SecretEntry[], style: Style): string {
  const metadata: [string, YamlValue][] = [['name', text(name)]];
  if (namespace) metadata.push(['namespace', text(namespace)]);
  return blockEntries(
    [
      ['apiVersion', raw('v1')],
      ['kind', raw('Secret')],
      ['metadata', map(metadata)],
      ['type', raw('Opaque')],
      ['stringData', map(entries.map(({ key, value }) => [key, credential(value)]))],
    ],
    0,
    style,
  );
}

/** The warning at the top of a file created to hold credentials. */
export function credentialFileHeader(eol: string): string {
  return [
    '# This file holds credentials in plain text. Do not commit it unencrypted: keep it out of',
    '# version control, or encrypt it (for example with SOPS or Sealed Secrets) before committing.',
  ].join(eol);
}

/**
 * Adds entries to an existing Secret: under `stringData`, or base64-encoded under `data` when
 * the Secret only uses `data`. Refuses where the mapping is an alias.
 */
export function addToSecret(editor: FileEditor, secret: Resource<Secret>, entries: readonly SecretEntry[]): boolean {
  const root = secret.node;
  if (!isMap(root)) return false;
  const stringData = ownPair(root, 'stringData');
  const target = stringData ?? ownPair(root, 'data');
  const encoded = !stringData && target !== undefined;
  const values = entries.map(({ key, value }): [string, YamlValue] => [
    key,
    encoded ? raw(doubleQuoted(encodeBase64(value))) : credential(value),
  ]);
  if (!target) return setIn(editor, secret.document, root, ['stringData'], map(values));
  if (isAlias(target.value)) return false;
  if (isMap(target.value)) return insertEntries(editor, target.value, values, 'last');
  if (!isNullNode(target.value)) return false;
  replacePair(editor, root, target, [[encoded ? 'data' : 'stringData', map(values)]]);
  return true;
}
