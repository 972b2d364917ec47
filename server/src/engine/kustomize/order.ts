import { groupVersionOf, kindOf, nameOf, namespaceOf, type BuildResource } from './resource';

/** Kinds `kustomize build` prints first, in this order, so that what others need exists before them. */
const FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role',
  'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange',
  'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget',
];
/** Kinds printed last: webhooks that would otherwise intercept the objects before them. */
const LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string, first: readonly string[], last: readonly string[]): number {
  const early = first.indexOf(kind);
  if (early >= 0) return early - first.length;
  const late = last.indexOf(kind);
  return late >= 0 ? 1 + late : 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** kustomize's spelling of a type for sorting: a missing part becomes `~G`, `~V` or `~K`, which sort after letters. */
function typeKey(resource: BuildResource): string {
  const { group, version } = groupVersionOf(resource);
  return `${group || '~G'}_${version || '~V'}_${kindOf(resource) || '~K'}`;
}

/**
 * The `legacy` order of the kustomize command: by kind (the listed ones first and last, or the
 * kustomization's own `legacySortOptions` lists), then by group, version and kind, then
 * namespace and name. Stable, so equal ids keep their build order.
 */
export function legacyOrder(resources: readonly BuildResource[], first: readonly string[] = FIRST, last: readonly string[] = LAST): BuildResource[] {
  return [...resources].sort(
    (a, b) =>
      rank(kindOf(a), first, last) - rank(kindOf(b), first, last) ||
      compare(typeKey(a), typeKey(b)) ||
      compare(namespaceOf(a) ?? '', namespaceOf(b) ?? '') ||
      compare(nameOf(a), nameOf(b)),
  );
}
