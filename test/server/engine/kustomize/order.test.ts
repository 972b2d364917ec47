import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOf, objectsOf } from './build-fixture';

const OBJECTS = [
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: db}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
  'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: hook}\n',
  'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n',
].join('---\n');

const order = (sortOptions: string, defaultOrder: 'none' | 'legacy') =>
  objectsOf(buildOf({ 'kustomization.yaml': `resources: [objects.yaml]\n${sortOptions}`, 'objects.yaml': OBJECTS }, '.', { order: defaultOrder })).map((object) => `${object.kind}/${object.metadata.name}`);

describe('the order of built objects', () => {
  it('keeps the build order by default', () => {
    assert.deepEqual(order('', 'none'), ['StatefulSet/db', 'Service/db', 'ConfigMap/b', 'ConfigMap/a', 'ValidatingWebhookConfiguration/hook', 'Widget/w']);
  });

  it('sorts as the kustomize command does in legacy order: listed kinds first, then others, webhooks last', () => {
    assert.deepEqual(order('', 'legacy'), ['ConfigMap/a', 'ConfigMap/b', 'Service/db', 'StatefulSet/db', 'Widget/w', 'ValidatingWebhookConfiguration/hook']);
  });

  // Kinds outside the lists sort by group, version and kind, the core group (`~G`) after named ones.
  it("follows the kustomization's sortOptions over the default", () => {
    assert.deepEqual(order('sortOptions: {order: fifo}\n', 'legacy'), order('', 'none'));
    assert.deepEqual(order('sortOptions:\n  order: legacy\n  legacySortOptions: {orderFirst: [Widget], orderLast: [ConfigMap]}\n', 'none'), [
      'Widget/w',
      'ValidatingWebhookConfiguration/hook',
      'StatefulSet/db',
      'Service/db',
      'ConfigMap/a',
      'ConfigMap/b',
    ]);
  });
});
