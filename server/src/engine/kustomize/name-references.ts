import { visitField, type FieldSpec } from './field-specs';
import { CLUSTER_SCOPED } from './transformers/namespace';
import { child, put, scalar, textAt, withStep, type Tree, type TreeMap, type TreeScalar } from './tree';
import { kindOf, nameOf, namespaceOf, namesOf, type BuildResource } from './resource';

/**
 * Where objects name other objects, by the kind named: after prefixes, suffixes and hashes, each
 * such name is rewritten to the new name of the object it meant, when that object is in the
 * build. Written from kustomize's documented name-reference table; fields not listed (an env
 * value that spells a host name) keep the old spelling.
 */
interface Reference {
  readonly kind: string;
  readonly fields: readonly FieldSpec[];
  /** The field holds a map (or list of maps) with `name`, perhaps `kind` and `namespace`, rather than the name itself. */
  readonly object?: { readonly hasKind: boolean; readonly setsNamespace: boolean };
}

const POD_SPECS: readonly { kind: string; path: string }[] = [
  { kind: 'Pod', path: 'spec' },
  ...['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicationController'].map((kind) => ({ kind, path: 'spec/template/spec' })),
  { kind: 'CronJob', path: 'spec/jobTemplate/spec/template/spec' },
];

function inPodSpecs(...paths: string[]): FieldSpec[] {
  return POD_SPECS.flatMap(({ kind, path }) => paths.map((rest) => ({ kind, path: `${path}/${rest}` })));
}

const CONTAINERS = ['containers', 'initContainers'];
const fromContainers = (rest: string) => CONTAINERS.map((list) => `${list}/${rest}`);

const REFERENCES: readonly Reference[] = [
  {
    kind: 'ConfigMap',
    fields: inPodSpecs('volumes/configMap/name', 'volumes/projected/sources/configMap/name', ...fromContainers('env/valueFrom/configMapKeyRef/name'), ...fromContainers('envFrom/configMapRef/name')),
  },
  {
    kind: 'Secret',
    fields: [
      ...inPodSpecs('volumes/secret/secretName', 'volumes/projected/sources/secret/name', 'imagePullSecrets/name', ...fromContainers('env/valueFrom/secretKeyRef/name'), ...fromContainers('envFrom/secretRef/name')),
      { kind: 'ServiceAccount', path: 'imagePullSecrets/name' },
      { kind: 'ServiceAccount', path: 'secrets/name' },
      { kind: 'Ingress', path: 'spec/tls/secretName' },
    ],
  },
  {
    kind: 'Service',
    fields: [
      { kind: 'StatefulSet', group: 'apps', path: 'spec/serviceName' },
      { kind: 'Ingress', path: 'spec/rules/http/paths/backend/serviceName' },
      { kind: 'Ingress', path: 'spec/rules/http/paths/backend/service/name' },
      { kind: 'Ingress', path: 'spec/backend/serviceName' },
      { kind: 'Ingress', path: 'spec/defaultBackend/service/name' },
      { kind: 'APIService', path: 'spec/service/name' },
    ],
  },
  {
    kind: 'Service',
    fields: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'].map((kind) => ({ kind, path: 'webhooks/clientConfig/service' })),
    object: { hasKind: false, setsNamespace: true },
  },
  { kind: 'ServiceAccount', fields: inPodSpecs('serviceAccountName') },
  {
    kind: 'ServiceAccount',
    fields: ['RoleBinding', 'ClusterRoleBinding'].map((kind) => ({ kind, path: 'subjects' })),
    object: { hasKind: true, setsNamespace: true },
  },
  { kind: 'PersistentVolumeClaim', fields: inPodSpecs('volumes/persistentVolumeClaim/claimName') },
  { kind: 'PersistentVolume', fields: [{ kind: 'PersistentVolumeClaim', path: 'spec/volumeName' }] },
  {
    kind: 'StorageClass',
    fields: [
      { kind: 'PersistentVolumeClaim', path: 'spec/storageClassName' },
      { kind: 'PersistentVolume', path: 'spec/storageClassName' },
      { kind: 'StatefulSet', group: 'apps', path: 'spec/volumeClaimTemplates/spec/storageClassName' },
    ],
  },
  { kind: 'PriorityClass', fields: inPodSpecs('priorityClassName') },
  ...['Role', 'ClusterRole'].map((kind) => ({ kind, fields: ['RoleBinding', 'ClusterRoleBinding'].map((binding) => ({ kind: binding, path: 'roleRef' })), object: { hasKind: true, setsNamespace: false } })),
  ...['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].map((kind) => ({
    kind,
    fields: [{ kind: 'HorizontalPodAutoscaler', path: 'spec/scaleTargetRef' }],
    object: { hasKind: true, setsNamespace: false },
  })),
];

/** Rewrites every reference in the build to the current name of the object it names. */
export function fixNameReferences(resources: readonly BuildResource[]): void {
  for (const referrer of resources) {
    for (const reference of REFERENCES) {
      for (const spec of reference.fields) {
        visitField(referrer, spec, undefined, (holder, key) => {
          const value = child(holder, key);
          if (!value) return;
          if (reference.object) for (const target of value.type === 'seq' ? value.items : [value]) rewriteObject(target, reference, referrer, resources);
          else rewriteName(holder, key, reference.kind, referrer, resources);
        });
      }
    }
  }
}

function rewriteName(holder: TreeMap, key: string, kind: string, referrer: BuildResource, resources: readonly BuildResource[]): void {
  const old = textAt(holder, [key]);
  if (old === undefined) return;
  const found = referred(kind, old, referrer, resources, undefined);
  if (found && nameOf(found) !== old) put(holder, key, followed(child(holder, key) as TreeScalar, found));
}

function rewriteObject(target: Tree, reference: Reference, referrer: BuildResource, resources: readonly BuildResource[]): void {
  if (target.type !== 'map') return;
  if (reference.object!.hasKind && textAt(target, ['kind']) !== reference.kind) return;
  const old = textAt(target, ['name']);
  if (old === undefined) return;
  const namespace = reference.object!.setsNamespace ? textAt(target, ['namespace']) : undefined;
  const found = referred(reference.kind, old, referrer, resources, namespace ?? null);
  if (!found) return;
  if (nameOf(found) !== old) put(target, 'name', followed(child(target, 'name') as TreeScalar, found));
  const current = namespaceOf(found);
  if (reference.object!.setsNamespace && current !== undefined && current !== namespace) {
    const origin = child(found.tree, 'metadata')?.type === 'map' ? (child(child(found.tree, 'metadata'), 'namespace') as TreeScalar | undefined)?.origin : undefined;
    put(target, 'namespace', scalar(current, origin));
  }
}

/** The new name, keeping where the old one was written, with the renamed object as a step. */
function followed(old: TreeScalar, found: BuildResource): TreeScalar {
  const name = child(child(found.tree, 'metadata'), 'name') as TreeScalar | undefined;
  const step = name?.origin && { span: name.origin.span, message: `renamed with ${kindOf(found)} '${nameOf(found)}'` };
  return scalar(nameOf(found), step ? withStep(old.origin, step) : old.origin);
}

/**
 * The object a name meant, as kustomize narrows it down: the kind and an earlier name must
 * match; then the namespace (the referrer's, or the one the reference names); then, if several
 * are left, the one renamed with the same prefixes and suffixes as the referrer. None when that
 * still leaves no single object.
 */
function referred(kind: string, name: string, referrer: BuildResource, resources: readonly BuildResource[], namespace: string | null | undefined): BuildResource | undefined {
  let candidates = resources.filter(
    (resource) => (kindOf(resource) === kind || resource.previous.some((id) => id.kind === kind)) && namesOf(resource).includes(name),
  );
  if (typeof namespace === 'string') {
    candidates = candidates.filter((resource) => [namespaceOf(resource), ...resource.previous.map((id) => id.namespace)].includes(namespace));
  } else if (namespace === undefined && !CLUSTER_SCOPED.has(kind) && !CLUSTER_SCOPED.has(kindOf(referrer))) {
    const own = namespaceOf(referrer) ?? 'default';
    candidates = candidates.filter((resource) => (namespaceOf(resource) ?? 'default') === own);
  }
  if (candidates.length <= 1) return candidates[0];
  for (const allowEmpty of [false, true]) {
    const alike = candidates.filter((resource) => renamedAlike(resource.prefixes, referrer.prefixes, allowEmpty) && renamedAlike(resource.suffixes, referrer.suffixes, allowEmpty));
    if (alike.length === 1) return alike[0];
  }
  return undefined;
}

/**
 * Whether two objects got the same affixes from the kustomizations they share: the last ones
 * applied agree as far as the shorter list goes. With `allowEmpty`, an object never prefixed
 * (or suffixed) agrees with any.
 */
function renamedAlike(a: readonly string[], b: readonly string[], allowEmpty: boolean): boolean {
  if (a.length === 0 || b.length === 0) return allowEmpty || a.length === b.length;
  const shared = Math.min(a.length, b.length);
  return a.slice(-shared).every((item, index) => item === b.slice(-shared)[index]);
}
