import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { claimRefusals, serviceRefusals, statefulSetRefusals } from '../../../../server/src/engine/kubernetes/immutable-fields';
import { semanticChanges } from '../../../../server/src/engine/kubernetes/semantic-diff';

const yaml = (text: string) => parse(text) as Record<string, unknown>;
const paths = (changes: { path: (string | number)[] }[]) => changes.map((change) => change.path.join('.'));

describe('semantic comparison', () => {
  it('compares quantities by value only where the field holds a quantity', () => {
    assert.deepEqual(semanticChanges({ requests: { storage: '1Gi' } }, { requests: { storage: '1024Mi' } }), []);
    assert.deepEqual(paths(semanticChanges({ labels: { size: '1Gi' } }, { labels: { size: '1024Mi' } })), ['labels.size']);
  });

  it('takes an empty list or map, or null, for a missing one, and ignores key order', () => {
    assert.deepEqual(semanticChanges({ a: [], b: {}, c: null }, {}), []);
    assert.deepEqual(semanticChanges({ x: 1, y: { p: 1, q: 2 } }, { y: { q: 2, p: 1 }, x: 1 }), []);
  });

  it('reports each changed leaf once, and a list item added as one change', () => {
    const changes = semanticChanges({ list: [{ name: 'a', size: 1 }] }, { list: [{ name: 'a', size: 2 }, { name: 'b' }] });
    assert.deepEqual(changes, [
      { path: ['list', 0, 'size'], before: 1, after: 2 },
      { path: ['list', 1], before: undefined, after: { name: 'b' } },
    ]);
  });
});

describe('StatefulSet refusals', () => {
  const base = yaml('spec:\n  serviceName: db\n  revisionHistoryLimit: 5\n  replicas: 1\n');
  it('follows the Kubernetes version: revisionHistoryLimit is mutable from 1.33', () => {
    const next = yaml('spec:\n  serviceName: db\n  revisionHistoryLimit: 3\n  replicas: 2\n');
    assert.deepEqual(paths(statefulSetRefusals(base, next, { major: 1, minor: 32 })), ['spec.revisionHistoryLimit']);
    assert.deepEqual(statefulSetRefusals(base, next, { major: 1, minor: 33 }), []);
  });

  it('fills in server defaults on both sides, so a removed default is no change but a removed Parallel is', () => {
    const orderedReady = yaml('spec:\n  serviceName: db\n  podManagementPolicy: OrderedReady\n');
    const parallel = yaml('spec:\n  serviceName: db\n  podManagementPolicy: Parallel\n');
    const neither = yaml('spec:\n  serviceName: db\n');
    const version = { major: 1, minor: 34 };
    assert.deepEqual(statefulSetRefusals(orderedReady, neither, version), []);
    assert.deepEqual(statefulSetRefusals(parallel, neither, version).map(({ before, after }) => [before, after]), [['Parallel', 'OrderedReady']]);
  });
});

describe('Service refusals', () => {
  it('lets the manifest leave the cluster IP out, but not set one the server did not have', () => {
    const headless = yaml('spec:\n  clusterIP: None\n');
    const unset = yaml('spec: {}\n');
    assert.deepEqual(serviceRefusals(headless, unset), []);
    assert.deepEqual(serviceRefusals(headless, headless), []);
    assert.deepEqual(paths(serviceRefusals(unset, yaml('spec:\n  clusterIPs: [None]\n'))), ['spec.clusterIPs.0']);
    assert.deepEqual(serviceRefusals(unset, yaml('spec:\n  type: ExternalName\n  clusterIP: None\n')), []);
  });
});

describe('PersistentVolumeClaim refusals', () => {
  it('allows a larger request and a new volumeAttributesClassName, not a smaller request or new limits', () => {
    const base = yaml('spec:\n  resources:\n    requests:\n      storage: 10Gi\n');
    assert.deepEqual(claimRefusals(base, yaml('spec:\n  volumeAttributesClassName: gold\n  resources:\n    requests:\n      storage: 20Gi\n')), []);
    assert.deepEqual(
      paths(claimRefusals(base, yaml('spec:\n  resources:\n    limits:\n      storage: 20Gi\n    requests:\n      storage: 9Gi\n'))),
      ['spec.resources', 'spec.resources.requests.storage'],
    );
  });
});
