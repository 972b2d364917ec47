import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { runCli } from './run-cli';

const kinds = (stdout: string) => parseAllDocuments(stdout).map((document) => `${document.get('kind')}/${(document.toJS() as { metadata: { name: string } }).metadata.name}`);

describe('kube-stateful build', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kube-stateful-build-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('base/kustomization.yaml', 'resources: [sts.yaml, svc.yaml]\nconfigMapGenerator:\n- name: settings\n  literals: [mode=fast]\n');
  write('base/sts.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {serviceName: db}\n');
  write('base/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\n');
  write('overlay/kustomization.yaml', 'namePrefix: prod-\nresources: [../base]\n');

  it('prints the built objects in kustomize legacy order by default, and exits 0', () => {
    const run = runCli(['build', 'overlay'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(kinds(run.stdout), ['ConfigMap/prod-settings-t82mkhg8fd', 'Service/prod-db', 'StatefulSet/prod-db']);
    assert.match(run.stdout, /^apiVersion: v1\ndata:\n  mode: fast\nkind: ConfigMap\n/);
    assert.match(run.stdout, /\n---\napiVersion: v1\nkind: Service\n/);
  });

  it('keeps the build order with --reorder none, and builds the current folder by default', () => {
    const run = runCli(['build', '--reorder', 'none'], path.join(root, 'overlay'));
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(kinds(run.stdout), ['StatefulSet/prod-db', 'Service/prod-db', 'ConfigMap/prod-settings-t82mkhg8fd']);
  });

  it('reports a missing path and an unbuilt field on stderr with their lines, and exits 1', () => {
    write('broken/kustomization.yaml', 'resources:\n- ../base\n- gone.yaml\nvars: []\n');
    const run = runCli(['build', 'broken'], root);
    assert.equal(run.status, 1);
    assert.deepEqual(run.stderr.split('\n').filter(Boolean), [
      "broken/kustomization.yaml:4:1 info kustomize-not-built Vars are not built in-process: the objects are checked without what 'vars' would change.",
      "broken/kustomization.yaml:3:3 error kustomize-path-not-found 'gone.yaml' does not exist.",
    ]);
    assert.equal(kinds(run.stdout).length, 3);
  });
});
