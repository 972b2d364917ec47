import { versionAtLeast, type KubernetesVersion } from '../config';
import { isMapping } from '../document/values';
import { compareQuantities, parseQuantity } from './quantity';
import { semanticChanges, without, withDefault, type FieldChange } from './semantic-diff';

/*
 * The changes the API server refuses on update, by kind, from its validation code
 * (`ValidateStatefulSetUpdate`, `validateUpgradeDowngradeClusterIPs`,
 * `ValidatePersistentVolumeClaimUpdate`, the `immutable` checks of Secrets and ConfigMaps).
 */

/** Why a change is refused; the rule words its advice from it. */
export type RefusalReason =
  | 'statefulset-spec'
  | 'cluster-ip'
  /** The manifest sets a cluster IP where the committed one left it to the server, which assigned one. */
  | 'cluster-ip-assigned'
  | 'claim-spec'
  | 'claim-shrink'
  | 'immutable-data'
  | 'immutable-flag'
  | 'secret-type';

export interface RefusedChange extends FieldChange {
  reason: RefusalReason;
}

type Manifest = Record<string, unknown>;

/** The StatefulSet `spec` fields an update may change, and the release that made each so. */
const STATEFULSET_MUTABLE: readonly { field: string; since: [number, number] }[] = [
  { field: 'replicas', since: [1, 0] },
  { field: 'template', since: [1, 7] },
  { field: 'updateStrategy', since: [1, 7] },
  { field: 'minReadySeconds', since: [1, 22] },
  { field: 'persistentVolumeClaimRetentionPolicy', since: [1, 23] },
  { field: 'ordinals', since: [1, 26] },
  { field: 'revisionHistoryLimit', since: [1, 33] },
];

export function statefulSetRefusals(before: Manifest, after: Manifest, version: KubernetesVersion): RefusedChange[] {
  const mutable = STATEFULSET_MUTABLE.filter(({ since }) => versionAtLeast(version, ...since)).map(({ field }) => field);
  const effective = (object: Manifest) => {
    let spec = withDefault(without(object.spec, mutable), 'podManagementPolicy', 'OrderedReady');
    if (!mutable.includes('revisionHistoryLimit')) spec = withDefault(spec, 'revisionHistoryLimit', 10);
    const claims = spec.volumeClaimTemplates;
    return Array.isArray(claims) ? { ...spec, volumeClaimTemplates: claims.map(effectiveClaimTemplate) } : spec;
  };
  return refused(semanticChanges(effective(before), effective(after), ['spec']), 'statefulset-spec');
}

/** A claim template as the server keeps it: the type fields and status are not compared, `volumeMode` defaults to Filesystem. */
function effectiveClaimTemplate(claim: unknown): unknown {
  if (!isMapping(claim)) return claim;
  const kept = without(claim, ['apiVersion', 'kind', 'status']);
  return isMapping(kept.spec) ? { ...kept, spec: withDefault(kept.spec, 'volumeMode', 'Filesystem') } : kept;
}

export function serviceRefusals(before: Manifest, after: Manifest): RefusedChange[] {
  const [old, next] = [specOf(before), specOf(after)];
  // An ExternalName Service has no cluster IP to keep, on either side of the change.
  if (old.type === 'ExternalName' || next.type === 'ExternalName') return [];
  const committed = primaryClusterIp(old);
  const written: { path: FieldChange['path']; value: unknown }[] = [
    { path: ['spec', 'clusterIP'], value: next.clusterIP },
    { path: ['spec', 'clusterIPs', 0], value: Array.isArray(next.clusterIPs) ? next.clusterIPs[0] : undefined },
  ];
  // Leaving the field out is fine: the server keeps the address it has.
  return written
    .filter(({ value }) => typeof value === 'string' && value !== '' && value !== committed)
    .map(({ path, value }) => ({ path, before: committed, after: value, reason: committed === undefined ? 'cluster-ip-assigned' : 'cluster-ip' }));
}

function primaryClusterIp(spec: Manifest): string | undefined {
  const first = Array.isArray(spec.clusterIPs) ? spec.clusterIPs[0] : undefined;
  for (const value of [spec.clusterIP, first]) if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

export function claimRefusals(before: Manifest, after: Manifest): RefusedChange[] {
  const effective = (object: Manifest) => {
    const spec = withDefault(without(specOf(object), ['volumeAttributesClassName']), 'volumeMode', 'Filesystem');
    return { ...spec, resources: without(spec.resources, ['requests']) };
  };
  const changes = refused(semanticChanges(effective(before), effective(after), ['spec']), 'claim-spec');
  const [old, next] = [storageRequest(before), storageRequest(after)];
  if (old && next && compareQuantities(parseQuantity(next.value)!, parseQuantity(old.value)!) < 0) {
    changes.push({ path: ['spec', 'resources', 'requests', 'storage'], before: old.value, after: next.value, reason: 'claim-shrink' });
  }
  return changes;
}

function storageRequest(object: Manifest): { value: unknown } | undefined {
  const resources = specOf(object).resources;
  const value = isMapping(resources) && isMapping(resources.requests) ? resources.requests.storage : undefined;
  return parseQuantity(value) ? { value } : undefined;
}

/** A Secret's type always, and, once the committed version is immutable, its data and the flag itself. */
export function secretRefusals(before: Manifest, after: Manifest): RefusedChange[] {
  const changes = refused(semanticChanges(before.type ?? 'Opaque', after.type ?? 'Opaque', ['type']), 'secret-type');
  if (before.immutable !== true) return changes;
  return [...changes, ...flagRefusals(after), ...secretDataRefusals(before, after)];
}

export function configMapRefusals(before: Manifest, after: Manifest): RefusedChange[] {
  if (before.immutable !== true) return [];
  const data = ['data', 'binaryData'].flatMap((field) => semanticChanges(before[field], after[field], [field]));
  return [...flagRefusals(after), ...refused(data, 'immutable-data')];
}

function flagRefusals(after: Manifest): RefusedChange[] {
  return after.immutable === true ? [] : [{ path: ['immutable'], before: true, after: after.immutable, reason: 'immutable-flag' }];
}

/**
 * The server merges `stringData` into `data`, so a value moved from one to the other is no
 * change. Each changed key is reported where the working copy writes it.
 */
function secretDataRefusals(before: Manifest, after: Manifest): RefusedChange[] {
  const [old, next] = [effectiveSecretData(before), effectiveSecretData(after)];
  const keys = [...new Set([...old.keys(), ...next.keys()])];
  return keys
    .filter((key) => old.get(key) !== next.get(key))
    .map((key) => {
      const field = isMapping(after.stringData) && key in after.stringData ? 'stringData' : 'data';
      return { path: [field, key], before: old.get(key), after: next.get(key), reason: 'immutable-data' };
    });
}

function effectiveSecretData(secret: Manifest): Map<string, string> {
  const data = new Map<string, string>();
  if (isMapping(secret.data)) for (const [key, value] of Object.entries(secret.data)) data.set(key, decodeBase64(String(value ?? '')));
  if (isMapping(secret.stringData)) for (const [key, value] of Object.entries(secret.stringData)) data.set(key, String(value ?? ''));
  return data;
}

/** Text that is not base64 stays as written: the schema checks report it, and two equal texts still compare equal. */
function decodeBase64(text: string): string {
  try {
    return atob(text.replace(/\s+/g, ''));
  } catch {
    return text;
  }
}

function specOf(object: Manifest): Manifest {
  return isMapping(object.spec) ? object.spec : {};
}

function refused(changes: FieldChange[], reason: RefusalReason): RefusedChange[] {
  return changes.map((change) => ({ ...change, reason }));
}
