import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../../server/src/engine/analyze';
import { Workspace } from '../../../server/src/engine/workspace/workspace';
import { applyWorkspaceEdit, changedUntouchedLines } from '../../helpers/apply-edits';
import { fileUri, TestClient } from '../../helpers/lsp-client';
import { positionOf } from '../../helpers/positions';
import { FIXTURES } from '../../helpers/rule-tester';

/** The findings of every file, as `file rule line`, from a workspace made afresh of these texts. */
function freshFindings(texts: ReadonlyMap<string, string>): string[] {
  const workspace = new Workspace();
  for (const [uri, text] of texts) workspace.set(uri, text);
  return [...texts.keys()].flatMap((uri) => analyze(workspace, uri).map((finding) => `${path.basename(uri)} ${finding.ruleId} ${finding.range.start.line}`)).sort();
}

describe('language server over stdio: renaming a Service used by two StatefulSets in two files', () => {
  let folder: string;
  let client: TestClient;
  let texts: Map<string, string>;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-rename-'));
    cpSync(path.join(FIXTURES, 'navigation', 'shared-service'), folder, { recursive: true });
    texts = new Map(readdirSync(folder).map((file) => [fileUri(path.join(folder, file)), readFileSync(path.join(folder, file), 'utf8')]));
    client = new TestClient({ validation: { delay: 0 } });
    await client.initialize(folder, { workspace: { workspaceEdit: { documentChanges: true } }, textDocument: { rename: { prepareSupport: true } } });
    // Only the Service is open: the StatefulSets are read from disk.
    await client.open(uriOf('service-cache-crlf.yaml'), texts.get(uriOf('service-cache-crlf.yaml'))!);
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  const uriOf = (file: string) => fileUri(path.join(folder, file));

  it('edits only the names, leaving every other line byte for byte, CRLF and comments included, and a fresh analysis finds nothing new', async () => {
    const service = uriOf('service-cache-crlf.yaml');
    const position = positionOf(texts.get(service)!, 'name: cache', 6);
    const prepared = await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: service }, position });
    assert.deepEqual(prepared, { range: { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } }, placeholder: 'cache' });
    const edit: WorkspaceEdit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: service }, position, newName: 'cache-headless' });
    const versions = (edit.documentChanges ?? []).map((change) => ('textDocument' in change ? [path.basename(change.textDocument.uri), change.textDocument.version] : []));
    assert.deepEqual(versions.sort(), [['service-cache-crlf.yaml', 1], ['statefulset-cache-a.yaml', null], ['statefulset-cache-b-crlf.yaml', null]]);

    const applied = applyWorkspaceEdit(texts, edit);
    for (const [uri, original] of texts) {
      assert.deepEqual(changedUntouchedLines(original, applied.edits.get(uri) ?? [], applied.files.get(uri)!), [], path.basename(uri));
    }
    const changed = [...texts].flatMap(([uri, original]) => {
      const before = original.split('\n');
      return applied.files.get(uri)!.split('\n').flatMap((line, index) => (line === before[index] ? [] : [`${path.basename(uri)}:${index + 1} ${JSON.stringify(line)}`]));
    });
    assert.deepEqual(changed.sort(), [
      'service-cache-crlf.yaml:5 "  name: cache-headless # renamed with its StatefulSets\\r"',
      'statefulset-cache-a.yaml:9 "  serviceName: cache-headless   # the governing Service"',
      'statefulset-cache-b-crlf.yaml:9 "  serviceName: cache-headless   # the governing Service\\r"',
    ]);
    assert.deepEqual(freshFindings(applied.files), freshFindings(texts));
  });

  it('warns that a live cluster refuses the change of serviceName', async () => {
    // The warning is a notification of its own: it may arrive after the rename's answer.
    const warning = await client.waitForMessage(/^serviceName cannot change/);
    assert.match(warning.message, /refuses this change to StatefulSet 'cache-a', 'cache-b'/);
  });
});
