/**
 * How strategic merge treats a list, from the Kubernetes schema kustomize embeds (1.21): lists
 * of built-in kinds marked "merge" are merged element by element on their keys, `finalizers`
 * as a set of strings, and every other list, including any list of a custom resource, is
 * replaced whole. Written from the documented schema facts, field by field.
 */
export type ListStrategy = { readonly keys: readonly string[] } | 'set' | 'replace';

/** The kinds whose pod spec is schema-known, by group, with the path to that pod spec. */
const POD_SPEC_PATHS: Record<string, Record<string, readonly string[]>> = {
  '': { Pod: ['spec'], ReplicationController: ['spec', 'template', 'spec'], PodTemplate: ['template', 'spec'] },
  apps: { Deployment: ['spec', 'template', 'spec'], ReplicaSet: ['spec', 'template', 'spec'], DaemonSet: ['spec', 'template', 'spec'], StatefulSet: ['spec', 'template', 'spec'] },
  extensions: { Deployment: ['spec', 'template', 'spec'], ReplicaSet: ['spec', 'template', 'spec'], DaemonSet: ['spec', 'template', 'spec'] },
  batch: { Job: ['spec', 'template', 'spec'], CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
};

/** Groups of Kubernetes' own API, whose objects have a schema (and so ObjectMeta's merge keys). */
const BUILT_IN_GROUPS = new Set([
  '', 'apps', 'batch', 'policy', 'extensions', 'autoscaling', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'scheduling.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'coordination.k8s.io',
  'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io', 'events.k8s.io',
]);

const BY_NAME = { keys: ['name'] } as const;
const POD_SPEC_LISTS: Record<string, ListStrategy> = {
  containers: BY_NAME,
  initContainers: BY_NAME,
  ephemeralContainers: BY_NAME,
  volumes: BY_NAME,
  imagePullSecrets: BY_NAME,
  hostAliases: { keys: ['ip'] },
  topologySpreadConstraints: { keys: ['topologyKey', 'whenUnsatisfiable'] },
};
const CONTAINER_LISTS: Record<string, ListStrategy> = {
  env: BY_NAME,
  volumeMounts: { keys: ['mountPath'] },
  volumeDevices: { keys: ['devicePath'] },
  ports: { keys: ['containerPort', 'protocol'] },
};
const CONTAINER_FIELDS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Fields whose missing value Kubernetes defaults, so two elements match when one leaves it out. */
export const KEY_DEFAULTS: Record<string, string> = { protocol: 'TCP' };

/** The strategy for the list at `path` (field names, no indexes) of an object of `group` and `kind`. */
export function listStrategy(group: string, kind: string, path: readonly string[]): ListStrategy {
  if (!BUILT_IN_GROUPS.has(group)) return 'replace';
  const field = path[path.length - 1];
  if (path.length === 2 && path[0] === 'metadata') {
    if (field === 'finalizers') return 'set';
    if (field === 'ownerReferences') return { keys: ['uid'] };
  }
  if (group === '' && kind === 'Service' && path.length === 2 && path[0] === 'spec' && field === 'ports') return { keys: ['port', 'protocol'] };
  const podSpec = POD_SPEC_PATHS[group]?.[kind];
  if (!podSpec || !startsWith(path, podSpec)) return 'replace';
  const rest = path.slice(podSpec.length);
  if (rest.length === 1) return POD_SPEC_LISTS[field] ?? 'replace';
  if (rest.length === 2 && CONTAINER_FIELDS.has(rest[0])) return CONTAINER_LISTS[field] ?? 'replace';
  return 'replace';
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => path[index] === key);
}
