import { versionAtLeast, type KubernetesVersion } from '../config';

/** What the API server fills in for a field left out, in words for a hover. */
export type ServerDefault =
  | {
      /** The value, as YAML would spell it. */
      value: string;
      /** When the default depends on something else. */
      note?: string;
    }
  | {
      /** A default that is not a literal, in words. */
      prose: string;
      note?: string;
    };

type DefaultOf = ServerDefault | ((version: KubernetesVersion) => ServerDefault | undefined);

/*
 * Defaults applied by the API server before validation (SetDefaults_StatefulSet and the core
 * defaulting functions), by `type.field`. Only fields whose default is a fixed value, or one
 * that depends on the target Kubernetes version, are listed; fields left empty stay empty.
 */
const DEFAULTS: Record<string, DefaultOf> = {
  'apps/v1.StatefulSetSpec.replicas': { value: '1' },
  'apps/v1.StatefulSetSpec.podManagementPolicy': { value: 'OrderedReady' },
  'apps/v1.StatefulSetSpec.revisionHistoryLimit': { value: '10' },
  'apps/v1.StatefulSetSpec.minReadySeconds': { value: '0' },
  'apps/v1.StatefulSetSpec.updateStrategy': { value: '{type: RollingUpdate, rollingUpdate: {partition: 0}}' },
  'apps/v1.StatefulSetUpdateStrategy.type': { value: 'RollingUpdate' },
  'apps/v1.RollingUpdateStatefulSetStrategy.partition': { value: '0' },
  'apps/v1.RollingUpdateStatefulSetStrategy.maxUnavailable': (version) =>
    versionAtLeast(version, 1, 35)
      ? { value: '1' }
      : { value: '1', note: 'where the MaxUnavailableStatefulSet feature gate is on, the default from Kubernetes 1.35' },
  'apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': { value: 'Retain' },
  'apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': { value: 'Retain' },
  'apps/v1.StatefulSetOrdinals.start': { value: '0' },
  'core/v1.PodSpec.restartPolicy': { value: 'Always' },
  'core/v1.PodSpec.dnsPolicy': { value: 'ClusterFirst' },
  'core/v1.PodSpec.schedulerName': { value: 'default-scheduler' },
  'core/v1.PodSpec.terminationGracePeriodSeconds': { value: '30' },
  'core/v1.PodSpec.enableServiceLinks': { value: 'true' },
  'core/v1.PodSpec.securityContext': { value: '{}' },
  'core/v1.Container.imagePullPolicy': { value: 'IfNotPresent', note: '`Always` when the image tag is `:latest` or missing' },
  'core/v1.Container.terminationMessagePath': { value: '/dev/termination-log' },
  'core/v1.Container.terminationMessagePolicy': { value: 'File' },
  'core/v1.ContainerPort.protocol': { value: 'TCP' },
  'core/v1.ServicePort.protocol': { value: 'TCP' },
  'core/v1.ServicePort.targetPort': { prose: 'the same as `port`' },
  'core/v1.HTTPGetAction.scheme': { value: 'HTTP' },
  'core/v1.Probe.timeoutSeconds': { value: '1' },
  'core/v1.Probe.periodSeconds': { value: '10' },
  'core/v1.Probe.successThreshold': { value: '1' },
  'core/v1.Probe.failureThreshold': { value: '3' },
  'core/v1.Probe.initialDelaySeconds': { value: '0' },
  'core/v1.VolumeMount.mountPropagation': { value: 'None' },
  'core/v1.SecretVolumeSource.defaultMode': { value: '0644' },
  'core/v1.ConfigMapVolumeSource.defaultMode': { value: '0644' },
  'core/v1.Toleration.operator': { value: 'Equal' },
  'core/v1.PersistentVolumeClaimSpec.volumeMode': { value: 'Filesystem' },
  'core/v1.PersistentVolumeClaimSpec.storageClassName': { prose: "the cluster's default StorageClass, if it has one" },
  'core/v1.ServiceSpec.type': { value: 'ClusterIP' },
  'core/v1.ServiceSpec.sessionAffinity': { value: 'None' },
  'core/v1.ServiceSpec.internalTrafficPolicy': { value: 'Cluster' },
  'core/v1.ServiceSpec.ipFamilyPolicy': { value: 'SingleStack' },
  'core/v1.Secret.type': { value: 'Opaque' },
  'storage/v1.StorageClass.reclaimPolicy': { value: 'Delete' },
  'storage/v1.StorageClass.volumeBindingMode': { value: 'Immediate' },
  'policy/v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': { value: 'IfHealthyBudget' },
  'autoscaling/v2.HorizontalPodAutoscalerSpec.minReplicas': { value: '1' },
};

export function serverDefault(ownerType: string, field: string, version: KubernetesVersion): ServerDefault | undefined {
  const entry = DEFAULTS[`${ownerType}.${field}`];
  return typeof entry === 'function' ? entry(version) : entry;
}
