import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOf, objectsOf } from '../build-fixture';

describe('namePrefix and nameSuffix', () => {
  const files = {
    'base/kustomization.yaml': 'namePrefix: base-\nresources: [objects.yaml]\n',
    'base/objects.yaml': [
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  template:\n    spec:\n      containers: [{name: db}]\n  volumeClaimTemplates: [{metadata: {name: data}}]\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: db}\n',
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: things.example.com}\n',
    ].join('---\n'),
    'overlay/kustomization.yaml': 'namePrefix: prod-\nnameSuffix: -eu\nresources: [../base]\n',
  };
  const [statefulSet, service, definition] = objectsOf(buildOf(files, 'overlay'));

  it('composes the prefixes of each level, outermost first, then the suffix', () => {
    assert.equal(statefulSet.metadata.name, 'prod-base-db-eu');
    assert.equal(service.metadata.name, 'prod-base-db-eu');
  });

  it('changes metadata.name only, with serviceName following the renamed Service', () => {
    assert.equal(statefulSet.spec.serviceName, 'prod-base-db-eu');
    assert.equal(statefulSet.spec.template.spec.containers[0].name, 'db');
    assert.equal(statefulSet.spec.volumeClaimTemplates[0].metadata.name, 'data');
  });

  it('keeps the names the API fixes, such as a CRD', () => {
    assert.equal(definition.metadata.name, 'things.example.com');
  });

  it('leaves serviceName alone when the Service is not in the build', () => {
    const [alone] = objectsOf(buildOf({ 'kustomization.yaml': 'namePrefix: p-\nresources: [sts.yaml]\n', 'sts.yaml': files['base/objects.yaml'].split('---\n')[0] }));
    assert.equal(alone.spec.serviceName, 'db');
  });
});
