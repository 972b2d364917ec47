import type { EnvFromSource, EnvVar } from 'kubernetes-types/core/v1';
import { containersOf } from './pod-template';
import type { Resource } from './resource';

/**
 * Keys naming what an object provides to others (`Service/web`, and `Service/*` for
 * "any Service") and what it reads from others. When a file's provided keys change,
 * the files that read any of them must be checked again.
 */
export function providedKeys(resource: Resource): string[] {
  const keys = [`${resource.kind}/${resource.name}`, `${resource.kind}/*`];
  const governor = governorKey(resource);
  return governor ? [...keys, governor] : keys;
}

/**
 * StatefulSets naming the same Service read each other: a Service that selects another one's
 * pods is taken as that set's (see `governingService`).
 */
function governorKey(resource: Resource): string | undefined {
  if (!resource.is('StatefulSet')) return undefined;
  const serviceName = resource.object.spec?.serviceName;
  return typeof serviceName === 'string' && serviceName !== '' ? `governed-by:Service/${serviceName}` : undefined;
}

export function requiredKeys(resource: Resource): string[] {
  if (!resource.is('StatefulSet')) return [];
  const keys = new Set<string>(['PodDisruptionBudget/*', 'HorizontalPodAutoscaler/*']);
  const serviceName = resource.object.spec?.serviceName;
  if (typeof serviceName === 'string' && serviceName !== '') keys.add(`Service/${serviceName}`);
  const governor = governorKey(resource);
  if (governor) keys.add(governor);
  for (const { value: container } of containersOf(resource)) {
    for (const env of Array.isArray(container.env) ? (container.env as EnvVar[]) : []) {
      const secret = env?.valueFrom?.secretKeyRef?.name;
      const configMap = env?.valueFrom?.configMapKeyRef?.name;
      if (typeof secret === 'string') keys.add(`Secret/${secret}`);
      if (typeof configMap === 'string') keys.add(`ConfigMap/${configMap}`);
    }
    for (const source of Array.isArray(container.envFrom) ? (container.envFrom as EnvFromSource[]) : []) {
      if (typeof source?.secretRef?.name === 'string') keys.add(`Secret/${source.secretRef.name}`);
      if (typeof source?.configMapRef?.name === 'string') keys.add(`ConfigMap/${source.configMapRef.name}`);
    }
  }
  return [...keys];
}
