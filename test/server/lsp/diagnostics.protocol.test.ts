import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { FIXTURES } from '../../helpers/rule-tester';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';

const HEADLESS = (text: string) => text.replace('spec:\n', 'spec:\n  clusterIP: None\n');

describe('language server over stdio: a StatefulSet and its Service in two files', () => {
  let folder: string;
  let client: TestClient;
  let statefulSet: string;
  let service: string;
  let serviceText: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-'));
    cpSync(path.join(FIXTURES, 'workspaces', 'mysql-split'), folder, { recursive: true });
    statefulSet = fileUri(path.join(folder, 'statefulset.yaml'));
    service = fileUri(path.join(folder, 'service.yaml'));
    serviceText = readFileSync(path.join(folder, 'service.yaml'), 'utf8');
  });

  afterEach(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  async function openStatefulSet(settings?: Record<string, unknown>): Promise<void> {
    client = new TestClient(settings);
    await client.initialize(folder);
    await client.open(statefulSet, readFileSync(path.join(folder, 'statefulset.yaml'), 'utf8'));
  }

  it('reports service-not-headless with the Service file as related information', async () => {
    await openStatefulSet();
    const [diagnostic] = await client.diagnosticsFor(statefulSet, (list) => list.length > 0);
    assert.equal(diagnostic.code, 'service-not-headless');
    assert.equal(diagnostic.source, 'kube-stateful');
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.range, { start: { line: 5, character: 15 }, end: { line: 5, character: 20 } });
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/rules\.md#service-not-headless$/);
    assert.equal(diagnostic.relatedInformation?.[0].location.uri, service);
    assert.deepEqual(diagnostic.relatedInformation?.[0].location.range.start, { line: 3, character: 2 });
  });

  it('clears the StatefulSet when the open Service is edited to clusterIP: None', async () => {
    await openStatefulSet();
    await client.diagnosticsFor(statefulSet, (list) => codes(list).includes('service-not-headless'));
    await client.open(service, serviceText);
    await client.replace(service, HEADLESS(serviceText), 2);
    await client.diagnosticsFor(statefulSet, (list) => list.length === 0);
  });

  it('follows the Service file on disk through watched-file events', async () => {
    await openStatefulSet();
    await client.diagnosticsFor(statefulSet, (list) => codes(list).includes('service-not-headless'));
    writeFileSync(path.join(folder, 'service.yaml'), HEADLESS(serviceText));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: service, type: 2 }] });
    await client.diagnosticsFor(statefulSet, (list) => list.length === 0);
    unlinkSync(path.join(folder, 'service.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: service, type: 3 }] });
    await client.diagnosticsFor(statefulSet, (list) => codes(list).join() === 'service-not-found');
  });

  it('prefers the unsaved editor text to the disk, and returns to the disk on close', async () => {
    await openStatefulSet();
    await client.open(service, HEADLESS(serviceText));
    await client.diagnosticsFor(statefulSet, (list) => list.length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: service } });
    await client.diagnosticsFor(statefulSet, (list) => codes(list).includes('service-not-headless'));
  });

  it('applies rule severities and the enable switch from the settings', async () => {
    await openStatefulSet({ validation: { delay: 0 }, rules: { 'service-not-headless': 'info' } });
    const [diagnostic] = await client.diagnosticsFor(statefulSet, (list) => list.length > 0);
    assert.equal(diagnostic.severity, 3);
    await client.shutdown();
    await openStatefulSet({ validation: { delay: 0 }, enable: false });
    await client.diagnosticsFor(statefulSet, (list) => list.length === 0);
  });

  it('matches manifests without a namespace through kubeStateful.defaultNamespace', async () => {
    writeFileSync(path.join(folder, 'service.yaml'), HEADLESS(serviceText).replace('  name: mysql\n', '  name: mysql\n  namespace: data\n'));
    await openStatefulSet({ validation: { delay: 0 }, defaultNamespace: 'data' });
    await client.diagnosticsFor(statefulSet, (list) => list.length === 0);
    await client.shutdown();
    await openStatefulSet();
    await client.diagnosticsFor(statefulSet, (list) => codes(list).join() === 'service-namespace-mismatch');
  });

  it('waits for the configured delay after an edit, then publishes', async () => {
    await openStatefulSet({ validation: { delay: 300 } });
    await client.diagnosticsFor(statefulSet, (list) => list.length > 0);
    const text = readFileSync(path.join(folder, 'statefulset.yaml'), 'utf8');
    const started = Date.now();
    await client.replace(statefulSet, text.replace('serviceName: mysql', 'serviceName: Mysql'), 2);
    await client.diagnosticsFor(statefulSet, (list) => codes(list).includes('service-name-invalid'));
    assert.ok(Date.now() - started >= 250, 'the server waited for the typing pause');
  });

  it('leaves out files matched by kubeStateful.exclude', async () => {
    await openStatefulSet({ validation: { delay: 0 }, exclude: ['service.yaml'] });
    await client.diagnosticsFor(statefulSet, (list) => codes(list).join() === 'service-not-found');
  });
});

describe('language server over stdio: a client that refuses registrations', () => {
  it('still indexes the workspace and checks documents', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-'));
    cpSync(path.join(FIXTURES, 'workspaces', 'mysql-split'), folder, { recursive: true });
    const client = new TestClient();
    client.connection.onRequest('client/registerCapability', () => {
      throw new Error('registration not supported');
    });
    try {
      await client.initialize(folder);
      const statefulSet = fileUri(path.join(folder, 'statefulset.yaml'));
      await client.open(statefulSet, readFileSync(path.join(folder, 'statefulset.yaml'), 'utf8'));
      await client.diagnosticsFor(statefulSet, (list) => codes(list).includes('service-not-headless'));
    } finally {
      await client.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('language server over stdio: documents without a folder', () => {
  let client: TestClient;

  afterEach(() => client.shutdown());

  it('checks an untitled document and survives binary garbage', async () => {
    client = new TestClient();
    await client.initialize();
    const untitled = 'untitled:Untitled-1';
    const statefulSet = readFileSync(path.join(FIXTURES, 'rules', 'service-name-missing', 'no-service-name.yaml'), 'utf8');
    await client.open(untitled, statefulSet);
    await client.diagnosticsFor(untitled, (list) => codes(list).includes('service-name-missing'));
    const garbage = 'untitled:Untitled-2';
    await client.open(garbage, '\u0000\uffff\ud800 : : [ {{ \u0007'.repeat(200));
    await client.diagnosticsFor(garbage, () => true);
    await client.replace(untitled, 'kind: StatefulSet\n', 2);
    await client.diagnosticsFor(untitled, (list) => list.length === 0);
    assert.equal(client.exitCode, null);
  });
});
