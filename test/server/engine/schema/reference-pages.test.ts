import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typeName } from '../../../../server/src/engine/schema/describe-path';
import { FIELD_TABLE } from '../../../../server/src/engine/schema/field-table';
import { referenceUrl } from '../../../../server/src/engine/schema/reference-pages';

const REFERENCE = 'https://kubernetes.io/docs/reference/kubernetes-api/';

describe('kubernetes.io API reference links', () => {
  it('exist for every type of the field table, at the anchor of the type', () => {
    for (const typeId of Object.keys(FIELD_TABLE.types)) {
      const url = referenceUrl(typeId) ?? '';
      assert.ok(url.startsWith(REFERENCE), `${typeId}: ${url}`);
      assert.ok(url.endsWith(`/#${typeName(typeId)}`), `${typeId}: ${url}`);
    }
  });

  it('send each type to the page that describes it, inline or in a section of its own', () => {
    const pages: Record<string, string> = {
      'apps/v1.StatefulSetSpec': 'workload-resources/stateful-set-v1/',
      'apps/v1.RollingUpdateStatefulSetStrategy': 'workload-resources/stateful-set-v1/',
      'apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy': 'workload-resources/stateful-set-v1/',
      'core/v1.PodTemplateSpec': 'workload-resources/pod-template-v1/',
      'core/v1.Container': 'workload-resources/pod-v1/',
      'core/v1.SecretKeySelector': 'workload-resources/pod-v1/',
      'core/v1.HTTPGetAction': 'workload-resources/pod-v1/',
      'core/v1.ConfigMapVolumeSource': 'config-and-storage-resources/volume/',
      'core/v1.VolumeResourceRequirements': 'config-and-storage-resources/persistent-volume-claim-v1/',
      'core/v1.ServicePort': 'service-resources/service-v1/',
      'storage/v1.StorageClass': 'config-and-storage-resources/storage-class-v1/',
      'policy/v1.PodDisruptionBudgetSpec': 'policy-resources/pod-disruption-budget-v1/',
      'autoscaling/v2.MetricTarget': 'workload-resources/horizontal-pod-autoscaler-v2/',
      'meta/v1.OwnerReference': 'common-definitions/object-meta/',
      'meta/v1.LabelSelectorRequirement': 'common-definitions/label-selector/',
    };
    for (const [typeId, page] of Object.entries(pages)) {
      assert.equal(referenceUrl(typeId), `${REFERENCE}${page}#${typeName(typeId)}`);
    }
  });

  it('have nothing for a type the table does not hold', () => {
    assert.equal(referenceUrl('apps/v1.DeploymentSpec'), undefined);
  });
});
