import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outlineOf, workspaceObjects } from '../../../../server/src/engine/navigation/outline';
import { cursor, ordersWorkspace, textOf } from './navigation-helper';

describe('outline', () => {
  const workspace = ordersWorkspace();

  it('lists the objects of a multi-document file as Kind name, with their namespace and top-level fields', () => {
    const file = cursor(workspace, 'orders/secrets-and-config-maps.yaml', 'apiVersion').file;
    const outline = outlineOf(workspace, file);
    assert.deepEqual(
      outline.map((object) => [object.name, object.namespace, object.fields.map((field) => field.name).join(' ')]),
      [
        ['Secret orders-db-credentials', 'default', 'apiVersion kind metadata stringData'],
        ['Secret orders-db-tls', 'default', 'apiVersion kind metadata data'],
        ['ConfigMap orders-db-config', 'default', 'apiVersion kind metadata data'],
        ['ConfigMap orders-db-init', 'default', 'apiVersion kind metadata data'],
      ],
    );
    assert.equal(textOf(workspace, file.uri, outline[0].selectionRange), 'orders-db-credentials');
    assert.equal(textOf(workspace, file.uri, outline[0].fields[3].range), 'stringData:\n  password: not-a-real-one');
    assert.equal(outline[1].range.start.line, 7);
  });

  it('gives cluster-scoped objects no namespace', () => {
    const file = cursor(workspace, 'cluster/storage-class-fast-ssd.yaml', 'kind').file;
    assert.deepEqual(outlineOf(workspace, file).map((object) => [object.name, object.namespace]), [['StorageClass fast-ssd', undefined]]);
  });

  it('finds workspace objects by name, kind and namespace, with the query’s letters in order', () => {
    const names = (query: string) => workspaceObjects(workspace, query).map(({ object }) => `${object.name} ${object.namespace ?? '-'}`);
    assert.deepEqual(names('secretodbcred'), ['Secret orders-db-credentials default', 'Secret orders-db-credentials staging']);
    assert.deepEqual(names('staging'), ['Service orders-db staging', 'Secret orders-db-credentials staging', 'StatefulSet orders-db staging']);
    assert.equal(workspaceObjects(workspace, '').length, 15);
  });
});
