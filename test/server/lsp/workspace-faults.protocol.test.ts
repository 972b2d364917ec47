import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MAX_INDEXED_FILES } from '../../../server/src/files/yaml-files';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';

/*
 * Workspace folders as they are found on disk: entries named like YAML files that cannot be
 * read as files (tests run as root, so permissions do not stop a read), links that lead
 * nowhere or in circles, files removed while the server reads them, and more files than the
 * index takes. The server must index what it can, say what it left out, and keep answering.
 */

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n';
const STATEFULSET =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';

let folder: string;
let client: TestClient;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-faults-'));
});

afterEach(async () => {
  await client.shutdown();
  rmSync(folder, { recursive: true, force: true });
});

function residentMegabytes(pid: number | undefined): number {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Math.round(Number(/VmRSS:\s*(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
}

const indexedCount = (logs: string[]) => Number(/Indexed (\d+) YAML files/.exec(logs.find((line) => line.startsWith('Indexed')) ?? '')?.[1]);

describe('workspace files the server cannot read', () => {
  it('indexes around a FIFO, a dangling link, link loops and a folder named like a YAML file', async () => {
    writeFileSync(path.join(folder, 'service.yaml'), SERVICE);
    writeFileSync(path.join(folder, 'statefulset.yaml'), STATEFULSET);
    // Opening a FIFO for reading waits for a writer that never comes.
    execFileSync('mkfifo', [path.join(folder, 'pipe.yaml')]);
    symlinkSync(path.join(folder, 'missing.yaml'), path.join(folder, 'dangling.yaml'));
    symlinkSync(path.join(folder, 'self.yaml'), path.join(folder, 'self.yaml'));
    symlinkSync(folder, path.join(folder, 'loop'));
    mkdirSync(path.join(folder, 'folder.yaml'));
    client = new TestClient();
    await client.initialize(folder);
    assert.equal(indexedCount(client.logs), 2);
    const statefulSet = fileUri(path.join(folder, 'statefulset.yaml'));
    await client.open(statefulSet, STATEFULSET);
    const diagnostics = await client.diagnosticsFor(statefulSet, () => true);
    assert.deepEqual(codes(diagnostics).filter((code) => code.startsWith('service-')), [], 'the Service beside the unreadable entries is indexed');
    const changes = ['pipe.yaml', 'dangling.yaml', 'self.yaml', 'folder.yaml', 'loop/service.yaml'].map((name) => ({ uri: fileUri(path.join(folder, name)), type: 2 }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: statefulSet }, position: { line: 5, character: 16 } });
    assert.equal(client.exitCode, null);
    assert.deepEqual(client.logs.filter((line) => /failed|Unexpected/.test(line)), []);
  });

  it('forgets a file that is gone when the server comes to read it', async () => {
    writeFileSync(path.join(folder, 'service.yaml'), SERVICE);
    client = new TestClient();
    await client.initialize(folder);
    const statefulSet = fileUri(path.join(folder, 'statefulset.yaml'));
    await client.open(statefulSet, STATEFULSET);
    await client.diagnosticsFor(statefulSet, (list) => !codes(list).includes('service-not-found'));
    // Reported as changed, then deleted before the server reads it.
    unlinkSync(path.join(folder, 'service.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(folder, 'service.yaml')), type: 2 }] });
    await client.diagnosticsFor(statefulSet, (list) => codes(list).includes('service-not-found'));
  });
});

/** Groups of a thousand generated files: enough for more files than the index takes. */
const GROUPS = Math.ceil(MAX_INDEXED_FILES / 1000) + 1;

describe(`a workspace of more YAML files than the index takes`, () => {
  it(`indexes the ${MAX_INDEXED_FILES} nearest the root, says so, and survives files deleted while it reads`, async (t) => {
    // The Service the StatefulSet needs is near the root; thousands of generated files lie deeper.
    writeFileSync(path.join(folder, 'service.yaml'), SERVICE);
    for (let group = 0; group < GROUPS; group++) {
      const deep = path.join(folder, 'generated', `group-${group}`);
      mkdirSync(deep, { recursive: true });
      for (let index = 0; index < 1000; index++) {
        writeFileSync(path.join(deep, `config-${index}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${group}-${index}\ndata:\n  key: value\n`);
      }
    }
    client = new TestClient();
    const started = performance.now();
    const indexed = client.initialize(folder, {}, 180_000);
    // Some files vanish while the server lists and reads them.
    for (let index = 0; index < 1000; index += 2) unlinkSync(path.join(folder, 'generated', 'group-0', `config-${index}.yaml`));
    await indexed;
    t.diagnostic(`indexed in ${((performance.now() - started) / 1000).toFixed(1)} s; server resident ${residentMegabytes(client.pid)} MB`);
    assert.ok(indexedCount(client.logs) <= MAX_INDEXED_FILES && indexedCount(client.logs) > MAX_INDEXED_FILES - 600, client.logs.join('\n'));
    await client.waitForLog(new RegExp(`more than ${MAX_INDEXED_FILES} YAML files: \\d+ of them, the deepest in the folder tree, were left out`));
    const statefulSet = fileUri(path.join(folder, 'statefulset.yaml'));
    await client.open(statefulSet, STATEFULSET);
    const diagnostics = await client.diagnosticsFor(statefulSet, () => true, 60_000);
    assert.ok(!codes(diagnostics).includes('service-not-found'), 'the Service near the root is indexed');
    // Files created later fill the index up to the limit; past it, a new Service is not indexed.
    const refill = path.join(folder, 'generated', 'refill');
    mkdirSync(refill);
    const created = Array.from({ length: 1000 }, (_, index) => path.join(refill, `config-${index}.yaml`));
    for (const file of created) writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: refill\n');
    writeFileSync(path.join(refill, 'late.yaml'), SERVICE.replace('name: web', 'name: late'));
    const late = fileUri(path.join(folder, 'late-statefulset.yaml'));
    await client.open(late, STATEFULSET.replace('serviceName: web', 'serviceName: late'));
    await client.diagnosticsFor(late, (list) => codes(list).includes('service-not-found'), 60_000);
    // Deleting the first Service last tells when the server has gone through the whole list.
    unlinkSync(path.join(folder, 'service.yaml'));
    const changes = [
      ...[...created, path.join(refill, 'late.yaml')].map((file) => ({ uri: fileUri(file), type: 1 })),
      { uri: fileUri(path.join(folder, 'service.yaml')), type: 3 },
    ];
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    await client.diagnosticsFor(statefulSet, (list) => codes(list).includes('service-not-found'), 60_000);
    // A round trip lets every notification sent before the answer arrive.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: late }, position: { line: 0, character: 0 } });
    assert.ok(codes(client.published(late)?.diagnostics ?? []).includes('service-not-found'), 'the Service created past the limit is not indexed');
    assert.equal(client.exitCode, null);
  });
});
