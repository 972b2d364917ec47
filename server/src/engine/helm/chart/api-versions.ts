import type { KubernetesVersion } from '../../config';

/**
 * The built-in API group/versions and kinds Kubernetes serves, as Helm's default
 * `.Capabilities.APIVersions` lists them (client-go's scheme, without `--api-versions`).
 * Custom resources such as `monitoring.coreos.com/v1` are deliberately absent, as they are
 * for `helm template`. Each entry: group/version, the minor release that added it, the
 * minor that removed it (exclusive), and its kinds.
 */
const BUILT_IN: readonly (readonly [string, number, number, readonly string[]])[] = [
  ['v1', 0, 99, ['Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount']],
  ['admissionregistration.k8s.io/v1', 16, 99, ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']],
  ['apiextensions.k8s.io/v1', 16, 99, ['CustomResourceDefinition']],
  ['apiregistration.k8s.io/v1', 10, 99, ['APIService']],
  ['apps/v1', 9, 99, ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']],
  ['authentication.k8s.io/v1', 6, 99, ['SelfSubjectReview', 'TokenRequest', 'TokenReview']],
  ['authorization.k8s.io/v1', 6, 99, ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview']],
  ['autoscaling/v1', 2, 99, ['HorizontalPodAutoscaler', 'Scale']],
  ['autoscaling/v2', 23, 99, ['HorizontalPodAutoscaler']],
  ['batch/v1', 0, 99, ['CronJob', 'Job']],
  ['certificates.k8s.io/v1', 19, 99, ['CertificateSigningRequest']],
  ['coordination.k8s.io/v1', 14, 99, ['Lease']],
  ['discovery.k8s.io/v1', 21, 99, ['EndpointSlice']],
  ['events.k8s.io/v1', 19, 99, ['Event']],
  ['flowcontrol.apiserver.k8s.io/v1', 29, 99, ['FlowSchema', 'PriorityLevelConfiguration']],
  ['networking.k8s.io/v1', 8, 99, ['IngressClass', 'Ingress', 'NetworkPolicy', 'IPAddress', 'ServiceCIDR']],
  ['node.k8s.io/v1', 20, 99, ['RuntimeClass']],
  ['policy/v1', 21, 99, ['Eviction', 'PodDisruptionBudget']],
  ['rbac.authorization.k8s.io/v1', 8, 99, ['ClusterRoleBinding', 'ClusterRole', 'RoleBinding', 'Role']],
  ['resource.k8s.io/v1', 34, 99, ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice']],
  ['scheduling.k8s.io/v1', 14, 99, ['PriorityClass']],
  ['storage.k8s.io/v1', 6, 99, ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment']],
  // Beta versions still served by their last releases.
  ['batch/v1beta1', 8, 25, ['CronJob']],
  ['policy/v1beta1', 5, 25, ['PodDisruptionBudget', 'PodSecurityPolicy']],
  ['autoscaling/v2beta1', 8, 25, ['HorizontalPodAutoscaler']],
  ['autoscaling/v2beta2', 12, 26, ['HorizontalPodAutoscaler']],
  ['networking.k8s.io/v1beta1', 14, 22, ['Ingress', 'IngressClass']],
  ['extensions/v1beta1', 0, 22, ['Ingress']],
  ['storage.k8s.io/v1beta1', 10, 27, ['CSIStorageCapacity']],
];

/** The `.Capabilities.APIVersions` list: every group/version, then every group/version/Kind. */
export function builtInApiVersions(version: KubernetesVersion): string[] {
  const served = BUILT_IN.filter(([, from, until]) => version.major > 1 || (version.minor >= from && version.minor < until));
  return [...served.map(([groupVersion]) => groupVersion), ...served.flatMap(([groupVersion, , , kinds]) => kinds.map((kind) => `${groupVersion}/${kind}`))];
}
