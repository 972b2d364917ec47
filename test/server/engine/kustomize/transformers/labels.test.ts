import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOf, objectsOf } from '../build-fixture';

const STATEFULSET = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  template:\n    metadata: {}\n  volumeClaimTemplates: [{metadata: {name: data}}]\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\n';

function built(fields: string) {
  return objectsOf(buildOf({ 'kustomization.yaml': `resources: [sts.yaml, svc.yaml]\n${fields}`, 'sts.yaml': STATEFULSET, 'svc.yaml': SERVICE }));
}

describe('commonLabels, labels and commonAnnotations', () => {
  it('commonLabels label objects, selectors, pod templates and claim templates, creating a Service selector', () => {
    const [statefulSet, service] = built('commonLabels: {app: db, tier: "1"}\n');
    const labels = { app: 'db', tier: '1' };
    assert.deepEqual(statefulSet.metadata.labels, labels);
    assert.deepEqual(statefulSet.spec.selector.matchLabels, labels);
    assert.deepEqual(statefulSet.spec.template.metadata.labels, labels);
    assert.deepEqual(statefulSet.spec.volumeClaimTemplates[0].metadata.labels, labels);
    assert.deepEqual(service.spec.selector, labels);
  });

  it('labels without flags set metadata.labels only', () => {
    const [statefulSet, service] = built('labels:\n- pairs: {team: data}\n');
    assert.deepEqual(statefulSet.metadata.labels, { team: 'data' });
    assert.equal(statefulSet.spec.selector, undefined);
    assert.equal(statefulSet.spec.template.metadata.labels, undefined);
    assert.equal(service.spec, undefined);
  });

  it('labels with includeTemplates reach the pod template but not the selector or claim templates', () => {
    const [statefulSet] = built('labels:\n- pairs: {team: data}\n  includeTemplates: true\n');
    assert.deepEqual(statefulSet.spec.template.metadata.labels, { team: 'data' });
    assert.equal(statefulSet.spec.selector, undefined);
    assert.equal(statefulSet.spec.volumeClaimTemplates[0].metadata.labels, undefined);
  });

  it('labels with includeSelectors act as commonLabels', () => {
    const [statefulSet] = built('labels:\n- pairs: {team: data}\n  includeSelectors: true\n');
    assert.deepEqual(statefulSet.spec.selector.matchLabels, { team: 'data' });
  });

  it('commonAnnotations annotate objects and pod templates, not claim templates', () => {
    const [statefulSet] = built('commonAnnotations: {owner: me}\n');
    assert.deepEqual(statefulSet.metadata.annotations, { owner: 'me' });
    assert.deepEqual(statefulSet.spec.template.metadata.annotations, { owner: 'me' });
    assert.equal(statefulSet.spec.volumeClaimTemplates[0].metadata.annotations, undefined);
  });
});
