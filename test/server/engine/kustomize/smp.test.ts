import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { strategicMerge } from '../../../../server/src/engine/kustomize/smp';
import { fromYaml, toData, type TreeMap } from '../../../../server/src/engine/kustomize/tree';

const tree = (text: string, uri = 'file:///base.yaml') => fromYaml(parseDocument(text).contents, uri) as TreeMap;
const STATEFULSET = { group: 'apps', kind: 'StatefulSet' };

function merged(base: string, patch: string, schema = STATEFULSET): unknown {
  const result = strategicMerge(tree(base), tree(patch, 'file:///patch.yaml'), schema);
  return result && toData(result);
}

const POD = (containers: string) => `spec:\n  template:\n    spec:\n      containers:\n${containers}`;

describe('strategic merge patch', () => {
  it('merges maps key by key and deletes a key set to null', () => {
    assert.deepEqual(merged('a: 1\nb: {c: 2, d: 3}', 'b: {c: 5, d: null}\ne: 4'), { a: 1, b: { c: 5 }, e: 4 });
  });

  it('merges containers by name and env by name, the patch elements first', () => {
    const base = POD('      - name: app\n        image: a\n        env: [{name: X, value: "1"}]\n      - name: side\n        image: s\n');
    const patch = POD('      - name: app\n        env: [{name: Y, value: "2"}, {name: X, value: "3"}]\n');
    const containers = (merged(base, patch) as any).spec.template.spec.containers;
    assert.deepEqual(containers, [
      { name: 'app', image: 'a', env: [{ name: 'Y', value: '2' }, { name: 'X', value: '3' }] },
      { name: 'side', image: 's' },
    ]);
  });

  it('matches container ports on port and protocol, a missing protocol meaning TCP', () => {
    const base = POD('      - name: app\n        ports: [{containerPort: 53, protocol: UDP, name: u}, {containerPort: 53, name: t}]\n');
    const patch = POD('      - name: app\n        ports: [{containerPort: 53, protocol: TCP, name: tcp}]\n');
    const ports = (merged(base, patch) as any).spec.template.spec.containers[0].ports;
    assert.deepEqual(ports, [{ containerPort: 53, name: 'tcp', protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP', name: 'u' }]);
  });

  it('replaces the whole volumeClaimTemplates list, dropping the claims the patch leaves out', () => {
    const base = 'spec:\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {storageClassName: fast}\n  - metadata: {name: logs}\n';
    const patch = 'spec:\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {resources: {requests: {storage: 5Gi}}}\n';
    assert.deepEqual((merged(base, patch) as any).spec.volumeClaimTemplates, [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '5Gi' } } } }]);
  });

  it('replaces args, command, tolerations and envFrom whole', () => {
    const base = POD('      - name: app\n        args: [a, b]\n        command: [c]\n        envFrom: [{configMapRef: {name: x}}]\n');
    const patch = POD('      - name: app\n        args: [z]\n        envFrom: [{secretRef: {name: y}}]\n');
    const container = (merged(base, patch) as any).spec.template.spec.containers[0];
    assert.deepEqual(container, { name: 'app', args: ['z'], command: ['c'], envFrom: [{ secretRef: { name: 'y' } }] });
    assert.deepEqual(merged('spec:\n  template:\n    spec:\n      tolerations: [{key: a}, {key: b}]\n', 'spec:\n  template:\n    spec:\n      tolerations: [{key: c}]\n'), {
      spec: { template: { spec: { tolerations: [{ key: 'c' }] } } },
    });
  });

  it('replaces every list of a kind without a schema', () => {
    assert.deepEqual(merged('spec:\n  containers: [{name: a, x: 1}]\n', 'spec:\n  containers: [{name: a, y: 2}]\n', { group: 'example.com', kind: 'Thing' }), { spec: { containers: [{ name: 'a', y: 2 }] } });
  });

  it('deletes an element with $patch: delete and the object with a top-level one', () => {
    const base = POD('      - name: app\n      - name: side\n');
    const patch = POD('      - name: side\n        $patch: delete\n');
    assert.deepEqual((merged(base, patch) as any).spec.template.spec.containers, [{ name: 'app' }]);
    assert.equal(merged('a: 1', '$patch: delete'), undefined);
  });

  it('replaces a map with $patch: replace', () => {
    assert.deepEqual(merged('spec: {a: 1, b: 2}', 'spec: {$patch: replace, c: 3}'), { spec: { c: 3 } });
  });

  it('orders a merged list by $setElementOrder', () => {
    const base = POD('      - name: a\n      - name: b\n      - name: c\n');
    const patch = 'spec:\n  template:\n    spec:\n      $setElementOrder/containers: [{name: c}, {name: a}]\n      containers: [{name: a, image: x}]\n';
    assert.deepEqual((merged(base, patch) as any).spec.template.spec.containers.map((container: { name: string }) => container.name), ['c', 'a', 'b']);
  });

  it('keeps the patch file as the origin of the values it sets', () => {
    const result = strategicMerge(tree('spec: {replicas: 1}'), tree('spec: {replicas: 3}', 'file:///patch.yaml'), STATEFULSET)!;
    const replicas = (result.entries[0].value as TreeMap).entries[0].value;
    assert.deepEqual(replicas.origin?.span, { uri: 'file:///patch.yaml', start: 17, end: 18 });
  });
});
