import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { commitFiles, initRepository, temporaryFolder } from '../../helpers/git-fixture';
import { fileUri, TestClient } from '../../helpers/lsp-client';
import { FIXTURES } from '../../helpers/rule-tester';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'rules', 'immutable-field-changed', `${name}.yaml`), 'utf8');
const refused = (list: Diagnostic[]) => list.filter((diagnostic) => diagnostic.code === 'immutable-field-changed');
const firstWords = (list: Diagnostic[]) => refused(list).map((diagnostic) => String(diagnostic.message).split(' ')[0]);

describe('language server: changes the API server refuses, against the committed version', () => {
  let repository: string;
  let cleanup: () => void;
  let client: TestClient;
  let statefulSet: string;
  let service: string;

  beforeEach(() => {
    ({ folder: repository, cleanup } = temporaryFolder());
    initRepository(repository);
    commitFiles(repository, { 'statefulset.yaml': fixture('committed-statefulset'), 'service.yaml': fixture('committed-service') }, 'first install');
    statefulSet = fileUri(path.join(repository, 'statefulset.yaml'));
    service = fileUri(path.join(repository, 'service.yaml'));
  });

  afterEach(async () => {
    await client.shutdown();
    cleanup();
  });

  async function start(settings: Record<string, unknown> = {}): Promise<void> {
    client = new TestClient({ validation: { delay: 0 }, ...settings });
    await client.initialize(repository, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } });
  }

  it('reports storage, podManagementPolicy, selector, serviceName and a new clusterIP: None, with the committed line', async () => {
    await start();
    await client.open(statefulSet, fixture('refused-changes'));
    await client.open(service, fixture('service-cluster-ips'));
    const onStatefulSet = await client.diagnosticsFor(statefulSet, (list) => refused(list).length > 0);
    assert.deepEqual(firstWords(onStatefulSet), [
      'spec.serviceName',
      'spec.podManagementPolicy',
      'spec.selector.matchLabels.app',
      'spec.volumeClaimTemplates[0].spec.resources.requests.storage',
    ]);
    const storage = refused(onStatefulSet)[3];
    assert.equal(storage.severity, 2);
    const related = storage.relatedInformation?.[0].location;
    assert.match(related?.uri ?? '', /^kube-stateful-git:.*statefulset\.yaml\?HEAD$/);
    assert.deepEqual(related?.range.start, { line: 29, character: 12 });
    const committed = await client.connection.sendRequest<{ text: string } | null>('kubeStateful/committedText', { uri: related?.uri });
    assert.equal(committed?.text, fixture('committed-statefulset'));
    const onService = await client.diagnosticsFor(service, (list) => refused(list).length > 0);
    assert.deepEqual(firstWords(onService), ['spec.clusterIP', 'spec.clusterIP']);
  });

  it('says nothing of replicas, the template or minReadySeconds', async () => {
    await start();
    await client.open(statefulSet, fixture('mutable-changes'));
    await client.diagnosticsFor(statefulSet, () => true);
    // The committed version is read after the first check, which a second publication follows.
    await new Promise((wake) => setTimeout(wake, 500));
    assert.deepEqual(refused(client.published(statefulSet)?.diagnostics ?? []), []);
    // The comparison did run: a refused change to the same text is reported.
    await client.replace(statefulSet, fixture('refused-changes'), 2);
    await client.diagnosticsFor(statefulSet, (list) => refused(list).length === 4);
  });

  it('clears the findings once the change is committed and the branch moves', async () => {
    await start();
    await client.open(statefulSet, fixture('refused-changes'));
    await client.diagnosticsFor(statefulSet, (list) => refused(list).length === 4);
    commitFiles(repository, { 'statefulset.yaml': fixture('refused-changes') }, 'rename the service');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(path.join(repository, '.git', 'refs', 'heads', 'main')), type: 2 }],
    });
    await client.diagnosticsFor(statefulSet, (list) => refused(list).length === 0);
  });

  it('compares nothing with compareWith: "off", and compares again when it is set back', async () => {
    await start({ compareWith: 'off' });
    await client.open(statefulSet, fixture('refused-changes'));
    await client.diagnosticsFor(statefulSet, (list) => list.length > 0);
    await new Promise((wake) => setTimeout(wake, 500));
    assert.deepEqual(refused(client.published(statefulSet)?.diagnostics ?? []), []);
    await client.changeSettings({ validation: { delay: 0 }, compareWith: 'HEAD' });
    await client.diagnosticsFor(statefulSet, (list) => refused(list).length === 4);
  });

  it('gives one information finding for a ref the repository lacks, and none outside a repository', async () => {
    await start({ compareWith: 'no-such-branch' });
    await client.open(statefulSet, fixture('refused-changes'));
    const list = await client.diagnosticsFor(statefulSet, (found) => refused(found).length > 0);
    assert.deepEqual(
      refused(list).map((diagnostic) => [diagnostic.severity, diagnostic.message]),
      [[3, "Not compared with the committed version, so changes the API server refuses are not checked: No ref named 'no-such-branch' in this repository."]],
    );
    const outside = temporaryFolder();
    try {
      const uri = fileUri(path.join(outside.folder, 'db.yaml'));
      writeFileSync(path.join(outside.folder, 'db.yaml'), fixture('refused-changes'));
      await client.open(uri, fixture('refused-changes'));
      await client.diagnosticsFor(uri, () => true);
      await new Promise((wake) => setTimeout(wake, 500));
      assert.deepEqual(refused(client.published(uri)?.diagnostics ?? []), []);
    } finally {
      outside.cleanup();
    }
  });
});
