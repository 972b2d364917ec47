import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOf, objectsOf } from '../build-fixture';

describe('replicas transformer', () => {
  const files = {
    'base/kustomization.yaml': 'namePrefix: base-\nresources: [sts.yaml]\n',
    'base/sts.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {replicas: 1}\n',
  };

  it('sets spec.replicas of the workload with that name, original or current', () => {
    for (const name of ['db', 'base-db']) {
      const build = buildOf({ ...files, 'overlay/kustomization.yaml': `resources: [../base]\nreplicas:\n- {name: ${name}, count: 3}\n` }, 'overlay');
      assert.equal(objectsOf(build)[0].spec.replicas, 3);
      assert.deepEqual(build.problems, []);
    }
  });

  it('reports an entry that names no workload, as kustomize fails on it', () => {
    const build = buildOf({ ...files, 'overlay/kustomization.yaml': 'resources: [../base]\nreplicas:\n- {name: web, count: 3}\n' }, 'overlay');
    assert.deepEqual(build.problems.map((problem) => [problem.severity, problem.uri.endsWith('overlay/kustomization.yaml')]), [['error', true]]);
    assert.equal(objectsOf(build)[0].spec.replicas, 1);
  });
});
