import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { parseText, runCli } from '../cli/run-cli';
import { ENV_VARIABLE_COUNT, FLOW_SERVICE, HOSTILE_INPUTS, openInFreshServer, pseudoRandomBytes, STATEFULSET, type HostileInput } from '../../helpers/hostile-inputs';
import { codes } from '../../helpers/lsp-client';

/*
 * The hostile inputs of test/server/engine/hostile-input.test.ts, opened in the built server
 * over stdio as an editor would, and read from disk by the server and the command line. Each
 * runs in a server of its own, so that the time to its diagnostics and the server's memory
 * (resident now and at its peak, read from /proc as a process monitor would) are its own;
 * they are printed with the test results, and only the answers are asserted
 * (`npm run hostile-report` tabulates them).
 */

let opened: Awaited<ReturnType<typeof openInFreshServer>> | undefined;

/** Opens an input in a fresh server, prints what it cost, and checks the server still answers. */
async function open(t: TestContext, input: HostileInput): Promise<Diagnostic[]> {
  await opened?.done();
  opened = await openInFreshServer(input);
  const { client, uri, bytes, milliseconds, idle, used } = opened;
  t.diagnostic(
    `${(bytes / 1024).toFixed(0)} KB opened: diagnostics after ${milliseconds.toFixed(0)} ms; server resident ${used.rss} MB (${idle.rss} MB before), peak ${used.peak} MB`,
  );
  // The server still answers, so it neither crashed nor hangs.
  await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(client.exitCode, null);
  return opened.diagnostics;
}

describe('hostile input over stdio', () => {
  after(() => opened?.done());

  it('an alias expansion bomb: one syntax finding', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.billionLaughs);
    assert.deepEqual(codes(diagnostics), ['yaml-syntax']);
    assert.match(String(diagnostics[0].message), /repeats its aliases more than 1000 times/);
  });

  for (const [shape, input] of [
    ['flow', HOSTILE_INPUTS.flowNesting],
    ['block', HOSTILE_INPUTS.blockNesting],
  ] as const) {
    it(`100,000 levels of ${shape} nesting: the documents before it are checked`, async (t) => {
      const diagnostics = await open(t, input);
      assert.deepEqual(codes(diagnostics), ['service-name-missing', 'yaml-syntax']);
      assert.match(String(diagnostics[1].message), /nest more than 300 levels deep here/);
    });
  }

  it('a 50 MB file opened in the editor: one information finding', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.huge);
    assert.deepEqual(codes(diagnostics), ['file-too-large']);
    assert.equal(diagnostics[0].severity, 3);
  });

  it('binary content opened in the editor', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.binary);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.code === 'yaml-syntax'));
  });

  it('invalid UTF-8 and binary files on disk, read into the index as the editor reads them', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.invalidUtf8OnDisk);
    // The Service is found in the file with invalid bytes, so the StatefulSet has no finding about it.
    assert.deepEqual(codes(diagnostics).filter((code) => code.startsWith('service-')), []);
  });

  it('text with lone surrogates, NUL and other control characters', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.controlCharacters);
    assert.ok(codes(diagnostics).includes('service-name-missing'));
  });

  it('a byte order mark in a file on disk: related locations into it keep their columns', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.byteOrderMark);
    const notHeadless = diagnostics.find((diagnostic) => diagnostic.code === 'service-not-headless');
    const related = notHeadless?.relatedInformation?.[0].location.range.start;
    assert.deepEqual(related, { line: 0, character: FLOW_SERVICE.indexOf('name: web') });
  });

  it('CRLF line endings: the same ranges as with LF', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.crlf);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
      [
        ['service-selector-mismatch', { start: { line: 16, character: 19 }, end: { line: 16, character: 22 } }],
        ['selector-template-mismatch', { start: { line: 22, character: 10 }, end: { line: 22, character: 16 } }],
      ],
    );
  });

  for (const [input, expected] of [
    [HOSTILE_INPUTS.tabs, ['yaml-syntax 3:0']],
    [HOSTILE_INPUTS.mergeKeys, ['service-not-found 5:15', 'invalid-enum-value 17:27', 'invalid-enum-value 18:14']],
    [HOSTILE_INPUTS.sharedAnchor, ['service-name-invalid 8:19', 'service-name-invalid 24:10']],
    [HOSTILE_INPUTS.duplicateDocuments, ['service-name-invalid 5:15', 'service-name-invalid 23:15']],
    [HOSTILE_INPUTS.flowStyle, ['service-name-invalid 5:19', 'type-mismatch 9:97']],
  ] as [HostileInput, string[]][]) {
    it(`${input.title}: findings where they belong`, async (t) => {
      const diagnostics = await open(t, input);
      assert.deepEqual(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line}:${diagnostic.range.start.character}`), expected);
    });
  }

  it('YAML 1.1 booleans and octals, read as kubectl reads them', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.yaml11);
    assert.deepEqual(codes(diagnostics).filter((code) => code !== 'pdb-missing' && code !== 'anti-affinity-missing'), ['type-mismatch']);
    assert.match(String(diagnostics.find((diagnostic) => diagnostic.code === 'anti-affinity-missing')?.message), /the 8 pods/);
  });

  it(`${HOSTILE_INPUTS.manyCredentials.title}: one warning each, on its value`, async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.manyCredentials);
    const warnings = diagnostics.filter((diagnostic) => diagnostic.code === 'inline-secret');
    assert.equal(warnings.length, ENV_VARIABLE_COUNT);
    const text = HOSTILE_INPUTS.manyCredentials.text().split('\n');
    const last = warnings.at(-1)!.range;
    assert.equal(text[last.start.line].slice(last.start.character, last.end.character), `"Xk9mP2vL7qR4nT8w${ENV_VARIABLE_COUNT - 1}"`);
    assert.ok(warnings.every((warning) => !String(warning.message).includes('Xk9mP2vL7qR4nT8w')), 'no message repeats a value');
  });

  it(`${HOSTILE_INPUTS.manyPlainVariables.title}: no warning about them`, async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.manyPlainVariables);
    assert.deepEqual(codes(diagnostics).filter((code) => code === 'inline-secret' || code === 'env-value-conflict'), []);
  });

  it('a Helm template: one information finding', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.helm);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['helm-template', 3]]);
  });

  it('a kustomize patch: nothing its base supplies is reported', async (t) => {
    const diagnostics = await open(t, HOSTILE_INPUTS.kustomizePatch);
    assert.deepEqual(codes(diagnostics), []);
  });
});

describe('hostile files given to the command line', () => {
  let cliFolder: string;
  before(() => {
    cliFolder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-cli-hostile-'));
  });
  after(() => rmSync(cliFolder, { recursive: true, force: true }));

  it('binary content and invalid UTF-8 are linted, not crashed on', () => {
    writeFileSync(path.join(cliFolder, 'binary.yaml'), pseudoRandomBytes(64 * 1024));
    const [head, tail] = STATEFULSET.split('image: nginx');
    writeFileSync(path.join(cliFolder, 'invalid-utf8.yaml'), Buffer.concat([Buffer.from(`${head}image: ngi`), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(`nx${tail}`)]));
    for (const format of ['text', 'json']) {
      const run = runCli(['lint', '--format', format, 'binary.yaml', 'invalid-utf8.yaml'], cliFolder);
      assert.equal(run.status, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /at \w+ \(|Error:/);
      if (format === 'json') assert.ok((JSON.parse(run.stdout) as { file: string }[]).some((finding) => finding.file === 'binary.yaml'));
    }
    const findings = parseText(runCli(['lint', 'invalid-utf8.yaml'], cliFolder).stdout);
    assert.deepEqual(findings.map((finding) => `${finding.ruleId} ${finding.line}:${finding.column}`), ['service-name-missing 5:1']);
  });

  it('reports columns on the first line of a file with a byte order mark as an editor shows them', () => {
    const text = '{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: web}, spec: {serviceName: Web_Bad}}\n';
    writeFileSync(path.join(cliFolder, 'bom.yaml'), `\ufeff${text}`);
    const findings = parseText(runCli(['lint', 'bom.yaml'], cliFolder).stdout);
    assert.equal(findings.find((finding) => finding.ruleId === 'service-name-invalid')?.column, text.indexOf('Web_Bad') + 1);
  });
});
