import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';

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

  it('tells a budget or an autoscaler only to the StatefulSets it may select or scale', () => {
    const workspace = new Workspace();
    const labelled = (name: string) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  template:\n    metadata:\n      labels:\n        app: ${name}\n`;
    workspace.set('file:///a.yaml', labelled('a'));
    workspace.set('file:///b.yaml', labelled('b'));
    const budget = (selector: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: pdb\nspec:\n  selector:\n${selector}`;
    assert.deepEqual(workspace.set('file:///pdb.yaml', budget('    matchLabels:\n      app: a\n')), ['file:///a.yaml']);
    assert.deepEqual(workspace.set('file:///pdb.yaml', budget('    matchExpressions:\n      - {key: app, operator: In, values: [b]}\n')), ['file:///a.yaml', 'file:///b.yaml'], 'the old selector and the new');
    assert.deepEqual(workspace.set('file:///pdb.yaml', budget('    matchExpressions:\n      - {key: app, operator: NotIn, values: [b]}\n')).sort(), ['file:///a.yaml', 'file:///b.yaml']);
    const autoscaler = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: hpa\nspec:\n  scaleTargetRef:\n    kind: StatefulSet\n    name: b\n';
    assert.deepEqual(workspace.set('file:///hpa.yaml', autoscaler), ['file:///b.yaml']);
  });
});
