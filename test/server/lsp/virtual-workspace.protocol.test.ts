import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReadResult } from '../../../server/src/files/workspace-files';
import { FIND_YAML_FILES_REQUEST, IS_FOLDER_REQUEST, READ_FILE_REQUEST } from '../../../server/src/lsp/client-workspace-files';
import { codes, TestClient } from '../../helpers/lsp-client';
import { FIXTURES } from '../../helpers/rule-tester';

/*
 * A workspace on a file system the server has no access to, as github.dev's is: the server
 * finds and reads its files by asking the client, which answers here from memory.
 */

const FOLDER = 'memfs:/workspace';
const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'vscode-suite', name), 'utf8');

describe('a workspace on a virtual file system', () => {
  const files = new Map<string, string>([
    [`${FOLDER}/statefulset.yaml`, fixture('statefulset.yaml')],
    [`${FOLDER}/service.yaml`, fixture('service.yaml')],
    [`${FOLDER}/vendor/service.yaml`, fixture('service.yaml').replace('spec:\n', 'spec:\n  clusterIP: None\n')],
    [`${FOLDER}/overlay/kustomization.yaml`, 'resources:\n  - ../statefulset.yaml\n  - ../base\n  - missing.yaml\n'],
    [`${FOLDER}/base/kustomization.yaml`, 'resources:\n  - ../service.yaml\n'],
  ]);
  const read: string[] = [];
  let client: TestClient;

  before(async () => {
    client = new TestClient({ validation: { delay: 0 }, exclude: ['vendor/**'] });
    client.connection.onRequest(FIND_YAML_FILES_REQUEST, ({ folderUri }: { folderUri: string }) => [...files.keys()].filter((uri) => uri.startsWith(`${folderUri}/`)));
    client.connection.onRequest(READ_FILE_REQUEST, ({ uri }: { uri: string }): unknown => {
      read.push(uri);
      const text = files.get(uri);
      const answer: ReadResult = text === undefined ? { kind: 'unreadable', reason: 'FileNotFound' } : { kind: 'text', text };
      return answer;
    });
    client.connection.onRequest(IS_FOLDER_REQUEST, ({ uri }: { uri: string }) => [...files.keys()].some((file) => file.startsWith(`${uri}/`)));
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'workspace' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } },
    });
    await client.connection.sendNotification('initialized', {});
    await client.waitForLog(/Indexed \d+ YAML files/);
  });

  after(() => client.shutdown());

  it('indexes the files the client lists, leaving out the excluded ones', () => {
    assert.ok(client.logs.some((line) => line.includes('Indexed 4 YAML files in 1 workspace folder(s).')), client.logs.join(' | '));
    assert.deepEqual(read.slice(0, 4).sort(), [`${FOLDER}/base/kustomization.yaml`, `${FOLDER}/overlay/kustomization.yaml`, `${FOLDER}/service.yaml`, `${FOLDER}/statefulset.yaml`]);
    assert.ok(!read.includes(`${FOLDER}/vendor/service.yaml`));
  });

  it('checks an open file against a Service read through the client', async () => {
    const uri = `${FOLDER}/statefulset.yaml`;
    await client.open(uri, files.get(uri)!);
    const diagnostics = await client.diagnosticsFor(uri, (list) => codes(list).includes('service-not-headless'));
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'service-not-headless')!;
    assert.equal(finding.relatedInformation?.[0]?.location.uri, `${FOLDER}/service.yaml`);
  });

  it('builds a kustomization over the client’s files: a missing resource is reported, a folder of the workspace is not', async () => {
    const uri = `${FOLDER}/overlay/kustomization.yaml`;
    await client.open(uri, files.get(uri)!);
    const diagnostics = await client.diagnosticsFor(uri, (list) => codes(list).includes('kustomize-path-not-found'));
    const missing = diagnostics.filter((diagnostic) => diagnostic.code === 'kustomize-path-not-found');
    assert.deepEqual(missing.map((diagnostic) => diagnostic.range.start.line), [3]);
  });

  it('reads a changed file again when the client reports the change', async () => {
    const service = `${FOLDER}/service.yaml`;
    files.set(service, files.get(service)!.replace('spec:\n', 'spec:\n  clusterIP: None\n'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: service, type: 2 }] });
    await client.diagnosticsFor(`${FOLDER}/statefulset.yaml`, (list) => !codes(list).includes('service-not-headless'));
  });
});
