import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { ClientCapabilities, CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { parseAllDocuments } from 'yaml';
import { applyWorkspaceEdit, changedUntouchedLines } from '../../helpers/apply-edits';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';
import { FIXTURES } from '../../helpers/rule-tester';

/** What VS Code announces for code actions and workspace edits. */
const VS_CODE: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], snippetEditSupport: true } },
  textDocument: {
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
};

/** A client with code action literals but plain `changes` edits and no resolve. */
const PLAIN_CLIENT: ClientCapabilities = {
  textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } },
};

const ROOT_PASSWORD = "s3cr3t#1 'quoted' \"double\"";
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQpemFixtureKeyGw3e\n-----END PRIVATE KEY-----\n';

let folder: string;
let client: TestClient;

afterEach(async () => {
  await client.shutdown();
  rmSync(folder, { recursive: true, force: true });
});

/** Copies fixtures of test/fixtures/fixes into a fresh workspace folder, each optionally rewritten. */
function workspaceWith(files: Record<string, string>, transform: (text: string) => string = (text) => text): Record<string, string> {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-fixes-'));
  const uris: Record<string, string> = {};
  for (const [name, fixture] of Object.entries(files)) {
    writeFileSync(path.join(folder, name), transform(readFileSync(path.join(FIXTURES, 'fixes', fixture), 'utf8')));
    uris[name] = fileUri(path.join(folder, name));
  }
  return uris;
}

async function start(capabilities: ClientCapabilities = VS_CODE): Promise<void> {
  client = new TestClient();
  await client.initialize(folder, capabilities);
}

async function openFile(uri: string): Promise<string> {
  const text = readFileSync(new URL(uri), 'utf8');
  await client.open(uri, text);
  return text;
}

function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

function resolve(action: CodeAction): Promise<CodeAction> {
  return client.connection.sendRequest('codeAction/resolve', action);
}

/** The files of the workspace folder by URI, as the editor holds them. */
function filesOf(uris: Record<string, string>): Map<string, string> {
  return new Map(Object.values(uris).map((uri) => [uri, readFileSync(new URL(uri), 'utf8')]));
}

/** Applies an edit, checking that every line it did not touch keeps every byte. */
function apply(files: Map<string, string>, edit: WorkspaceEdit | undefined) {
  assert.ok(edit, 'the action has an edit');
  const applied = applyWorkspaceEdit(files, edit);
  for (const [uri, edits] of applied.edits) {
    const original = files.get(uri);
    if (original !== undefined) assert.deepEqual(changedUntouchedLines(original, edits, applied.files.get(uri)!), [], `untouched lines of ${uri}`);
  }
  return applied;
}

function parse(text: string): Record<string, any>[] {
  const documents = parseAllDocuments(text, { version: '1.1' });
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) assert.deepEqual(document.errors, [], 'the YAML parses');
  return list.map((document) => document.toJS());
}

describe('code actions over stdio: moving inline secrets', () => {
  it('announces quick fixes and fix-all, resolved lazily', async () => {
    workspaceWith({ 'statefulset.yaml': 'inline-secrets.yaml' });
    client = new TestClient();
    const result = await client.initialize(folder, VS_CODE);
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.kube-stateful'], resolveProvider: true });
  });

  it('moves a password of a CRLF file with several documents to a new Secret file, exactly', async () => {
    const uris = workspaceWith({ 'statefulset.yaml': 'inline-secrets.yaml' }, (text) => text.replace(/\n/g, '\r\n'));
    await start();
    await openFile(uris['statefulset.yaml']);
    const diagnostics = await client.diagnosticsFor(uris['statefulset.yaml'], (list) => codes(list).includes('inline-secret'));
    const secretDiagnostic = diagnostics.find((diagnostic) => diagnostic.code === 'inline-secret')!;
    const actions = await codeActions(uris['statefulset.yaml'], [secretDiagnostic]);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred ?? false]),
      [
        ["Move 'MYSQL_ROOT_PASSWORD' to Secret 'shop-credentials' in new file shop-credentials.secret.yaml", 'quickfix', true],
        ["Move 'MYSQL_ROOT_PASSWORD' to Secret 'shop-credentials' in this file", 'quickfix', false],
        ["Move all 3 inline secrets of StatefulSet 'shop' to Secret 'shop-credentials' in new file shop-credentials.secret.yaml", 'quickfix', false],
        ['Disable inline-secret for this line', 'quickfix', false],
        ['Disable inline-secret for this file', 'quickfix', false],
      ],
    );
    assert.deepEqual(actions[0].diagnostics, [secretDiagnostic]);
    // Nothing sent before the user picks a fix holds the credential.
    assert.ok(!JSON.stringify(actions).includes('s3cr3t'));
    assert.equal(actions[0].edit, undefined);

    const resolved = await resolve(actions[0]);
    const newFile = fileUri(path.join(folder, 'shop-credentials.secret.yaml'));
    assert.deepEqual(
      resolved.edit?.documentChanges?.map((change) =>
        'kind' in change ? [change.kind, change.kind === 'create' ? change.uri : ''] : ['edit', change.textDocument.uri, change.textDocument.version],
      ),
      [
        ['create', newFile],
        ['edit', uris['statefulset.yaml'], 1],
        ['edit', newFile, null],
      ],
    );
    const applied = apply(filesOf(uris), resolved.edit);
    const manifest = applied.files.get(uris['statefulset.yaml'])!;
    assert.ok(!manifest.includes('s3cr3t'), 'the StatefulSet holds no plaintext');
    assert.ok(!/(?<!\r)\n/.test(manifest) && !/(?<!\r)\n/.test(applied.files.get(newFile)!), 'CRLF kept and used');
    const [statefulSet, service] = parse(manifest);
    assert.equal(service.kind, 'Service');
    assert.deepEqual(statefulSet.spec.template.spec.containers[0].env[0], {
      name: 'MYSQL_ROOT_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'shop-credentials', key: 'mysql-root-password' } },
    });
    const [secret] = parse(applied.files.get(newFile)!);
    assert.deepEqual(secret, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'shop-credentials' },
      type: 'Opaque',
      stringData: { 'mysql-root-password': ROOT_PASSWORD },
    });
    assert.match(applied.files.get(newFile)!, /^# This file holds credentials in plain text\. Do not commit it unencrypted/);
    assert.ok(!client.logs.some((line) => line.includes('s3cr3t')));
  });

  it('moves all of them into this file with a client that takes plain changes and no resolve', async () => {
    const uris = workspaceWith({ 'statefulset.yaml': 'inline-secrets.yaml' });
    await start(PLAIN_CLIENT);
    const original = await openFile(uris['statefulset.yaml']);
    const diagnostics = await client.diagnosticsFor(uris['statefulset.yaml'], (list) => codes(list).includes('inline-secret'));
    const actions = await codeActions(uris['statefulset.yaml'], diagnostics.filter((diagnostic) => diagnostic.code === 'inline-secret'));
    assert.ok(actions.every((action) => !action.title.includes('new file')), 'no file creation for this client');
    const moveAll = actions.find((action) => action.title.startsWith('Move all'));
    assert.equal(moveAll?.title, "Move all 3 inline secrets of StatefulSet 'shop' to Secret 'shop-credentials' in this file");
    assert.deepEqual(Object.keys(moveAll?.edit?.changes ?? {}), [uris['statefulset.yaml']]);
    const text = apply(new Map([[uris['statefulset.yaml'], original]]), moveAll?.edit).files.get(uris['statefulset.yaml'])!;
    const [statefulSet, , secret] = parse(text);
    assert.deepEqual(secret.stringData, { 'mysql-root-password': ROOT_PASSWORD, 'replication-password': 'fl0w-pa55', 'tls-key': PEM });
    assert.ok(!JSON.stringify(statefulSet).includes('fl0w'), 'the StatefulSet holds no plaintext');
    assert.ok(text.includes('              # keep this comment\n'));
  });
});

describe('code actions over stdio: headless Service and small repairs', () => {
  it('creates the missing headless Service, after which the StatefulSet is governed', async () => {
    const uris = workspaceWith({ 'orders.yaml': 'service-missing.yaml' });
    await start();
    const original = await openFile(uris['orders.yaml']);
    const diagnostics = await client.diagnosticsFor(uris['orders.yaml'], (list) => codes(list).includes('service-not-found'));
    const actions = await codeActions(uris['orders.yaml'], diagnostics.filter((diagnostic) => diagnostic.code === 'service-not-found'));
    const create = actions.find((action) => action.title === "Create headless Service 'orders-db'");
    assert.equal(create?.isPreferred, true);
    const text = apply(new Map([[uris['orders.yaml'], original]]), (await resolve(create!)).edit).files.get(uris['orders.yaml'])!;
    assert.deepEqual(
      parse(text).map((object) => object.kind),
      ['StatefulSet', 'Service', 'ConfigMap'],
    );
    await client.replace(uris['orders.yaml'], text, 2);
    await client.diagnosticsFor(uris['orders.yaml'], (list) => !codes(list).includes('service-not-found'));
  });

  it('makes the Service headless in its own file, which is not open', async () => {
    const uris = workspaceWith({ 'statefulset.yaml': 'service-not-headless/statefulset.yaml', 'service.yaml': 'service-not-headless/service.yaml' });
    await start();
    await openFile(uris['statefulset.yaml']);
    const diagnostics = await client.diagnosticsFor(uris['statefulset.yaml'], (list) => codes(list).includes('service-not-headless'));
    const actions = await codeActions(uris['statefulset.yaml'], diagnostics);
    const headless = actions.find((action) => action.title.startsWith("Make Service 'mysql' headless"));
    assert.match(headless?.title ?? '', /immutable/);
    const resolved = await resolve(headless!);
    const [change] = resolved.edit?.documentChanges ?? [];
    assert.ok(change && 'textDocument' in change && change.textDocument.uri === uris['service.yaml'] && change.textDocument.version === null);
    const service = apply(filesOf(uris), resolved.edit).files.get(uris['service.yaml'])!;
    assert.equal(parse(service)[0].spec.clusterIP, 'None');
    assert.ok(service.startsWith('# Client-facing address of MySQL.\n'));
  });

  it('inserts accessModes as a snippet for a client that takes snippet edits, as text otherwise', async () => {
    const uris = workspaceWith({ 'cache.yaml': 'repairs.yaml' });
    await start();
    await openFile(uris['cache.yaml']);
    const diagnostics = await client.diagnosticsFor(uris['cache.yaml'], (list) => codes(list).includes('vct-access-modes-missing'));
    const [missing] = diagnostics.filter((diagnostic) => diagnostic.code === 'vct-access-modes-missing');
    const [insert] = await codeActions(uris['cache.yaml'], [missing]);
    assert.equal(insert.title, "Add accessModes: [ReadWriteOnce] to volumeClaimTemplate 'data'");
    const [change] = (await resolve(insert)).edit?.documentChanges ?? [];
    assert.ok(change && 'edits' in change);
    assert.deepEqual(change.edits[0], {
      range: { start: { line: 33, character: 0 }, end: { line: 33, character: 0 } },
      snippet: { kind: 'snippet', value: '        accessModes: [${1:ReadWriteOnce}]\n' },
    });
    await client.shutdown();
    await start({ ...VS_CODE, workspace: { workspaceEdit: { documentChanges: true } } });
    await openFile(uris['cache.yaml']);
    const again = await client.diagnosticsFor(uris['cache.yaml'], (list) => codes(list).includes('vct-access-modes-missing'));
    const [plain] = await codeActions(uris['cache.yaml'], [again.find((diagnostic) => diagnostic.code === 'vct-access-modes-missing')!]);
    const [plainChange] = (await resolve(plain)).edit?.documentChanges ?? [];
    assert.ok(plainChange && 'edits' in plainChange);
    assert.deepEqual(plainChange.edits[0], { range: { start: { line: 33, character: 0 }, end: { line: 33, character: 0 } }, newText: '        accessModes: [ReadWriteOnce]\n' });
  });

  it('applies the safe fixes as source.fixAll.kube-stateful, and only when asked for', async () => {
    const uris = workspaceWith({ 'cache.yaml': 'repairs.yaml' });
    await start();
    const original = await openFile(uris['cache.yaml']);
    const diagnostics = await client.diagnosticsFor(uris['cache.yaml'], (list) => codes(list).includes('invalid-enum-value'));
    const quickFixes = await codeActions(uris['cache.yaml'], diagnostics, ['quickfix']);
    assert.ok(quickFixes.every((action) => action.kind === 'quickfix'));
    const [fixAll, ...others] = await codeActions(uris['cache.yaml'], [], ['source.fixAll']);
    assert.deepEqual(others, []);
    assert.equal(fixAll.kind, 'source.fixAll.kube-stateful');
    const text = apply(new Map([[uris['cache.yaml'], original]]), fixAll.edit).files.get(uris['cache.yaml'])!;
    await client.replace(uris['cache.yaml'], text, 2);
    const after = await client.diagnosticsFor(uris['cache.yaml'], (list) => !codes(list).includes('invalid-enum-value'));
    assert.deepEqual([...new Set(codes(after))], ['vct-unmounted', 'vct-access-modes-missing', 'vct-storage-missing']);
  });

  it('disables a rule for one line, and the diagnostic goes away', async () => {
    const uris = workspaceWith({ 'cache.yaml': 'repairs.yaml' });
    await start();
    const original = await openFile(uris['cache.yaml']);
    const diagnostics = await client.diagnosticsFor(uris['cache.yaml'], (list) => codes(list).includes('invalid-enum-value'));
    const [first] = diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-enum-value');
    const disable = (await codeActions(uris['cache.yaml'], [first])).find((action) => action.title === 'Disable invalid-enum-value for this line');
    const text = apply(new Map([[uris['cache.yaml'], original]]), (await resolve(disable!)).edit).files.get(uris['cache.yaml'])!;
    assert.ok(text.includes('  # kube-stateful-disable-next-line invalid-enum-value\n  podManagementPolicy: parallel\n'));
    await client.replace(uris['cache.yaml'], text, 2);
    const after = await client.diagnosticsFor(uris['cache.yaml'], (list) => codes(list).filter((code) => code === 'invalid-enum-value').length === 2);
    assert.ok(!after.some((diagnostic) => diagnostic.code === 'invalid-enum-value' && diagnostic.range.start.line === first.range.start.line + 1));
  });

  it('answers on half-typed YAML and on stale or foreign data without failing', async () => {
    const uris = workspaceWith({ 'cache.yaml': 'repairs.yaml' });
    await start();
    await client.open(uris['cache.yaml'], 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  template: {containers: [\n  - name: "x\n');
    assert.deepEqual(await codeActions(uris['cache.yaml'], []), []);
    const stale: Diagnostic = { range: { start: { line: 6, character: 23 }, end: { line: 6, character: 31 } }, message: 'old', code: 'invalid-enum-value', source: 'kube-stateful' };
    assert.deepEqual(await codeActions(uris['cache.yaml'], [stale]), []);
    const foreign = { title: 'x', data: { uri: uris['cache.yaml'], fixId: 'replace', ruleId: 'nope', range: stale.range, message: 'old' } };
    assert.deepEqual(await resolve(foreign), foreign);
    assert.deepEqual(await resolve({ title: 'y', data: 42 } as unknown as CodeAction), { title: 'y', data: 42 });
  });
});
