import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Location, Position } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../../helpers/lsp-client';
import { positionOf, withCursor } from '../../helpers/positions';
import { FIXTURES } from '../../helpers/rule-tester';

const TEMPLATE = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "chart.name" . }}
  labels: {{ include "sub.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      containers:
        - name: app
          image: {{ .Values.image.repository }}:{{ .Values.image.tag }}
`;

describe('language server over stdio: Helm chart authoring', () => {
  let folder: string;
  let client: TestClient;
  let uri: string;
  let version = 1;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-helm-authoring-'));
    cpSync(path.join(FIXTURES, 'helm', 'authoring-chart'), path.join(folder, 'chart'), { recursive: true });
    uri = fileUri(path.join(folder, 'chart', 'templates', 'statefulset.yaml'));
    client = new TestClient({ validation: { delay: 0 } });
    await client.initialize(folder);
    await client.open(uri, TEMPLATE);
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  async function completeAt(marked: string, context?: { triggerKind: number; triggerCharacter?: string }): Promise<CompletionItem[]> {
    const { text, position } = withCursor(marked);
    await client.replace(uri, text, ++version);
    const result = await client.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position,
      context,
    });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async function definitionAt(position: Position): Promise<Location[]> {
    await client.replace(uri, TEMPLATE, ++version);
    return (await client.connection.sendRequest<Location[] | null>('textDocument/definition', { textDocument: { uri }, position })) ?? [];
  }

  it('offers the keys of values.yaml after .Values. with their values, in file order', async () => {
    const items = await completeAt('  replicas: {{ .Values.‸ }}\n', { triggerKind: 2, triggerCharacter: '.' });
    assert.deepEqual(
      items.map((item) => [item.label, item.detail]),
      [
        ['replicaCount', '1'],
        ['image', '{…} 2 keys'],
        ['service', '{…} 1 key'],
      ],
    );
    assert.deepEqual([...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((item) => item.label), ['replicaCount', 'image', 'service']);
  });

  it('offers nested keys after $.Values.image. and replaces a partly typed key', async () => {
    const items = await completeAt('  image: {{ $.Values.image.ta‸ }}\n');
    assert.deepEqual(items.map((item) => item.label), ['repository', 'tag']);
    const edit = items[1].textEdit as { range: { start: Position; end: Position }; newText: string };
    assert.deepEqual(edit.range, { start: { line: 0, character: 27 }, end: { line: 0, character: 29 } });
    assert.equal(edit.newText, 'tag');
  });

  it('opens nothing for a typed dot elsewhere', async () => {
    assert.deepEqual(await completeAt('  name: {{ .Release.‸ }}\n', { triggerKind: 2, triggerCharacter: '.' }), []);
  });

  it('goes from a .Values path to its key in values.yaml', async () => {
    const locations = await definitionAt(positionOf(TEMPLATE, 'tag', 1));
    assert.deepEqual(locations, [
      { uri: fileUri(path.join(folder, 'chart', 'values.yaml')), range: { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } } },
    ]);
  });

  it('goes from include "x" to define "x" in the chart and in its subcharts', async () => {
    assert.deepEqual(await definitionAt(positionOf(TEMPLATE, 'chart.name', 1)), [
      { uri: fileUri(path.join(folder, 'chart', 'templates', '_helpers.tpl')), range: { start: { line: 0, character: 11 }, end: { line: 0, character: 23 } } },
    ]);
    const sub = await definitionAt(positionOf(TEMPLATE, 'sub.labels', 1));
    assert.equal(sub[0].uri, fileUri(path.join(folder, 'chart', 'charts', 'sub', 'templates', '_helpers.tpl')));
  });

  it('finds nothing off a reference', async () => {
    assert.deepEqual(await definitionAt(positionOf(TEMPLATE, 'StatefulSet', 1)), []);
  });
});
