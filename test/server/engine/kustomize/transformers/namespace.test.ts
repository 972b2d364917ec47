import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOf, objectsOf } from '../build-fixture';

describe('namespace transformer', () => {
  const build = buildOf({
    'kustomization.yaml': 'namespace: prod\nresources: [objects.yaml]\n',
    'objects.yaml': [
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: old}\nspec:\n  template:\n    metadata: {namespace: kept}\n',
      'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\nsubjects:\n- {kind: ServiceAccount, name: default, namespace: x}\n- {kind: ServiceAccount, name: other, namespace: x}\n',
    ].join('---\n'),
  });
  const [statefulSet, volume, binding] = objectsOf(build);

  it('moves namespaced objects, overriding their own namespace, and nothing inside the pod template', () => {
    assert.equal(statefulSet.metadata.namespace, 'prod');
    assert.equal(statefulSet.spec.template.metadata.namespace, 'kept');
  });

  it('leaves cluster-scoped kinds without a namespace', () => {
    assert.equal(volume.metadata.namespace, undefined);
  });

  it("moves a binding's default ServiceAccount subject, not the others", () => {
    assert.deepEqual(binding.subjects.map((subject: { namespace: string }) => subject.namespace), ['prod', 'x']);
  });
});
