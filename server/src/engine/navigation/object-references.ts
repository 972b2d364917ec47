import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Container, Volume } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { ENV_KEY_REFS, ENV_SOURCE_REFS, type ConfigSourceKind } from '../kubernetes/config-sources';
import { labelsOf } from '../kubernetes/label-selector';
import { claimTemplatesOf, containersOf, entriesOf, POD_SPEC_PATH, volumesOf } from '../kubernetes/pod-template';
import type { ObjectContent } from '../document/resource';
import { isMapping } from '../document/values';
import type { PathSegment } from '../document/yaml-nodes';
import { labelSelectorKeys } from '../workspace/dependencies';

/** Kinds whose objects are not in any namespace, so a reference finds them cluster-wide. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set(['StorageClass', 'PersistentVolume', 'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'CustomResourceDefinition']);

/** What a reference names. */
export type RefersTo =
  /** An object by kind and name, in the reader's namespace unless the kind is cluster-scoped. */
  | { type: 'object'; kind: string; name: string }
  /** A key of a Secret or ConfigMap. */
  | { type: 'key'; kind: ConfigSourceKind; name: string; key: string }
  /** A pod volume or a claim template of the same StatefulSet. */
  | { type: 'volume'; name: string }
  /** The pods a selector picks; `map` for a Service's selector, else a label selector. */
  | { type: 'selector'; selector: LabelSelector; map: boolean };

/** A field of an object that points at something else. */
export interface ObjectReference {
  /** From the object's root to the value naming the target; for a selector, to the selector. */
  path: PathSegment[];
  to: RefersTo;
}

/** The fields of a pod volume that name a Secret or ConfigMap, with the field holding the name. */
const VOLUME_SOURCES = [
  ['secret', 'Secret', 'secretName'],
  ['configMap', 'ConfigMap', 'name'],
] as const;
const PROJECTED_SOURCES = [
  ['secret', 'Secret'],
  ['configMap', 'ConfigMap'],
] as const;

/**
 * Every reference an object makes to others, in the order written: a StatefulSet's Service,
 * Secrets, ConfigMaps, claims, volumes, StorageClasses and ServiceAccount; a PVC's StorageClass;
 * an autoscaler's target; a budget's or a Service's selector. Names that are not text are left out.
 */
export function referencesOf(resource: ObjectContent): ObjectReference[] {
  if (resource.is('StatefulSet')) return statefulSetReferences(resource);
  if (resource.is('PersistentVolumeClaim')) return named(resource.object.spec?.storageClassName, ['spec', 'storageClassName'], 'StorageClass');
  if (resource.is('HorizontalPodAutoscaler')) {
    const target: unknown = resource.object.spec?.scaleTargetRef;
    return isMapping(target) && typeof target.kind === 'string' ? named(target.name, ['spec', 'scaleTargetRef', 'name'], target.kind) : [];
  }
  if (resource.is('PodDisruptionBudget')) {
    const selector: unknown = resource.object.spec?.selector;
    return isMapping(selector) ? [{ path: ['spec', 'selector'], to: { type: 'selector', selector: selector as LabelSelector, map: false } }] : [];
  }
  if (resource.is('Service')) {
    const selector: unknown = resource.object.spec?.selector;
    return isMapping(selector) ? [{ path: ['spec', 'selector'], to: { type: 'selector', selector: { matchLabels: labelsOf(selector) }, map: true } }] : [];
  }
  return [];
}

/**
 * The keys a workspace indexes an object's references under: `Kind/name` for each object it
 * names, and for a selector the `selects:` keys of the pods it may pick (see `dependencies.ts`).
 */
export function referenceKeys(resource: ObjectContent): string[] {
  const keys = new Set<string>();
  for (const { to } of referencesOf(resource)) {
    if (to.type === 'object' || to.type === 'key') keys.add(`${to.kind}/${to.name}`);
    if (to.type === 'selector') labelSelectorKeys(to.selector as Record<string, unknown>, !to.map).forEach((key) => keys.add(key));
  }
  return [...keys];
}

function statefulSetReferences(resource: ObjectContent<StatefulSet>): ObjectReference[] {
  const references = named(resource.object.spec?.serviceName, ['spec', 'serviceName'], 'Service');
  const podSpec: unknown = resource.object.spec?.template?.spec;
  if (isMapping(podSpec)) {
    references.push(...named(podSpec.serviceAccountName, [...POD_SPEC_PATH, 'serviceAccountName'], 'ServiceAccount'));
    for (const secret of entriesOf<{ name?: unknown }>(podSpec.imagePullSecrets, [...POD_SPEC_PATH, 'imagePullSecrets'])) {
      references.push(...named(secret.value.name, [...secret.path, 'name'], 'Secret'));
    }
  }
  for (const container of containersOf(resource)) references.push(...containerReferences(container.value, container.path));
  for (const volume of volumesOf(resource)) references.push(...volumeReferences(volume.value, volume.path));
  for (const claim of claimTemplatesOf(resource)) {
    const spec: unknown = claim.value.spec;
    if (isMapping(spec)) references.push(...named(spec.storageClassName, [...claim.path, 'spec', 'storageClassName'], 'StorageClass'));
  }
  return references;
}

function containerReferences(container: Container, path: PathSegment[]): ObjectReference[] {
  const references: ObjectReference[] = [];
  for (const env of entriesOf<{ valueFrom?: unknown }>(container.env, [...path, 'env'])) {
    const valueFrom = env.value.valueFrom;
    if (!isMapping(valueFrom)) continue;
    for (const [field, kind] of ENV_KEY_REFS) references.push(...keyedSource(valueFrom[field], [...env.path, 'valueFrom', field], kind));
  }
  for (const source of entriesOf<Record<string, unknown>>(container.envFrom, [...path, 'envFrom'])) {
    for (const [field, kind] of ENV_SOURCE_REFS) {
      const ref = source.value[field];
      if (isMapping(ref)) references.push(...named(ref.name, [...source.path, field, 'name'], kind));
    }
  }
  for (const list of ['volumeMounts', 'volumeDevices'] as const) {
    for (const mount of entriesOf<{ name?: unknown }>(container[list], [...path, list])) {
      if (typeof mount.value.name === 'string' && mount.value.name !== '') references.push({ path: [...mount.path, 'name'], to: { type: 'volume', name: mount.value.name } });
    }
  }
  return references;
}

function volumeReferences(volume: Volume, path: PathSegment[]): ObjectReference[] {
  const references: ObjectReference[] = [];
  for (const [field, kind, nameField] of VOLUME_SOURCES) {
    const source: unknown = volume[field];
    if (isMapping(source)) references.push(...namedWithItems(source, [...path, field], kind, nameField));
  }
  const claim: unknown = volume.persistentVolumeClaim;
  if (isMapping(claim)) references.push(...named(claim.claimName, [...path, 'persistentVolumeClaim', 'claimName'], 'PersistentVolumeClaim'));
  const projected: unknown = volume.projected;
  const sources = isMapping(projected) ? projected.sources : undefined;
  for (const source of entriesOf<Record<string, unknown>>(sources, [...path, 'projected', 'sources'])) {
    for (const [field, kind] of PROJECTED_SOURCES) {
      const projection = source.value[field];
      if (isMapping(projection)) references.push(...namedWithItems(projection, [...source.path, field], kind, 'name'));
    }
  }
  return references;
}

/** A `secretKeyRef`-like mapping: its `name`, then its `key` in that object. */
function keyedSource(ref: unknown, path: PathSegment[], kind: ConfigSourceKind): ObjectReference[] {
  if (!isMapping(ref) || typeof ref.name !== 'string' || ref.name === '') return [];
  const references = named(ref.name, [...path, 'name'], kind);
  if (typeof ref.key === 'string' && ref.key !== '') references.push({ path: [...path, 'key'], to: { type: 'key', kind, name: ref.name, key: ref.key } });
  return references;
}

/** A volume's or projection's Secret or ConfigMap, and the keys its `items` pick from it. */
function namedWithItems(source: Record<string, unknown>, path: PathSegment[], kind: ConfigSourceKind, nameField: string): ObjectReference[] {
  const name = source[nameField];
  if (typeof name !== 'string' || name === '') return [];
  const references = named(name, [...path, nameField], kind);
  for (const item of entriesOf<{ key?: unknown }>(source.items, [...path, 'items'])) {
    if (typeof item.value.key === 'string' && item.value.key !== '') references.push({ path: [...item.path, 'key'], to: { type: 'key', kind, name, key: item.value.key } });
  }
  return references;
}

function named(name: unknown, path: PathSegment[], kind: string): ObjectReference[] {
  return typeof name === 'string' && name !== '' ? [{ path, to: { type: 'object', kind, name } }] : [];
}
