import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionsAt, referencesAt } from '../../../../server/src/engine/navigation/navigate';
import { workspaceOf } from '../../../helpers/rule-tester';
import { cursor, ordersWorkspace, shown } from './navigation-helper';

const STATEFULSET = 'orders/statefulset-orders-db.yaml';
const workspace = ordersWorkspace();

/** The name under the cursor, then each place it goes to. */
function definitions(file: string, needle: string, occurrence = 0, shift = 0): string[] {
  const at = cursor(workspace, file, needle, occurrence, shift);
  const found = definitionsAt(workspace, at.file, at.position);
  assert.ok(found, `a definition at '${needle}' in ${file}`);
  return [...shown(workspace, [found.origin]), ...shown(workspace, found.targets)];
}

function references(file: string, needle: string, occurrence = 0, shift = 0, includeDeclaration = true): string[] {
  const at = cursor(workspace, file, needle, occurrence, shift);
  return shown(workspace, referencesAt(workspace, at.file, at.position, includeDeclaration) ?? []);
}

describe('go to definition', () => {
  it('goes from serviceName to the Service the service-* rules settle on, then the farther one, then other namespaces', () => {
    assert.deepEqual(definitions(STATEFULSET, 'serviceName: orders-db', 0, 14), [
      'orders/statefulset-orders-db.yaml:6 orders-db',
      'orders/service-orders-db.yaml:4 orders-db',
      'other-project/service-orders-db-farther.yaml:4 orders-db',
      'staging/same-names-in-staging.yaml:4 orders-db',
    ]);
  });

  it('goes from secretKeyRef, secretRef and a projected secret to the Secret of the namespace first', () => {
    for (const occurrence of [0, 1, 2]) {
      assert.deepEqual(definitions(STATEFULSET, 'name: orders-db-credentials', occurrence, 8).slice(1), [
        'orders/secrets-and-config-maps.yaml:4 orders-db-credentials',
        'staging/same-names-in-staging.yaml:14 orders-db-credentials',
      ]);
    }
  });

  it('goes from secretKeyRef.key and a projected item key to the key in stringData', () => {
    assert.deepEqual(definitions(STATEFULSET, 'key: password', 0, 6), [
      'orders/statefulset-orders-db.yaml:25 password',
      'orders/secrets-and-config-maps.yaml:6 password',
      'staging/same-names-in-staging.yaml:17 password',
    ]);
    assert.deepEqual(definitions(STATEFULSET, 'key: password', 1, 6)[1], 'orders/secrets-and-config-maps.yaml:6 password');
  });

  it('goes from a secret volume to its Secret', () => {
    assert.deepEqual(definitions(STATEFULSET, 'secretName', 0, 13), ['orders/statefulset-orders-db.yaml:50 orders-db-tls', 'orders/secrets-and-config-maps.yaml:11 orders-db-tls']);
  });

  it('goes from configMapKeyRef, configMapRef and a projected configMap to the ConfigMap, and from the key to its data entry', () => {
    for (const occurrence of [0, 1, 2]) {
      assert.deepEqual(definitions(STATEFULSET, 'name: orders-db-config', occurrence, 8).slice(1), ['orders/secrets-and-config-maps.yaml:18 orders-db-config']);
    }
    assert.deepEqual(definitions(STATEFULSET, 'key: database', 0, 6), ['orders/statefulset-orders-db.yaml:30 database', 'orders/secrets-and-config-maps.yaml:20 database']);
    assert.deepEqual(definitions(STATEFULSET, 'name: orders-db-init', 0, 8), ['orders/statefulset-orders-db.yaml:53 orders-db-init', 'orders/secrets-and-config-maps.yaml:25 orders-db-init']);
  });

  it('goes from a volume mount to the claim template or the pod volume of that name', () => {
    assert.deepEqual(definitions(STATEFULSET, 'name: data', 0, 7), ['orders/statefulset-orders-db.yaml:37 data', 'orders/statefulset-orders-db.yaml:69 data']);
    assert.deepEqual(definitions(STATEFULSET, 'name: tls', 0, 7), ['orders/statefulset-orders-db.yaml:39 tls', 'orders/statefulset-orders-db.yaml:48 tls']);
  });

  it('goes from claimName to the PVC, from storageClassName to the StorageClass of any namespace, and from serviceAccountName to the ServiceAccount', () => {
    assert.deepEqual(definitions(STATEFULSET, 'claimName', 0, 12).slice(1), ['orders/claim-and-service-account.yaml:4 orders-backups']);
    assert.deepEqual(definitions(STATEFULSET, 'storageClassName', 0, 19).slice(1), ['cluster/storage-class-fast-ssd.yaml:4 fast-ssd']);
    assert.deepEqual(definitions('orders/claim-and-service-account.yaml', 'storageClassName', 0, 19).slice(1), ['cluster/storage-class-fast-ssd.yaml:4 fast-ssd']);
    assert.deepEqual(definitions(STATEFULSET, 'serviceAccountName', 0, 21).slice(1), ['orders/claim-and-service-account.yaml:15 orders-db']);
  });

  it("goes from a budget's or a Service's selector, or a label in it, to the StatefulSets of its namespace whose pods it selects", () => {
    const budget = 'orders/budget-and-autoscaler.yaml';
    assert.deepEqual(definitions(budget, 'selector', 0, 2), ['orders/budget-and-autoscaler.yaml:7 selector', 'orders/statefulset-orders-db.yaml:4 orders-db']);
    assert.deepEqual(definitions(budget, 'app: orders-db', 0, 6), ['orders/budget-and-autoscaler.yaml:9 orders-db', 'orders/statefulset-orders-db.yaml:4 orders-db']);
    assert.deepEqual(definitions('orders/service-orders-db.yaml', 'selector', 0, 2).slice(1), ['orders/statefulset-orders-db.yaml:4 orders-db']);
    assert.deepEqual(definitions('staging/same-names-in-staging.yaml', 'selector', 0, 2).slice(1), ['staging/same-names-in-staging.yaml:22 orders-db']);
  });

  it("goes from an autoscaler's scaleTargetRef to its StatefulSet, the namespace's first", () => {
    assert.deepEqual(definitions('orders/budget-and-autoscaler.yaml', 'name: orders-db', 2, 7), [
      'orders/budget-and-autoscaler.yaml:19 orders-db',
      'orders/statefulset-orders-db.yaml:4 orders-db',
      'staging/same-names-in-staging.yaml:22 orders-db',
    ]);
  });

  it('orders objects of the same namespace by folder, nearest first, as the checks pick them', () => {
    const files = ['navigation/nearest/app/statefulset.yaml', 'navigation/nearest/far/secret.yaml', 'navigation/nearest/app/secret.yaml'];
    const nearest = workspaceOf(files);
    const at = cursor(nearest, 'nearest/app/statefulset.yaml', 'name: db', 0, 7);
    assert.deepEqual(shown(nearest, definitionsAt(nearest, at.file, at.position)!.targets), ['nearest/app/secret.yaml:4 db', 'nearest/far/secret.yaml:4 db']);
  });

  it('has nothing to go to from a field that names nothing, or a label value', () => {
    const at = cursor(workspace, STATEFULSET, 'image', 0, 8);
    assert.equal(definitionsAt(workspace, at.file, at.position), undefined);
    const label = cursor(workspace, 'orders/service-orders-db.yaml', 'app: orders-db', 0, 6);
    assert.equal(definitionsAt(workspace, label.file, label.position), undefined);
  });
});

describe('find references', () => {
  it('lists the StatefulSet governed by a Service and the one it selects, and not the other namespace’s', () => {
    assert.deepEqual(references('orders/service-orders-db.yaml', 'name: orders-db', 0, 7), [
      'orders/service-orders-db.yaml:4 orders-db',
      'orders/statefulset-orders-db.yaml:6 orders-db',
      'orders/statefulset-orders-db.yaml:4 orders-db',
    ]);
    assert.deepEqual(references('staging/same-names-in-staging.yaml', 'name: orders-db', 0, 7, false), [
      'staging/same-names-in-staging.yaml:25 orders-db',
      'staging/same-names-in-staging.yaml:22 orders-db',
    ]);
  });

  it('lists every env var, envFrom and volume reading a Secret, from its name or from any reference to it', () => {
    const readers = [
      'orders/statefulset-orders-db.yaml:24 orders-db-credentials',
      'orders/statefulset-orders-db.yaml:33 orders-db-credentials',
      'orders/statefulset-orders-db.yaml:58 orders-db-credentials',
    ];
    assert.deepEqual(references('orders/secrets-and-config-maps.yaml', 'name: orders-db-credentials', 0, 7), ['orders/secrets-and-config-maps.yaml:4 orders-db-credentials', ...readers]);
    assert.deepEqual(references(STATEFULSET, 'name: orders-db-credentials', 1, 8, false), readers);
    assert.deepEqual(references('staging/same-names-in-staging.yaml', 'name: orders-db-credentials', 0, 7, false), ['staging/same-names-in-staging.yaml:42 orders-db-credentials']);
    assert.deepEqual(references('orders/secrets-and-config-maps.yaml', 'name: orders-db-tls', 0, 7, false), ['orders/statefulset-orders-db.yaml:50 orders-db-tls']);
  });

  it('lists the readers of a key of a Secret or ConfigMap', () => {
    assert.deepEqual(references('orders/secrets-and-config-maps.yaml', 'password', 0, 0, false), ['orders/statefulset-orders-db.yaml:25 password', 'orders/statefulset-orders-db.yaml:60 password']);
    assert.deepEqual(references('orders/secrets-and-config-maps.yaml', 'database', 0, 0, false), ['orders/statefulset-orders-db.yaml:30 database']);
  });

  it('lists every reader of a ConfigMap', () => {
    assert.deepEqual(references('orders/secrets-and-config-maps.yaml', 'name: orders-db-config', 0, 7, false), [
      'orders/statefulset-orders-db.yaml:29 orders-db-config',
      'orders/statefulset-orders-db.yaml:35 orders-db-config',
      'orders/statefulset-orders-db.yaml:63 orders-db-config',
    ]);
    assert.deepEqual(references('orders/secrets-and-config-maps.yaml', 'name: orders-db-init', 0, 7, false), ['orders/statefulset-orders-db.yaml:53 orders-db-init']);
  });

  it('lists the mounts of a claim template and of a pod volume', () => {
    assert.deepEqual(references(STATEFULSET, 'name: data', 1, 7, false), ['orders/statefulset-orders-db.yaml:37 data']);
    assert.deepEqual(references(STATEFULSET, 'name: tls', 1, 7, false), ['orders/statefulset-orders-db.yaml:39 tls']);
  });

  it('lists the readers of a PVC, a StorageClass and a ServiceAccount', () => {
    assert.deepEqual(references('orders/claim-and-service-account.yaml', 'name: orders-backups', 0, 7, false), ['orders/statefulset-orders-db.yaml:66 orders-backups']);
    assert.deepEqual(references('cluster/storage-class-fast-ssd.yaml', 'name: fast-ssd', 0, 7, false), [
      'orders/statefulset-orders-db.yaml:72 fast-ssd',
      'orders/claim-and-service-account.yaml:7 fast-ssd',
    ]);
    assert.deepEqual(references('orders/claim-and-service-account.yaml', 'name: orders-db', 0, 7, false), ['orders/statefulset-orders-db.yaml:16 orders-db']);
  });

  it("lists a StatefulSet's autoscaler, then the Services and budgets selecting its pods", () => {
    assert.deepEqual(references(STATEFULSET, 'name: orders-db', 0, 7, false), [
      'orders/budget-and-autoscaler.yaml:19 orders-db',
      'orders/service-orders-db.yaml:9 selector',
      'orders/budget-and-autoscaler.yaml:7 selector',
      'other-project/service-orders-db-farther.yaml:7 selector',
    ]);
    assert.deepEqual(references('orders/budget-and-autoscaler.yaml', 'name: orders-db', 0, 7, false), ['orders/statefulset-orders-db.yaml:4 orders-db']);
  });
});
