import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, DocumentLink, DocumentSymbol, Location, LocationLink, Range, SymbolInformation } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../../helpers/lsp-client';
import { positionOf } from '../../helpers/positions';
import { FIXTURES } from '../../helpers/rule-tester';

const CAPABILITIES = {
  textDocument: {
    definition: { linkSupport: true },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
  workspace: { workspaceEdit: { documentChanges: true }, codeLens: { refreshSupport: true } },
};

describe('language server over stdio: navigation', () => {
  let folder: string;
  let client: TestClient;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-navigation-'));
    cpSync(path.join(FIXTURES, 'navigation'), folder, { recursive: true });
    client = new TestClient({ validation: { delay: 0 } });
    await client.initialize(folder, CAPABILITIES);
    for (const file of ['orders/statefulset-orders-db.yaml', 'orders/secrets-and-config-maps.yaml', 'orders/budget-and-autoscaler.yaml', 'suppressions/disabled-rules.yaml']) await client.open(uriOf(file), textOf(file));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  const uriOf = (file: string) => fileUri(path.join(folder, file));
  const textOf = (file: string) => readFileSync(path.join(folder, file), 'utf8');
  const at = (file: string, needle: string, shift = 0, occurrence = 0) => ({ textDocument: { uri: uriOf(file) }, position: positionOf(textOf(file), needle, shift, occurrence) });
  /** `orders/service-orders-db.yaml:4`: a location's file and 1-based line. */
  const where = (uri: string, range: Range) => `${path.relative(folder, new URL(uri).pathname)}:${range.start.line + 1}`;

  it('answers definition with links from the value under the cursor to the Service, nearest first', async () => {
    const links: LocationLink[] = await client.connection.sendRequest('textDocument/definition', at('orders/statefulset-orders-db.yaml', 'serviceName: orders-db', 14));
    assert.deepEqual(
      links.map((link) => where(link.targetUri, link.targetSelectionRange)),
      ['orders/service-orders-db.yaml:4', 'other-project/service-orders-db-farther.yaml:4', 'staging/same-names-in-staging.yaml:4'],
    );
    assert.deepEqual(links[0].originSelectionRange, { start: { line: 5, character: 15 }, end: { line: 5, character: 24 } });
    assert.deepEqual(links[0].targetRange, { start: { line: 0, character: 0 }, end: { line: 11, character: 16 } });
  });

  it('lets unsaved text win over the file on disk', async () => {
    const file = 'orders/service-orders-db.yaml';
    await client.open(uriOf(file), textOf(file).replace('name: orders-db', 'name: orders-db-renamed'));
    const links: LocationLink[] = await client.connection.sendRequest('textDocument/definition', at('orders/statefulset-orders-db.yaml', 'serviceName: orders-db', 14));
    assert.equal(where(links[0].targetUri, links[0].targetSelectionRange), 'other-project/service-orders-db-farther.yaml:4');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
  });

  it('lists the readers of a Secret, with or without its definition', async () => {
    const request = (includeDeclaration: boolean) => ({ ...at('orders/secrets-and-config-maps.yaml', 'name: orders-db-credentials', 7), context: { includeDeclaration } });
    const withDefinition: Location[] = await client.connection.sendRequest('textDocument/references', request(true));
    const readers: Location[] = await client.connection.sendRequest('textDocument/references', request(false));
    const lines = ['orders/statefulset-orders-db.yaml:24', 'orders/statefulset-orders-db.yaml:33', 'orders/statefulset-orders-db.yaml:58'];
    assert.deepEqual(readers.map((location) => where(location.uri, location.range)), lines);
    assert.deepEqual(withDefinition.map((location) => where(location.uri, location.range)), ['orders/secrets-and-config-maps.yaml:4', ...lines]);
  });

  it('prepares a rename on the name, and refuses a name the kind does not allow, with the reason', async () => {
    const prepared = await client.connection.sendRequest('textDocument/prepareRename', at('orders/statefulset-orders-db.yaml', 'claimName', 12));
    assert.deepEqual(prepared, { range: { start: { line: 65, character: 23 }, end: { line: 65, character: 37 } }, placeholder: 'orders-backups' });
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { ...at('orders/statefulset-orders-db.yaml', 'claimName', 12), newName: 'Backups' }), {
      message: "'Backups' is not a valid PersistentVolumeClaim name: it must be a DNS subdomain: lowercase letters, digits, hyphens and dots.",
    });
    await assert.rejects(client.connection.sendRequest('textDocument/prepareRename', at('orders/budget-and-autoscaler.yaml', 'selector', 2)), /rename the labels/);
  });

  it('warns through window/showMessage that renaming a claim template creates new PVCs', async () => {
    const edit = await client.connection.sendRequest('textDocument/rename', { ...at('orders/statefulset-orders-db.yaml', 'name: data', 7, 1), newName: 'pgdata' });
    assert.ok(edit);
    const warning = await client.waitForMessage(/volumeClaimTemplates cannot change/);
    assert.equal(warning.type, 2);
  });

  it('outlines a multi-document file as its objects with their namespace and fields', async () => {
    const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf('orders/secrets-and-config-maps.yaml') } });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.detail, symbol.children?.map((child) => child.name).join(' ')]),
      [
        ['Secret orders-db-credentials', 'default', 'apiVersion kind metadata stringData'],
        ['Secret orders-db-tls', 'default', 'apiVersion kind metadata data'],
        ['ConfigMap orders-db-config', 'default', 'apiVersion kind metadata data'],
        ['ConfigMap orders-db-init', 'default', 'apiVersion kind metadata data'],
      ],
    );
  });

  it('finds the objects of the workspace by name', async () => {
    const found: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'secret orders-db-cred' });
    assert.deepEqual(found.map((symbol) => `${symbol.name} ${symbol.containerName} ${where(symbol.location.uri, symbol.location.range)}`).sort(), [
      'Secret orders-db-credentials default orders/secrets-and-config-maps.yaml:4',
      'Secret orders-db-credentials staging staging/same-names-in-staging.yaml:14',
    ]);
  });

  it('lists code lenses above a StatefulSet and resolves them with the commands the client runs', async () => {
    const lenses: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf('orders/statefulset-orders-db.yaml') } });
    assert.ok(lenses.every((lens) => lens.command === undefined && lens.range.start.line === 0));
    const resolved: CodeLens[] = await Promise.all(lenses.map((lens) => client.connection.sendRequest('codeLens/resolve', lens) as Promise<CodeLens>));
    assert.deepEqual(
      resolved.map((lens) => [lens.command?.title, lens.command?.command]),
      [
        ['governed by Service orders-db', 'kubeStateful.revealLocation'],
        ['3 pods: orders-db-0 … orders-db-2', ''],
        ['data 50Gi', 'kubeStateful.revealLocation'],
        ['PDB: maxUnavailable 1', 'kubeStateful.revealLocation'],
      ],
    );
    assert.deepEqual(resolved[0].command?.arguments, [uriOf('orders/service-orders-db.yaml'), { start: { line: 3, character: 8 }, end: { line: 3, character: 17 } }]);
  });

  it('links the rule ids of suppression comments to their documentation', async () => {
    const links: DocumentLink[] = await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uriOf('suppressions/disabled-rules.yaml') } });
    assert.deepEqual(
      links.map((link) => [link.range.start.line, link.target]),
      [
        [0, 'https://github.com/kube-stateful/kube-stateful/blob/main/docs/rules.md#pdb-missing'],
        [6, 'https://github.com/kube-stateful/kube-stateful/blob/main/docs/rules.md#service-not-found'],
      ],
    );
  });
});

describe('language server over stdio: code lens setting', () => {
  it('gives no code lens with kubeStateful.codeLens.enable off', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-lens-off-'));
    const file = path.join(folder, 'kafka.yaml');
    cpSync(path.join(FIXTURES, 'navigation', 'two-claim-templates.yaml'), file);
    const client = new TestClient({ validation: { delay: 0 }, codeLens: { enable: false } });
    try {
      await client.initialize(folder);
      await client.open(fileUri(file), readFileSync(file, 'utf8'));
      assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: fileUri(file) } }), []);
    } finally {
      await client.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
