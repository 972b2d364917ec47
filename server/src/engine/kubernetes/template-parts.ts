import type { EnvVar, PersistentVolumeClaim, VolumeMount } from 'kubernetes-types/core/v1';
import { entriesOf, type ContainerEntry, type Entry } from './pod-template';

/*
 * The parts of a StatefulSet's templates that several checks walk, and how their messages
 * name them.
 */

export function envOf(container: ContainerEntry): Entry<EnvVar>[] {
  return entriesOf<EnvVar>(container.value.env, [...container.path, 'env']);
}

export function volumeMountsOf(container: ContainerEntry): Entry<VolumeMount>[] {
  return entriesOf<VolumeMount>(container.value.volumeMounts, [...container.path, 'volumeMounts']);
}

/** 1-based position of a list entry, as people count. */
export function positionOf(entry: Entry<unknown>): number {
  const index = entry.path[entry.path.length - 1];
  return typeof index === 'number' ? index + 1 : 0;
}

/** How messages name a container: `container 'app'`, or `init container 2` when it has no name. */
export function describeContainer(container: ContainerEntry): string {
  const kind = container.init ? 'init container' : 'container';
  const name = nameOf(container.value);
  return name !== undefined ? `${kind} '${name}'` : `${kind} ${positionOf(container)}`;
}

/** How messages name an env var: `env var 'DB_HOST'`, or `env var 3` when it has no name. */
export function describeEnvVar(env: Entry<EnvVar>): string {
  const name = nameOf(env.value);
  return name !== undefined ? `env var '${name}'` : `env var ${positionOf(env)}`;
}

/** `volumeClaimTemplate 'data'`, or `volumeClaimTemplate 2` when it has no name. */
export function describeClaimTemplate(claim: Entry<PersistentVolumeClaim>): string {
  const name = nameOf(claim.value.metadata);
  return name !== undefined ? `volumeClaimTemplate '${name}'` : `volumeClaimTemplate ${positionOf(claim)}`;
}

/** A non-empty string name; anything else is left to the schema checks. */
export function nameOf(value: object | undefined): string | undefined {
  const name = (value as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
