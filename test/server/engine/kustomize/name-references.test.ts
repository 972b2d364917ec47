import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOf, objectsOf } from './build-fixture';

const STATEFULSET = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata: {name: db}',
  'spec:',
  '  serviceName: db',
  '  template:',
  '    spec:',
  '      serviceAccountName: db',
  '      priorityClassName: critical',
  '      imagePullSecrets: [{name: registry}]',
  '      containers:',
  '        - name: db',
  '          env: [{name: A, valueFrom: {configMapKeyRef: {name: settings, key: a}}}]',
  '          envFrom: [{secretRef: {name: registry}}]',
  '      volumes:',
  '        - {name: shared, persistentVolumeClaim: {claimName: shared}}',
  '        - {name: projected, projected: {sources: [{configMap: {name: settings}}, {secret: {name: registry}}]}}',
  '        - {name: missing, configMap: {name: not-in-build}}',
  '  volumeClaimTemplates:',
  '    - metadata: {name: data}',
  '      spec: {storageClassName: fast}',
  '',
].join('\n');

const OTHERS = [
  'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: db}\n',
  'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: critical}\nvalue: 1000\n',
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: shared}\n',
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: x\n',
  'apiVersion: v1\nkind: Secret\nmetadata: {name: registry}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n',
].join('---\n');

describe('name references', () => {
  const [statefulSet] = objectsOf(buildOf({ 'kustomization.yaml': 'namePrefix: p-\nresources: [sts.yaml, others.yaml]\n', 'sts.yaml': STATEFULSET, 'others.yaml': OTHERS }));
  const pod = statefulSet.spec.template.spec;

  it('follow every renamed object a StatefulSet refers to', () => {
    assert.equal(pod.serviceAccountName, 'p-db');
    assert.equal(pod.priorityClassName, 'p-critical');
    assert.deepEqual(pod.imagePullSecrets, [{ name: 'p-registry' }]);
    assert.equal(pod.containers[0].env[0].valueFrom.configMapKeyRef.name, 'p-settings');
    assert.equal(pod.containers[0].envFrom[0].secretRef.name, 'p-registry');
    assert.equal(pod.volumes[0].persistentVolumeClaim.claimName, 'p-shared');
    assert.deepEqual(pod.volumes[1].projected.sources, [{ configMap: { name: 'p-settings' } }, { secret: { name: 'p-registry' } }]);
    assert.equal(statefulSet.spec.volumeClaimTemplates[0].spec.storageClassName, 'p-fast');
  });

  it('leave a name alone when no object of the build had it', () => {
    assert.equal(pod.volumes[2].configMap.name, 'not-in-build');
    assert.equal(statefulSet.spec.serviceName, 'db');
  });

  it('follow an object into its own namespace only', () => {
    const [moved] = objectsOf(
      buildOf({
        'kustomization.yaml': 'resources: [app, other]\n',
        'app/kustomization.yaml': 'namespace: a\nresources: [sts.yaml]\n',
        'app/sts.yaml': STATEFULSET,
        'other/kustomization.yaml': 'namespace: b\nnamePrefix: b-\nresources: [others.yaml]\n',
        'other/others.yaml': OTHERS,
      }),
    );
    assert.equal(moved.spec.template.spec.serviceAccountName, 'db');
  });
});
