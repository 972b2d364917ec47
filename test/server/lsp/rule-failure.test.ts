import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, it } from 'node:test';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ruleById } from '../../../server/src/engine/rules';
import { LanguageServer } from '../../../server/src/lsp/language-server';
import { nodeHost } from '../../../server/src/lsp/node-host';
import { FIXTURES } from '../../helpers/rule-tester';

/*
 * A rule with a bug, seen from the editor: the product has no switch to plant one, so this test
 * runs the LanguageServer class in this process, over in-memory streams, with one real rule's
 * check replaced by one that throws.
 */

const BROKEN = 'type-mismatch';
const rule = ruleById(BROKEN)!;
const check = rule.check;

afterEach(() => {
  rule.check = check;
});

it('isolates a rule that throws: the other rules still report, and one log line names it', async () => {
  rule.check = () => {
    throw new Error('simulated bug');
  };
  const [toServer, toClient] = [new PassThrough(), new PassThrough()];
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  new LanguageServer(connection, nodeHost(connection)).listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('window/logMessage', ({ message }: { message: string }) => void logs.push(message));
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void published.push(params));
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { settings: { validation: { delay: 0 } } } });
  await client.sendNotification('initialized', {});

  // The fixture has a type mismatch, and findings of three other rules.
  const uri = 'file:///work/app/statefulset.yaml';
  const text = readFileSync(path.join(FIXTURES, 'hostile-input', 'yaml-1.1-scalars.yaml'), 'utf8');
  await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  for (let version = 2; version <= 4; version++) {
    await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${text}# edit ${version}\n` }] });
  }
  // A round trip: everything sent before the answer has been handled.
  await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });

  const last = published.filter((params) => params.uri === uri).at(-1);
  assert.equal(last?.version, 4);
  assert.deepEqual(last?.diagnostics.map((diagnostic) => diagnostic.code), ['service-not-found', 'pdb-missing', 'anti-affinity-missing']);
  const failures = logs.filter((line) => line.includes(BROKEN));
  assert.equal(failures.length, 1, logs.join('\n'));
  assert.match(failures[0], /^Rule 'type-mismatch' failed and was skipped; other rules still ran\. Error: simulated bug/);
  client.dispose();
});
