import type { FieldShape } from './field-table-types';
import type { NamedField } from './field-at-path';

/** One value a field accepts, with what choosing it means. */
export interface EnumValue {
  value: string;
  description?: string;
}

/*
 * The fixed sets of words fields accept, by `type.field`. kubernetes-types declares most of
 * them as plain strings, so the table's own `values` (apiVersion, kind and the overlay's
 * fields) are completed from the lists below, which hold what the API server and the rules
 * accept. For a list of words (`accessModes`), the entry is the list field's.
 */

const PROTOCOLS: EnumValue[] = [
  { value: 'TCP', description: 'The default.' },
  { value: 'UDP' },
  { value: 'SCTP' },
];

const SELECTOR_OPERATORS: EnumValue[] = [
  { value: 'In', description: 'The label is set to one of `values`.' },
  { value: 'NotIn', description: 'The label is not set, or set to none of `values`.' },
  { value: 'Exists', description: 'The label is set, to any value; `values` must be empty.' },
  { value: 'DoesNotExist', description: 'The label is not set; `values` must be empty.' },
];

const PULL_POLICIES: EnumValue[] = [
  { value: 'IfNotPresent', description: 'Pull only when the node does not have the image. The default, unless the tag is `:latest` or missing.' },
  { value: 'Always', description: 'Check the registry on every container start. The default for `:latest` or untagged images.' },
  { value: 'Never', description: 'Use the image on the node only; the container fails to start without it.' },
];

const PROFILE_TYPES: EnumValue[] = [
  { value: 'RuntimeDefault', description: "The container runtime's default profile." },
  { value: 'Localhost', description: 'A profile loaded on the node, named by `localhostProfile`.' },
  { value: 'Unconfined', description: 'No profile.' },
];

const RETENTION: EnumValue[] = [
  { value: 'Retain', description: 'The default. The PVCs, and the data on their volumes, are kept.' },
  { value: 'Delete', description: 'The PVCs are deleted once their pods are gone: their data is lost unless the volumes are retained by their StorageClass.' },
];

const TRAFFIC_POLICIES: EnumValue[] = [
  { value: 'Cluster', description: 'The default. Traffic goes to ready endpoints on any node.' },
  { value: 'Local', description: 'Traffic only goes to endpoints on the node that received it.' },
];

const ENUMS: Record<string, readonly EnumValue[]> = {
  'apps/v1.StatefulSetSpec.podManagementPolicy': [
    {
      value: 'OrderedReady',
      description:
        'The default. Pods are created one at a time, lowest ordinal first, each once the one before is Running and Ready; they are removed one at a time, highest ordinal first.',
    },
    { value: 'Parallel', description: 'Pods are created and removed all at once, without waiting for one another.' },
  ],
  'apps/v1.StatefulSetUpdateStrategy.type': [
    {
      value: 'RollingUpdate',
      description: 'The default. A template change replaces the pods one by one, highest ordinal first, waiting for each to be Ready.',
    },
    { value: 'OnDelete', description: 'A template change only reaches a pod when you delete that pod yourself.' },
  ],
  'apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': RETENTION,
  'apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': RETENTION,
  'core/v1.PodSpec.restartPolicy': [{ value: 'Always', description: 'The only value a StatefulSet accepts, and the default.' }],
  'core/v1.PodSpec.dnsPolicy': [
    { value: 'ClusterFirst', description: 'The default. Cluster names resolve through the cluster DNS; other names go upstream.' },
    { value: 'ClusterFirstWithHostNet', description: 'ClusterFirst for pods using `hostNetwork: true`.' },
    { value: 'Default', description: "The node's own DNS configuration." },
    { value: 'None', description: 'Only what `dnsConfig` sets.' },
  ],
  'core/v1.PodSpec.preemptionPolicy': [
    { value: 'PreemptLowerPriority', description: 'The default. The pod may evict lower-priority pods to be scheduled.' },
    { value: 'Never', description: 'The pod waits for room instead of evicting others.' },
  ],
  'core/v1.PodOS.name': [{ value: 'linux' }, { value: 'windows' }],
  'core/v1.PodSecurityContext.fsGroupChangePolicy': [
    { value: 'Always', description: 'The default. Ownership and permissions of volumes are changed on every mount.' },
    { value: 'OnRootMismatch', description: "Only when the volume root's ownership does not match already: faster for large volumes." },
  ],
  'core/v1.SeccompProfile.type': PROFILE_TYPES,
  'core/v1.AppArmorProfile.type': PROFILE_TYPES,
  'core/v1.Container.imagePullPolicy': PULL_POLICIES,
  'core/v1.EphemeralContainer.imagePullPolicy': PULL_POLICIES,
  'core/v1.Container.terminationMessagePolicy': [
    { value: 'File', description: 'The default. The message is read from `terminationMessagePath`.' },
    { value: 'FallbackToLogsOnError', description: 'The end of the log is used when the file is empty and the container failed.' },
  ],
  'core/v1.Container.restartPolicy': [
    { value: 'Always', description: 'Only for init containers: makes the init container a sidecar that runs alongside the others.' },
  ],
  'core/v1.ContainerPort.protocol': PROTOCOLS,
  'core/v1.ServicePort.protocol': PROTOCOLS,
  'core/v1.HTTPGetAction.scheme': [{ value: 'HTTP', description: 'The default.' }, { value: 'HTTPS', description: 'The certificate is not verified.' }],
  'core/v1.VolumeMount.mountPropagation': [
    { value: 'None', description: 'The default. Mounts made later on either side are not seen by the other.' },
    { value: 'HostToContainer', description: 'Mounts made later on the host appear in the container.' },
    { value: 'Bidirectional', description: 'Mounts propagate both ways; needs a privileged container.' },
  ],
  'core/v1.VolumeMount.recursiveReadOnly': [
    { value: 'Disabled', description: 'The default. Only the mount itself is read-only.' },
    { value: 'IfPossible', description: 'Sub-mounts are read-only too when the runtime supports it.' },
    { value: 'Enabled', description: 'Sub-mounts are read-only too, or the container fails to start.' },
  ],
  'core/v1.ContainerResizePolicy.resourceName': [{ value: 'cpu' }, { value: 'memory' }],
  'core/v1.ContainerResizePolicy.restartPolicy': [
    { value: 'NotRequired', description: 'The default. The resource is resized in place.' },
    { value: 'RestartContainer', description: 'The container restarts to apply the new size.' },
  ],
  'core/v1.HostPathVolumeSource.type': [
    { value: 'DirectoryOrCreate' },
    { value: 'Directory' },
    { value: 'FileOrCreate' },
    { value: 'File' },
    { value: 'Socket' },
    { value: 'CharDevice' },
    { value: 'BlockDevice' },
  ],
  'core/v1.EmptyDirVolumeSource.medium': [{ value: 'Memory', description: "A tmpfs counted against the container's memory." }],
  'core/v1.ObjectFieldSelector.fieldPath': [
    { value: 'metadata.name', description: 'The pod name, such as `web-0`.' },
    { value: 'metadata.namespace' },
    { value: 'metadata.uid' },
    { value: "metadata.labels['apps.kubernetes.io/pod-index']", description: "The pod's ordinal, set by the StatefulSet controller." },
    { value: "metadata.labels['statefulset.kubernetes.io/pod-name']", description: 'The pod name, set by the StatefulSet controller.' },
    { value: 'spec.nodeName' },
    { value: 'spec.serviceAccountName' },
    { value: 'status.hostIP' },
    { value: 'status.hostIPs' },
    { value: 'status.podIP' },
    { value: 'status.podIPs' },
  ],
  'core/v1.ResourceFieldSelector.resource': [
    { value: 'limits.cpu' },
    { value: 'limits.memory' },
    { value: 'limits.ephemeral-storage' },
    { value: 'requests.cpu' },
    { value: 'requests.memory' },
    { value: 'requests.ephemeral-storage' },
  ],
  'core/v1.Toleration.operator': [
    { value: 'Equal', description: 'The default. The taint value must equal `value`.' },
    { value: 'Exists', description: 'Any value of the taint key; leave `value` empty.' },
  ],
  'core/v1.Toleration.effect': [{ value: 'NoSchedule' }, { value: 'PreferNoSchedule' }, { value: 'NoExecute' }],
  'core/v1.TopologySpreadConstraint.whenUnsatisfiable': [
    { value: 'DoNotSchedule', description: 'The pod stays pending rather than exceed `maxSkew`.' },
    { value: 'ScheduleAnyway', description: 'The scheduler prefers spreading but places the pod anyway.' },
  ],
  'core/v1.TopologySpreadConstraint.nodeAffinityPolicy': [
    { value: 'Honor', description: "The default. Only nodes matching the pod's node affinity count." },
    { value: 'Ignore' },
  ],
  'core/v1.TopologySpreadConstraint.nodeTaintsPolicy': [
    { value: 'Ignore', description: 'The default. Tainted nodes count too.' },
    { value: 'Honor', description: 'Only nodes whose taints the pod tolerates count.' },
  ],
  'meta/v1.LabelSelectorRequirement.operator': SELECTOR_OPERATORS,
  'core/v1.NodeSelectorRequirement.operator': [
    ...SELECTOR_OPERATORS,
    { value: 'Gt', description: 'The label, read as an integer, is greater than the single value.' },
    { value: 'Lt', description: 'The label, read as an integer, is less than the single value.' },
  ],
  'core/v1.PersistentVolumeClaimSpec.accessModes': [
    { value: 'ReadWriteOnce', description: 'Read-write by the pods of a single node.' },
    { value: 'ReadOnlyMany', description: 'Read-only by pods on many nodes.' },
    { value: 'ReadWriteMany', description: 'Read-write by pods on many nodes; few storage drivers offer it.' },
    { value: 'ReadWriteOncePod', description: 'Read-write by a single pod.' },
  ],
  'core/v1.PersistentVolumeClaimSpec.volumeMode': [
    { value: 'Filesystem', description: 'The default. The volume is formatted and mounted as a directory.' },
    { value: 'Block', description: 'The raw block device, used through `volumeDevices`.' },
  ],
  'core/v1.ServiceSpec.type': [
    { value: 'ClusterIP', description: 'The default. A virtual IP reachable inside the cluster; `clusterIP: None` makes the Service headless.' },
    { value: 'NodePort', description: 'Also exposed on a port of every node.' },
    { value: 'LoadBalancer', description: "Also exposed through the cloud provider's load balancer." },
    { value: 'ExternalName', description: 'A DNS alias (CNAME) to `externalName`; no pods are selected.' },
  ],
  'core/v1.ServiceSpec.sessionAffinity': [
    { value: 'None', description: 'The default.' },
    { value: 'ClientIP', description: "A client's connections keep going to the same pod." },
  ],
  'core/v1.ServiceSpec.externalTrafficPolicy': TRAFFIC_POLICIES,
  'core/v1.ServiceSpec.internalTrafficPolicy': TRAFFIC_POLICIES,
  'core/v1.ServiceSpec.ipFamilyPolicy': [
    { value: 'SingleStack', description: 'The default. One IP family.' },
    { value: 'PreferDualStack', description: 'Both families where the cluster has them.' },
    { value: 'RequireDualStack', description: 'Both families, or the Service is rejected.' },
  ],
  'core/v1.ServiceSpec.ipFamilies': [{ value: 'IPv4' }, { value: 'IPv6' }],
  'core/v1.ServiceSpec.trafficDistribution': [
    { value: 'PreferClose', description: 'Prefer endpoints topologically close to the client (such as the same zone).' },
    { value: 'PreferSameZone', description: 'Prefer endpoints in the same zone (Kubernetes 1.34).' },
    { value: 'PreferSameNode', description: 'Prefer endpoints on the same node (Kubernetes 1.34).' },
  ],
  'core/v1.Secret.type': [
    { value: 'Opaque', description: 'The default: arbitrary keys.' },
    { value: 'kubernetes.io/tls', description: 'Needs the keys `tls.crt` and `tls.key`.' },
    { value: 'kubernetes.io/basic-auth', description: 'Keys `username` and `password`.' },
    { value: 'kubernetes.io/ssh-auth', description: 'Key `ssh-privatekey`.' },
    { value: 'kubernetes.io/dockerconfigjson', description: 'Key `.dockerconfigjson`, for `imagePullSecrets`.' },
    { value: 'kubernetes.io/dockercfg', description: 'Key `.dockercfg` (legacy format).' },
    { value: 'kubernetes.io/service-account-token' },
    { value: 'bootstrap.kubernetes.io/token' },
  ],
  'storage/v1.StorageClass.reclaimPolicy': [
    { value: 'Delete', description: 'The default. Deleting a PVC deletes its volume and the data on it.' },
    { value: 'Retain', description: 'The volume and its data outlive the PVC; an administrator reclaims it.' },
  ],
  'storage/v1.StorageClass.volumeBindingMode': [
    { value: 'Immediate', description: 'The default. Volumes are provisioned as soon as the PVC exists.' },
    { value: 'WaitForFirstConsumer', description: "Provisioning waits for a pod, so the volume lands in that pod's zone." },
  ],
  'policy/v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': [
    { value: 'IfHealthyBudget', description: 'The default. Unhealthy pods may be evicted only while the budget is met.' },
    { value: 'AlwaysAllow', description: 'Unhealthy pods may always be evicted, so a broken pod cannot block a node drain.' },
  ],
  'autoscaling/v2.MetricSpec.type': [
    { value: 'Resource' },
    { value: 'Pods' },
    { value: 'Object' },
    { value: 'External' },
    { value: 'ContainerResource' },
  ],
  'autoscaling/v2.MetricTarget.type': [
    { value: 'Utilization', description: "A percentage of the pods' requests, in `averageUtilization`." },
    { value: 'AverageValue', description: 'A value per pod, in `averageValue`.' },
    { value: 'Value', description: 'A total value, in `value`.' },
  ],
  'autoscaling/v2.ResourceMetricSource.name': [{ value: 'cpu' }, { value: 'memory' }],
  'autoscaling/v2.ContainerResourceMetricSource.name': [{ value: 'cpu' }, { value: 'memory' }],
  'autoscaling/v2.HPAScalingRules.selectPolicy': [
    { value: 'Max', description: 'The default. The policy allowing the biggest change wins.' },
    { value: 'Min', description: 'The policy allowing the smallest change wins.' },
    { value: 'Disabled', description: 'No scaling in this direction.' },
  ],
  'autoscaling/v2.HPAScalingPolicy.type': [{ value: 'Pods' }, { value: 'Percent' }],
};

/** The words a field accepts, or undefined when it takes free text. */
export function allowedValues(field: NamedField): readonly EnumValue[] | undefined {
  const declared = wordsOf(field.field);
  const listed = ENUMS[`${field.ownerType}.${field.name}`];
  if (!declared) return listed;
  return declared.map((value) => listed?.find((entry) => entry.value === value) ?? { value });
}

function wordsOf(shape: FieldShape): string[] | undefined {
  if (shape.type === 'string') return shape.values;
  if (shape.type === 'array' && shape.items.type === 'string') return shape.items.values;
  return undefined;
}

/** Every field with a listed set of words, as `type.field`, for tests. */
export const ENUM_FIELDS = Object.keys(ENUMS);
