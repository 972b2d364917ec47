import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../../helpers/lsp-client';
import { withCursor } from '../../helpers/positions';
import { FIXTURES } from '../../helpers/rule-tester';

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: ‸
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

/** Items in the order the editor lists them. */
function ordered(items: CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('language server over stdio: completion', () => {
  let folder: string;
  let client: TestClient;
  let uri: string;
  let version = 1;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-completion-'));
    cpSync(path.join(FIXTURES, 'completion', 'services.yaml'), path.join(folder, 'services.yaml'));
    uri = fileUri(path.join(folder, 'statefulset.yaml'));
    client = new TestClient({ validation: { delay: 0 } });
    await client.initialize(folder);
    await client.open(uri, withCursor(STATEFULSET).text);
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Puts the marked text in the editor, as typing would, and asks for completions at the mark. */
  async function completeAt(marked: string, context?: { triggerKind: number; triggerCharacter?: string }, on = client): Promise<CompletionItem[]> {
    const { text, position } = withCursor(marked);
    await on.replace(uri, text, ++version);
    const result = await on.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position,
      context,
    });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  it('offers first, after `serviceName: `, the headless Service of another file that selects the pods', async () => {
    const items = ordered(await completeAt(STATEFULSET));
    assert.deepEqual(items.map((item) => item.label), ['nginx', 'aaa-metrics']);
    assert.equal(items[0].preselect, true);
    assert.equal(items[0].detail, 'headless Service · selects these pods');
    assert.match(JSON.stringify(items[0].documentation), /services\.yaml/);
    assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 5, character: 15 }, end: { line: 5, character: 15 } });
  });

  it('opens the value list when a space is typed after the key', async () => {
    const items = await completeAt(STATEFULSET, { triggerKind: 2, triggerCharacter: ' ' });
    assert.equal(ordered(items)[0].label, 'nginx');
  });

  it('offers keys on a half-typed key, with the word as the range, in plain text for a client without snippets', async () => {
    const items = await completeAt(STATEFULSET.replace('  serviceName: ‸\n', '  serviceName: nginx\n  podMan‸\n'));
    const policy = items.find((item) => item.label === 'podManagementPolicy');
    assert.ok(policy);
    const edit = policy.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 8 } });
    assert.equal(edit.newText, 'podManagementPolicy: ');
    assert.equal(policy.insertTextFormat, 1);
    assert.equal(policy.kind, 10);
    assert.ok(!items.some((item) => item.label === 'replicas'), 'replicas is already present');
  });

  it('offers keys on a new empty line inside a mapping', async () => {
    const items = await completeAt(STATEFULSET.replace('  serviceName: ‸\n', '  serviceName: nginx\n  ‸\n'));
    const templates = items.find((item) => item.label === 'volumeClaimTemplates');
    assert.equal((templates?.textEdit as TextEdit).newText, 'volumeClaimTemplates:\n    - ');
    assert.equal(templates?.insertTextMode, 1);
  });

  it('keeps value completion and drops key completion with kubeStateful.completion.fields off', async () => {
    const quiet = new TestClient({ validation: { delay: 0 }, completion: { fields: false } });
    try {
      await quiet.initialize(folder);
      await quiet.open(uri, withCursor(STATEFULSET).text, 1);
      assert.deepEqual(await completeAt(STATEFULSET.replace('  serviceName: ‸\n', '  serviceName: nginx\n  ‸\n'), undefined, quiet), []);
      assert.equal(ordered(await completeAt(STATEFULSET, undefined, quiet))[0].label, 'nginx');
    } finally {
      await quiet.shutdown();
    }
  });

  it('answers, with nothing, in a file full of syntax errors', async () => {
    const position: Position = { line: 1, character: 3 };
    await client.replace(uri, '{{{ ]]]\n  - : : :\n\t\u0000', ++version);
    const result = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(result, []);
  });
});
