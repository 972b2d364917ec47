import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lensSpotsOf, resolveLens } from '../../../../server/src/engine/navigation/code-lens';
import type { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { workspaceOf } from '../../../helpers/rule-tester';
import { cursor, ordersWorkspace, shown } from './navigation-helper';

/** Each lens of a file's StatefulSets: its title, and what clicking it shows or fixes. */
function lenses(workspace: Workspace, file: string): string[] {
  const source = cursor(workspace, file, 'kind').file;
  return lensSpotsOf(source, workspace).map((spot) => {
    const lens = resolveLens(workspace, source, spot)!;
    const action = lens.action && `${lens.action.kind} ${shown(workspace, [{ uri: lens.action.uri, range: lens.action.range, nameRange: undefined, extent: lens.action.range }])[0]}`;
    return action ? `${lens.title} → ${action}` : lens.title;
  });
}

describe('code lens', () => {
  it('tells the governing Service, the pods, the claim and the budget of a StatefulSet', () => {
    assert.deepEqual(lenses(ordersWorkspace(), 'orders/statefulset-orders-db.yaml'), [
      'governed by Service orders-db → reveal orders/service-orders-db.yaml:4 orders-db',
      '3 pods: orders-db-0 … orders-db-2',
      'data 50Gi → reveal orders/statefulset-orders-db.yaml:69 data',
      'PDB: maxUnavailable 1 → reveal orders/budget-and-autoscaler.yaml:4 orders-db',
    ]);
  });

  it('offers the quick fix when no headless Service governs the set, and says when no budget covers it', () => {
    const workspace = workspaceOf(['navigation/suppressions/disabled-rules.yaml']);
    assert.deepEqual(lenses(workspace, 'suppressions/disabled-rules.yaml'), ['no headless Service → quick-fix suppressions/disabled-rules.yaml:8 web', '1 pod: web-0', 'PDB: none']);
  });

  it('follows the namespace: the staging set is governed by the staging Service and has no budget', () => {
    const staging = lenses(ordersWorkspace(), 'staging/same-names-in-staging.yaml');
    assert.deepEqual(staging, ['governed by Service orders-db → reveal staging/same-names-in-staging.yaml:4 orders-db', '1 pod: orders-db-0', 'PDB: none']);
  });

  it('counts the claims per pod when there are several', () => {
    const workspace = workspaceOf(['navigation/two-claim-templates.yaml']);
    assert.deepEqual(lenses(workspace, 'two-claim-templates.yaml').slice(1, 3), ['2 pods: kafka-0, kafka-1', '2 claims per pod → reveal two-claim-templates.yaml:15 data']);
  });

  it('tells of the StatefulSet a kustomize build makes of a patch or a base, with places in the files that wrote them', () => {
    const folder = 'navigation/prefixed-overlay';
    const workspace = workspaceOf(['base/kustomization.yaml', 'base/statefulset.yaml', 'base/service.yaml', 'base/budget.yaml', 'overlays/eu/kustomization.yaml', 'overlays/eu/replicas-patch.yaml'].map((file) => `${folder}/${file}`), {}, true);
    assert.deepEqual(lenses(workspace, 'prefixed-overlay/overlays/eu/replicas-patch.yaml'), [
      'governed by Service eu-db → reveal prefixed-overlay/base/service.yaml:4 db',
      '5 pods: eu-db-0 … eu-db-4',
      'data 20Gi → reveal prefixed-overlay/base/statefulset.yaml:21 data',
      'PDB: maxUnavailable 1 → reveal prefixed-overlay/base/budget.yaml:4 db',
    ]);
    assert.deepEqual(lenses(workspace, 'prefixed-overlay/base/statefulset.yaml').slice(0, 2), ['governed by Service db → reveal prefixed-overlay/base/service.yaml:4 db', '3 pods: db-0 … db-2']);
  });
});
