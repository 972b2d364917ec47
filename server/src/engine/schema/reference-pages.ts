import { FIELD_TABLE } from './field-table';
import type { FieldShape } from './field-table-types';
import { typeName } from './describe-path';

const REFERENCE = 'https://kubernetes.io/docs/reference/kubernetes-api/';

/**
 * Which page of the Kubernetes API reference documents each type. A page has a section for
 * each of the types listed for it here (anchor `#StatefulSetSpec`); every other type is
 * described inline, under the first field that uses it, with an anchor of its own name
 * (`#RollingUpdateStatefulSetStrategy`). So a type not listed belongs to the page of the first
 * listed type, in this order, that reaches it through its fields. The layout is the one
 * kubernetes.io has used since 1.22.
 */
const PAGES: [page: string, sections: string[]][] = [
  ['workload-resources/stateful-set-v1/', ['apps/v1.StatefulSet', 'apps/v1.StatefulSetSpec', 'apps/v1.StatefulSetStatus']],
  ['workload-resources/pod-template-v1/', ['core/v1.PodTemplateSpec']],
  [
    'workload-resources/pod-v1/',
    [
      'core/v1.PodSpec',
      'core/v1.Container',
      'core/v1.EphemeralContainer',
      'core/v1.LifecycleHandler',
      'core/v1.NodeAffinity',
      'core/v1.PodAffinity',
      'core/v1.PodAntiAffinity',
      'core/v1.Probe',
    ],
  ],
  ['config-and-storage-resources/volume/', ['core/v1.Volume']],
  ['service-resources/service-v1/', ['core/v1.Service', 'core/v1.ServiceSpec', 'core/v1.ServiceStatus']],
  ['config-and-storage-resources/secret-v1/', ['core/v1.Secret']],
  ['config-and-storage-resources/config-map-v1/', ['core/v1.ConfigMap']],
  [
    'config-and-storage-resources/persistent-volume-claim-v1/',
    ['core/v1.PersistentVolumeClaim', 'core/v1.PersistentVolumeClaimSpec', 'core/v1.PersistentVolumeClaimStatus'],
  ],
  ['config-and-storage-resources/storage-class-v1/', ['storage/v1.StorageClass']],
  [
    'policy-resources/pod-disruption-budget-v1/',
    ['policy/v1.PodDisruptionBudget', 'policy/v1.PodDisruptionBudgetSpec', 'policy/v1.PodDisruptionBudgetStatus'],
  ],
  [
    'workload-resources/horizontal-pod-autoscaler-v2/',
    [
      'autoscaling/v2.HorizontalPodAutoscaler',
      'autoscaling/v2.HorizontalPodAutoscalerSpec',
      'autoscaling/v2.HorizontalPodAutoscalerStatus',
    ],
  ],
  ['common-definitions/object-meta/', ['meta/v1.ObjectMeta']],
  ['common-definitions/label-selector/', ['meta/v1.LabelSelector']],
  ['common-definitions/local-object-reference/', ['core/v1.LocalObjectReference']],
  ['common-definitions/object-field-selector/', ['core/v1.ObjectFieldSelector']],
  ['common-definitions/resource-field-selector/', ['core/v1.ResourceFieldSelector']],
  ['common-definitions/node-selector-requirement/', ['core/v1.NodeSelectorRequirement']],
  ['common-definitions/key-to-path/', ['core/v1.KeyToPath']],
  ['common-definitions/typed-local-object-reference/', ['core/v1.TypedLocalObjectReference']],
];

let pageOfType: Map<string, string> | undefined;

/** The kubernetes.io API reference URL for a type of the field table, at its anchor. */
export function referenceUrl(typeId: string): string | undefined {
  pageOfType ??= assignPages();
  const page = pageOfType.get(typeId);
  return page && `${REFERENCE}${page}#${typeName(typeId)}`;
}

function assignPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const [page, sections] of PAGES) for (const section of sections) pages.set(section, page);
  for (const [page, sections] of PAGES) {
    const queue = [...sections];
    while (queue.length > 0) {
      const entry = FIELD_TABLE.types[queue.shift()!];
      for (const field of Object.values(entry?.fields ?? {})) {
        const ref = referenced(field);
        if (ref && !pages.has(ref)) {
          pages.set(ref, page);
          queue.push(ref);
        }
      }
    }
  }
  return pages;
}

function referenced(shape: FieldShape): string | undefined {
  if (shape.type === 'object') return shape.ref;
  if (shape.type === 'array') return referenced(shape.items);
  if (shape.type === 'map') return referenced(shape.values);
  return undefined;
}
