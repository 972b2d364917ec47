import { groupVersionOf, kindOf, nameOf, namespaceOf, type BuildResource } from './resource';

/** Kinds `kustomize build` prints first, in this order, so that what others need exists before them. */
const FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role',
  'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange',
  'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget',
];
/** Kinds printed last: webhooks that would otherwise intercept the objects before them. */
const LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string): number {
  const first = FIRST.indexOf(kind);
  if (first >= 0) return first - FIRST.length;
  const last = LAST.indexOf(kind);
  return last >= 0 ? 1 + last : 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function typeKey(resource: BuildResource): string {
  const { group, version } = groupVersionOf(resource);
  return `${group}_${version}_${kindOf(resource)}`;
}

/**
 * The `legacy` order of the kustomize command: by kind (the listed ones first and last), then by
 * group, version and kind, then namespace and name. Stable, so equal ids keep their build order.
 */
export function legacyOrder(resources: readonly BuildResource[]): BuildResource[] {
  return [...resources].sort(
    (a, b) =>
      rank(kindOf(a)) - rank(kindOf(b)) ||
      compare(typeKey(a), typeKey(b)) ||
      compare(namespaceOf(a) ?? '', namespaceOf(b) ?? '') ||
      compare(nameOf(a), nameOf(b)),
  );
}
