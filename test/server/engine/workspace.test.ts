import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine/workspace';

const STATEFULSET = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db-headless\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db-headless\nspec:\n  clusterIP: None\n';

describe('Workspace', () => {
  it('tells which files read a Service when the Service changes, appears or goes', () => {
    const workspace = new Workspace();
    workspace.set('file:///sts.yaml', STATEFULSET);
    workspace.set('file:///unrelated.yaml', STATEFULSET.replace('db-headless', 'other'));
    assert.deepEqual(workspace.set('file:///svc.yaml', SERVICE), ['file:///sts.yaml']);
    assert.deepEqual(workspace.set('file:///svc.yaml', SERVICE.replace('None', '10.0.0.1')), ['file:///sts.yaml']);
    assert.deepEqual(workspace.set('file:///svc.yaml', SERVICE.replace('None', '10.0.0.1')), [], 'same text: nothing to do');
    assert.deepEqual(workspace.delete('file:///svc.yaml'), ['file:///sts.yaml']);
  });

  it('forgets what a file read once its StatefulSet names another Service', () => {
    const workspace = new Workspace();
    workspace.set('file:///sts.yaml', STATEFULSET);
    workspace.set('file:///sts.yaml', STATEFULSET.replace('db-headless', 'renamed'));
    assert.deepEqual(workspace.set('file:///svc.yaml', SERVICE), []);
  });

  it('indexes the objects of every document and of kind: List items', () => {
    const workspace = new Workspace();
    const list = `apiVersion: v1\nkind: List\nitems:\n  - ${SERVICE.trim().split('\n').join('\n    ')}\n`;
    workspace.set('file:///list.yaml', `${list}---\n${SERVICE.replace('db-headless', 'second')}`);
    assert.equal(workspace.named('Service', 'db-headless').length, 1);
    assert.equal(workspace.named('Service', 'second').length, 1);
  });
});
