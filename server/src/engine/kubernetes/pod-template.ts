import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Container, PersistentVolumeClaim, Volume } from 'kubernetes-types/core/v1';
import type { ObjectContent } from '../document/resource';
import type { PathSegment } from '../document/yaml-nodes';

export const POD_SPEC_PATH: readonly PathSegment[] = ['spec', 'template', 'spec'];

/** The probe fields of a container. */
export const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export interface Entry<T> {
  value: T;
  /** Path of the entry below the StatefulSet, for `resource.field` and `resource.nearest`. */
  path: PathSegment[];
}

export interface ContainerEntry extends Entry<Container> {
  init: boolean;
}

/** The mapping items of a list field; anything else in the list is left to the schema checks. */
export function entriesOf<T>(list: unknown, path: readonly PathSegment[]): Entry<T>[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? [{ value: value as T, path: [...path, index] }] : [],
  );
}

/** Init containers first, then the regular ones, as the API server validates them. */
export function containersOf(resource: ObjectContent<StatefulSet>): ContainerEntry[] {
  const podSpec = resource.object.spec?.template?.spec;
  return [
    ...entriesOf<Container>(podSpec?.initContainers, [...POD_SPEC_PATH, 'initContainers']).map((entry) => ({ ...entry, init: true })),
    ...entriesOf<Container>(podSpec?.containers, [...POD_SPEC_PATH, 'containers']).map((entry) => ({ ...entry, init: false })),
  ];
}

export function volumesOf(resource: ObjectContent<StatefulSet>): Entry<Volume>[] {
  return entriesOf<Volume>(resource.object.spec?.template?.spec?.volumes, [...POD_SPEC_PATH, 'volumes']);
}

export function claimTemplatesOf(resource: ObjectContent<StatefulSet>): Entry<PersistentVolumeClaim>[] {
  return entriesOf<PersistentVolumeClaim>(resource.object.spec?.volumeClaimTemplates, ['spec', 'volumeClaimTemplates']);
}
