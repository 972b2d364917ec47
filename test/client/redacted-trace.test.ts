import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogLevel } from 'vscode';
import { redactedTraceChannel, redactTraceEntry } from '../../client/src/redacted-trace';
import { RecordingChannel } from '../helpers/trace-channel';

/*
 * Entries as vscode-languageclient writes them in its trace, at the verbose level: the line
 * saying what happened, then the message's JSON indented by four spaces.
 */
const PASSWORD = 'Zr8pK3mW6tQ9vB2x';
const MANIFEST = `kind: StatefulSet\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: DB_PASSWORD\n              value: "${PASSWORD}"\n`;
const URI = 'file:///work/db/statefulset.yaml';
const verbose = (what: string, label: string, json: unknown) => `${what}\n${label}: ${JSON.stringify(json, null, 4)}`;
const payloadOf = (entry: string) => JSON.parse(entry.slice(entry.indexOf(': ') + 2));

describe('the client trace without document texts', () => {
  it('keeps what was sent about an opened document, but not its text', () => {
    const entry = verbose("Sending notification 'textDocument/didOpen'.", 'Params', {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: MANIFEST },
    });
    const redacted = redactTraceEntry(entry);
    assert.ok(!redacted.includes(PASSWORD));
    assert.ok(redacted.startsWith("Sending notification 'textDocument/didOpen'.\nParams: {\n    \"textDocument\""));
    assert.deepEqual(payloadOf(redacted), {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: `[${MANIFEST.length} characters not traced]` },
    });
  });

  it('keeps the range of each change, whole or in part, but not the text typed', () => {
    const range = { start: { line: 7, character: 22 }, end: { line: 7, character: 22 } };
    const entry = verbose("Sending notification 'textDocument/didChange'.", 'Params', {
      textDocument: { uri: URI, version: 4 },
      contentChanges: [{ range, rangeLength: 0, text: PASSWORD }, { text: MANIFEST }],
    });
    assert.deepEqual(payloadOf(redactTraceEntry(entry)), {
      textDocument: { uri: URI, version: 4 },
      contentChanges: [{ range, rangeLength: 0, text: `[${PASSWORD.length} characters not traced]` }, { text: `[${MANIFEST.length} characters not traced]` }],
    });
  });

  it('keeps the files and places a resolved fix edits, but not what it writes there', () => {
    const secretUri = 'file:///work/db/web-credentials.secret.yaml';
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const secret = `stringData:\n  db-password: "${PASSWORD}"\n`;
    const entry = verbose("Received response 'codeAction/resolve - (12)' in 4ms.", 'Result', {
      title: "Move 'DB_PASSWORD' to Secret 'web-credentials' in new file web-credentials.secret.yaml",
      edit: {
        documentChanges: [
          { kind: 'create', uri: secretUri },
          { textDocument: { uri: secretUri, version: null }, edits: [{ range: at, newText: secret }] },
        ],
      },
    });
    const redacted = redactTraceEntry(entry);
    assert.ok(!redacted.includes(PASSWORD));
    assert.ok(redacted.startsWith("Received response 'codeAction/resolve - (12)' in 4ms.\nResult: "));
    const { title, edit } = payloadOf(redacted);
    assert.match(title, /^Move 'DB_PASSWORD' to Secret/);
    assert.deepEqual(edit.documentChanges[0], { kind: 'create', uri: secretUri });
    assert.deepEqual(edit.documentChanges[1].edits, [{ range: at, newText: `[${secret.length} characters not traced]` }]);
  });

  it('redacts the JSON trace format and compact payloads in their own layout', () => {
    const message = { jsonrpc: '2.0', method: 'textDocument/didSave', params: { textDocument: { uri: URI }, text: MANIFEST } };
    const json = JSON.parse(redactTraceEntry(JSON.stringify({ isLSPMessage: true, type: 'send-notification', message, timestamp: 1 })));
    assert.equal(json.message.method, 'textDocument/didSave');
    assert.equal(json.message.params.text, `[${MANIFEST.length} characters not traced]`);
    const compact = redactTraceEntry(`Sending notification 'textDocument/didSave'.\nParams: ${JSON.stringify(message.params)}`);
    assert.equal(compact, `Sending notification 'textDocument/didSave'.\nParams: {"textDocument":{"uri":"${URI}"},"text":"[${MANIFEST.length} characters not traced]"}`);
  });

  it('leaves entries without document text as they are, and drops a payload it cannot read', () => {
    for (const entry of [
      "Sending request 'shutdown - (3)'.",
      "Received response 'textDocument/hover - (7)' in 2ms.\nNo result returned.",
      verbose("Received notification 'window/logMessage'.", 'Params', { type: 3, message: 'Indexed 4 YAML files in 1 workspace folder(s).' }),
    ]) {
      assert.equal(redactTraceEntry(entry), entry);
    }
    const broken = `Sending notification 'textDocument/didOpen'.\nParams: {"textDocument": {"text": "${PASSWORD}`;
    assert.equal(redactTraceEntry(broken), "Sending notification 'textDocument/didOpen'.\nParams: [not traced: not JSON]");
  });
});

describe('the trace channel given to the language client', () => {
  it('writes redacted entries to the output channel, at whatever level they come', () => {
    const channel = new RecordingChannel();
    const trace = redactedTraceChannel(channel);
    const entry = verbose("Sending notification 'textDocument/didOpen'.", 'Params', { textDocument: { uri: URI, text: MANIFEST } });
    trace.trace(entry);
    trace.info(entry);
    trace.appendLine(entry);
    assert.equal(channel.lines.length, 3);
    assert.ok(channel.lines.every((line) => line.includes(URI) && !line.includes(PASSWORD)));
  });

  it('follows the output channel’s log level, which turns the client’s trace on and off', () => {
    const channel = new RecordingChannel();
    const trace = redactedTraceChannel(channel);
    const seen: LogLevel[] = [];
    trace.onDidChangeLogLevel((level) => seen.push(level));
    const info = 3 as LogLevel;
    channel.changeLevel(info);
    assert.equal(trace.logLevel, info);
    assert.deepEqual(seen, [info]);
  });
});
