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
  if (resource.is('StatefulSet')) {
    const serviceName = resource.object.spec?.serviceName;
    return typeof serviceName === 'string' && serviceName !== '' ? [`Service/${serviceName}`] : [];
  }
  return [];
}
