import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareRenameAt, renameAt, type RenameAnswer } from '../../../../server/src/engine/navigation/rename';
import type { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { applyTextEdits } from '../../../helpers/apply-edits';
import { workspaceOf } from '../../../helpers/rule-tester';
import { cursor, ordersWorkspace } from './navigation-helper';

const STATEFULSET = 'orders/statefulset-orders-db.yaml';

function rename(workspace: Workspace, file: string, needle: string, newName: string, occurrence = 0, shift = 0): RenameAnswer {
  const at = cursor(workspace, file, needle, occurrence, shift);
  const answer = renameAt(workspace, at.file, at.position, newName);
  assert.ok(answer, `a rename at '${needle}'`);
  return answer;
}

/** Each changed line after the edits, as `file:line text`. */
function changedLines(workspace: Workspace, answer: RenameAnswer): string[] {
  assert.ok('edits' in answer, `refused: ${'refused' in answer ? answer.refused : ''}`);
  const uris = [...new Set(answer.edits.map((edit) => edit.uri))];
  return uris.flatMap((uri) => {
    const before = workspace.get(uri)!.text.split('\n');
    const after = applyTextEdits(workspace.get(uri)!.text, answer.edits.filter((edit) => edit.uri === uri)).split('\n');
    const file = uri.slice(uri.indexOf('navigation/') + 'navigation/'.length);
    return after.flatMap((line, index) => (line === before[index] ? [] : [`${file}:${index + 1} ${line.trim()}`]));
  });
}

describe('rename', () => {
  it("renames a Service and the serviceName governed by it, not labels, another namespace's or the ServiceAccount of that name", () => {
    const workspace = ordersWorkspace();
    const answer = rename(workspace, 'orders/service-orders-db.yaml', 'name: orders-db', 'orders-primary', 0, 7);
    assert.deepEqual(changedLines(workspace, answer), ['orders/service-orders-db.yaml:4 name: orders-primary', 'orders/statefulset-orders-db.yaml:6 serviceName: orders-primary']);
    assert.ok('warnings' in answer);
    assert.match(answer.warnings[0], /serviceName cannot change on a live cluster: the API server refuses this change to StatefulSet 'orders-db'/);
    assert.match(answer.warnings[0], /creates a new Service 'orders-primary' and leaves 'orders-db' in place/);
  });

  it('renames a Secret from any reference to it, with every reader in its namespace only', () => {
    const workspace = ordersWorkspace();
    assert.deepEqual(changedLines(workspace, rename(workspace, STATEFULSET, 'name: orders-db-credentials', 'orders-db-auth', 1, 8)), [
      'orders/secrets-and-config-maps.yaml:4 name: orders-db-auth',
      'orders/statefulset-orders-db.yaml:24 name: orders-db-auth',
      'orders/statefulset-orders-db.yaml:33 name: orders-db-auth',
      'orders/statefulset-orders-db.yaml:58 name: orders-db-auth',
    ]);
  });

  it('renames a key of a Secret and the references that read it', () => {
    const workspace = ordersWorkspace();
    assert.deepEqual(changedLines(workspace, rename(workspace, 'orders/secrets-and-config-maps.yaml', 'password', 'postgres-password')), [
      'orders/secrets-and-config-maps.yaml:6 postgres-password: not-a-real-one',
      'orders/statefulset-orders-db.yaml:25 key: postgres-password',
      'orders/statefulset-orders-db.yaml:60 - key: postgres-password',
    ]);
  });

  it('renames a ConfigMap, a PVC, a pod volume and a claim template with their references', () => {
    const workspace = ordersWorkspace();
    assert.deepEqual(changedLines(workspace, rename(workspace, 'orders/secrets-and-config-maps.yaml', 'name: orders-db-config', 'orders-settings', 0, 7)).length, 4);
    assert.deepEqual(changedLines(workspace, rename(workspace, STATEFULSET, 'claimName', 'backups', 0, 12)), [
      'orders/claim-and-service-account.yaml:4 name: backups',
      'orders/statefulset-orders-db.yaml:66 claimName: backups',
    ]);
    assert.deepEqual(changedLines(workspace, rename(workspace, STATEFULSET, 'name: tls', 'certs', 0, 7)), ['orders/statefulset-orders-db.yaml:39 - name: certs', 'orders/statefulset-orders-db.yaml:48 - name: certs']);
    const claim = rename(workspace, STATEFULSET, 'name: data', 'pgdata', 1, 7);
    assert.deepEqual(changedLines(workspace, claim), ['orders/statefulset-orders-db.yaml:37 - name: pgdata', 'orders/statefulset-orders-db.yaml:69 name: pgdata']);
    assert.ok('warnings' in claim);
    assert.match(claim.warnings[0], /volumeClaimTemplates cannot change on a live cluster.*new, empty PVCs named pgdata-orders-db-<ordinal>; the PVCs of 'data' and their data stay behind/);
  });

  it('keeps the quotes around a quoted name', () => {
    const workspace = workspaceOf(['navigation/quoted-names.yaml']);
    assert.deepEqual(changedLines(workspace, rename(workspace, 'quoted-names.yaml', '"db"', 'database', 0, 1)), ['quoted-names.yaml:4 name: "database"', "quoted-names.yaml:20 secretKeyRef: { name: 'database', key: \"password\" }"]);
    assert.deepEqual(changedLines(workspace, rename(workspace, 'quoted-names.yaml', "'password'", 'pass', 0, 1)), ["quoted-names.yaml:6 'pass': x", "quoted-names.yaml:20 secretKeyRef: { name: 'db', key: \"pass\" }"]);
  });

  it('refuses a name the kind does not allow, saying what the kind allows', () => {
    const workspace = ordersWorkspace();
    assert.deepEqual(rename(workspace, 'orders/service-orders-db.yaml', 'name: orders-db', '1-orders', 0, 7), {
      refused: "'1-orders' is not a valid Service name: it must be a DNS label starting with a letter: at most 63 lowercase letters, digits and hyphens.",
    });
    assert.match((rename(workspace, STATEFULSET, 'name: tls', 'tls.certs', 0, 7) as { refused: string }).refused, /not a valid volume name/);
    assert.match((rename(workspace, 'orders/secrets-and-config-maps.yaml', 'password', 'pass word') as { refused: string }).refused, /not a valid Secret key name/);
  });

  it('refuses a selector, an object it does not rename, and a reference to nothing', () => {
    const workspace = ordersWorkspace();
    assert.match((rename(workspace, 'orders/budget-and-autoscaler.yaml', 'selector', 'x', 0, 2) as { refused: string }).refused, /rename the labels/);
    assert.match((rename(workspace, 'orders/budget-and-autoscaler.yaml', 'name: orders-db', 'x', 0, 7) as { refused: string }).refused, /not PodDisruptionBudgets/);
    const alone = workspaceOf(['navigation/nearest/app/statefulset.yaml']);
    assert.deepEqual(rename(alone, 'nearest/app/statefulset.yaml', 'name: db', 'x', 0, 7), { refused: "Secret 'db' is not defined here in the workspace, so there is nothing to rename." });
  });

  it('prepares a rename on the name inside its quotes, with the name as placeholder', () => {
    const workspace = workspaceOf(['navigation/quoted-names.yaml']);
    const at = cursor(workspace, 'quoted-names.yaml', "'db'", 0, 2);
    assert.deepEqual(prepareRenameAt(workspace, at.file, at.position), { range: { start: { line: 19, character: 39 }, end: { line: 19, character: 41 } }, placeholder: 'db' });
  });
});
