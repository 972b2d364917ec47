import type { Origin } from '../../helm/go/origin';
import { fieldOrigin, scalarField } from '../kustomization';
import type { Layer } from '../layer';
import { kindOf, namespaceOf, rememberIdentity, type BuildResource } from '../resource';
import { child, mapAt, mapChild, put, scalar, textAt, type TreeMap } from '../tree';

/** Kinds without a namespace: the transformer leaves them alone. Unknown kinds count as namespaced, as in kustomize. */
export const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'CSIDriver', 'CSINode', 'VolumeAttachment', 'RuntimeClass', 'IngressClass', 'PodSecurityPolicy', 'ComponentStatus',
  'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration', 'TokenReview', 'SelfSubjectAccessReview',
  'SelfSubjectRulesReview', 'SubjectAccessReview', 'ClusterTrustBundle', 'DeviceClass', 'IPAddress', 'ServiceCIDR',
]);

const BINDINGS = new Set(['RoleBinding', 'ClusterRoleBinding']);

/**
 * `namespace:` sets `metadata.namespace` of every namespaced object, the namespace of the
 * `default` ServiceAccount in role bindings, and the service namespace of a CRD's conversion
 * webhook. Nothing inside a pod template changes.
 */
export function applyNamespace(layer: Layer, resources: readonly BuildResource[]): void {
  const namespace = scalarField(layer.kustomization, 'namespace');
  const field = layer.kustomization.fields.get('namespace');
  if (!namespace || !field) return;
  const origin = fieldOrigin(layer.kustomization, field);
  for (const resource of resources) {
    const kind = kindOf(resource);
    if (!CLUSTER_SCOPED.has(kind) && namespaceOf(resource) !== namespace.text) {
      rememberIdentity(resource);
      put(mapChild(resource.tree, 'metadata', origin), 'namespace', scalar(namespace.text, origin), origin);
    }
    if (BINDINGS.has(kind)) setDefaultSubjects(resource.tree, namespace.text, origin);
    if (kind === 'CustomResourceDefinition') {
      const service = mapAt(resource.tree, ['spec', 'conversion', 'webhook', 'clientConfig', 'service']);
      if (service) put(service, 'namespace', scalar(namespace.text, origin), origin);
    }
  }
}

function setDefaultSubjects(binding: TreeMap, namespace: string, origin: Origin): void {
  const subjects = child(binding, 'subjects');
  if (subjects?.type !== 'seq') return;
  for (const subject of subjects.items) {
    if (subject.type === 'map' && textAt(subject, ['kind']) === 'ServiceAccount' && textAt(subject, ['name']) === 'default') {
      put(subject, 'namespace', scalar(namespace, origin), origin);
    }
  }
}
