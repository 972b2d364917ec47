import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newResource } from '../../../../server/src/engine/kustomize/resource';
import { parseSelector, selects, TargetError } from '../../../../server/src/engine/kustomize/selector';
import { fromData, type TreeMap } from '../../../../server/src/engine/kustomize/tree';

const resource = (data: unknown) => newResource(fromData(data) as TreeMap);
const DB = resource({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'orders-db', labels: { app: 'db', tier: 'data' }, annotations: { backup: 'daily' } } });

describe('patch targets', () => {
  it('match each field as a whole regular expression', () => {
    assert.ok(selects({ kind: 'StatefulSet|Deployment', name: 'orders-.*', group: 'apps', version: 'v1' }, DB));
    assert.ok(!selects({ name: 'orders' }, DB), 'anchored at both ends');
    assert.ok(!selects({ group: '' , kind: 'Deployment' }, DB));
  });

  it('match the namespace, a missing one being default', () => {
    assert.ok(selects({ namespace: 'default' }, DB));
    assert.ok(!selects({ namespace: 'prod' }, DB));
  });

  it('match label and annotation selectors', () => {
    assert.ok(selects({ labelSelector: 'app=db,tier in (data, cache),!legacy' }, DB));
    assert.ok(!selects({ labelSelector: 'app!=db' }, DB));
    assert.ok(selects({ annotationSelector: 'backup' }, DB));
  });

  it('read selector strings into requirements', () => {
    assert.deepEqual(parseSelector('a==1, b notin (x,y), c, !d'), [
      { key: 'a', operator: 'In', values: ['1'] },
      { key: 'b', operator: 'NotIn', values: ['x', 'y'] },
      { key: 'c', operator: 'Exists' },
      { key: 'd', operator: 'DoesNotExist' },
    ]);
    assert.throws(() => parseSelector('a = = b'), TargetError);
  });

  it('reject a pattern RE2 cannot run instead of hanging on it', () => {
    assert.throws(() => selects({ name: '(a)\\1' }, DB), TargetError);
  });
});
