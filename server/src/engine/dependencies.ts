import type { EnvFromSource, EnvVar } from 'kubernetes-types/core/v1';
import { containersOf } from './pod-template';
import type { Resource } from './resource';

/**
 * Keys naming what an object provides to others (`Service/web`, and `Service/*` for
 * "any Service") and what it reads from others. When a file's provided keys change,
 * the files that read any of them must be checked again.
 */
export function providedKeys(resource: Resource): string[] {
  return [`${resource.kind}/${resource.name}`, `${resource.kind}/*`];
}

export function requiredKeys(resource: Resource): string[] {
  if (!resource.is('StatefulSet')) return [];
  const keys = new Set<string>(['PodDisruptionBudget/*', 'HorizontalPodAutoscaler/*']);
  const serviceName = resource.object.spec?.serviceName;
  if (typeof serviceName === 'string' && serviceName !== '') keys.add(`Service/${serviceName}`);
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
