import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Resource } from '../document/resource';
import { isMapping } from '../document/values';
import type { PathSegment } from '../document/yaml-nodes';
import { claimTemplatesOf, POD_SPEC_PATH, volumesOf } from '../kubernetes/pod-template';
import { nameOf } from '../kubernetes/template-parts';
import { KEY_FIELDS, type ConfigSourceKind } from '../kubernetes/config-sources';
import { keyPlace, valuePlace, type Place } from './places';

/** What a reference points at: an object, a key of a Secret or ConfigMap, or a StatefulSet's volume. */
export type Target =
  | { type: 'object'; resource: Resource }
  | { type: 'key'; resource: Resource; key: string }
  /** A pod volume or a claim template of a StatefulSet, by name. */
  | { type: 'volume'; resource: Resource<StatefulSet>; name: string };

/** Where a target is defined: an object's `metadata.name`; a key in each mapping that has it; a volume's or claim template's name. */
export function declarationsOf(target: Target): Place[] {
  const { resource } = target;
  switch (target.type) {
    case 'object':
      return present([valuePlace(resource, ['metadata', 'name'])]);
    case 'key':
      return present((KEY_FIELDS[resource.kind as ConfigSourceKind] ?? []).map((field) => keyPlace(resource, [field], target.key)));
    case 'volume':
      return present(volumeDeclarations(target.resource, target.name).map((path) => valuePlace(resource, path)));
  }
}

/** The paths of the names of a StatefulSet's pod volumes, then of its claim templates, called `name`. */
export function volumeDeclarations(resource: Resource<StatefulSet>, name: string): PathSegment[][] {
  return [
    ...volumesOf(resource).filter((volume) => nameOf(volume.value) === name).map((volume) => [...volume.path, 'name']),
    ...claimTemplatesOf(resource).filter((claim) => nameOf(claim.value.metadata) === name).map((claim) => [...claim.path, 'metadata', 'name']),
  ];
}

/** Whether a StatefulSet's volume of this name is a claim template. */
export function isClaimTemplate(resource: Resource<StatefulSet>, name: string): boolean {
  return claimTemplatesOf(resource).some((claim) => nameOf(claim.value.metadata) === name);
}

/** The target a cursor path declares: an object's name, a key of a Secret or ConfigMap, a volume's or claim template's name. */
export function declaredAt(resource: Resource, path: readonly PathSegment[], role: 'key' | 'value'): Target | undefined {
  if (role === 'value' && samePath(path, ['metadata', 'name'])) return resource.name === '' ? undefined : { type: 'object', resource };
  const keyFields = KEY_FIELDS[resource.kind as ConfigSourceKind];
  if (role === 'key' && keyFields && path.length === 2 && keyFields.includes(String(path[0])) && typeof path[1] === 'string') {
    return { type: 'key', resource, key: path[1] };
  }
  if (role !== 'value' || !resource.is('StatefulSet')) return undefined;
  const volume = samePath(path.slice(0, -2), [...POD_SPEC_PATH, 'volumes']) && path[path.length - 1] === 'name';
  const claim = samePath(path.slice(0, 2), ['spec', 'volumeClaimTemplates']) && samePath(path.slice(3), ['metadata', 'name']);
  if (!volume && !claim) return undefined;
  const name = resource.nodeAt(path)?.toJSON() as unknown;
  return typeof name === 'string' && name !== '' ? { type: 'volume', resource, name } : undefined;
}

export function sameTarget(a: Target, b: Target): boolean {
  if (a.type !== b.type || a.resource !== b.resource) return false;
  if (a.type === 'key' && b.type === 'key') return a.key === b.key;
  if (a.type === 'volume' && b.type === 'volume') return a.name === b.name;
  return true;
}

/** The name a target goes by: an object's, a key, a volume's. */
export function nameOfTarget(target: Target): string {
  return target.type === 'object' ? target.resource.name : target.type === 'key' ? target.key : target.name;
}

/** Whether a Secret or ConfigMap defines `key` in any of its key mappings. */
export function hasKey(resource: Resource, key: string): boolean {
  return (KEY_FIELDS[resource.kind as ConfigSourceKind] ?? []).some((field) => {
    const map: unknown = (resource.object as Record<string, unknown>)[field];
    return isMapping(map) && Object.prototype.hasOwnProperty.call(map, key);
  });
}

export function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

function present<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
