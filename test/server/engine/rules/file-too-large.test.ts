import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';

const STATEFULSET_WITHOUT_SERVICE =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: big\nspec:\n  selector:\n    matchLabels:\n      app: big\n  template:\n    metadata:\n      labels:\n        app: big\n    spec:\n      containers:\n        - name: app\n          image: example/big:1.0\n';

describe('file-too-large', () => {
  it('reports a file over 2 MB once and checks nothing in it', () => {
    const workspace = new Workspace();
    const padding = `# ${'x'.repeat(98)}\n`.repeat(22_000);
    workspace.set('file:///big.yaml', STATEFULSET_WITHOUT_SERVICE + padding);
    const findings = analyze(workspace, 'file:///big.yaml');
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity, finding.message]),
      [['file-too-large', 'info', 'This file is 2.1 MB, over the 2 MB limit, so Kube Stateful does not check it.']],
    );
  });

  it('reports a file known to be too large without its text', () => {
    const workspace = new Workspace();
    workspace.setOversized('file:///huge.yaml', 50 * 1024 * 1024);
    assert.deepEqual(
      analyze(workspace, 'file:///huge.yaml').map((finding) => finding.message),
      ['This file is 50.0 MB, over the 2 MB limit, so Kube Stateful does not check it.'],
    );
  });

  it('checks a file just under the limit', () => {
    const workspace = new Workspace();
    workspace.set('file:///almost.yaml', STATEFULSET_WITHOUT_SERVICE + `# ${'x'.repeat(98)}\n`.repeat(20_000));
    assert.deepEqual(
      analyze(workspace, 'file:///almost.yaml').map((finding) => finding.ruleId),
      ['service-name-missing'],
    );
  });
});
