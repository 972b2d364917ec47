import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { parseText, runCli } from '../cli/run-cli';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';
import { FIXTURES } from '../../helpers/rule-tester';

/*
 * The hostile inputs of test/server/engine/hostile-input.test.ts, opened in the built server
 * over stdio as an editor would, and read from disk by the server and the command line. Each
 * runs in a server of its own, so that the time to its diagnostics and the server's memory
 * (resident now and at its peak, read from /proc as a process monitor would) are its own;
 * they are printed with the test results, and only the answers are asserted.
 */

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const STATEFULSET = fixture('rules/service-name-missing/no-service-name.yaml');
const HEADLESS_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n';

function billionLaughs(): string {
  const levels = Array.from({ length: 9 }, (_, level) => `  l${level + 1}: &l${level + 1} [${Array(9).fill(`*l${level}`).join(', ')}]`);
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  l0: &l0 lol', ...levels].join('\n') + '\n';
}

/** The same bytes on every run, spread over all 256 values. */
function pseudoRandomBytes(length: number): Buffer {
  const blocks = Array.from({ length: Math.ceil(length / 32) }, (_, index) => createHash('sha256').update(String(index)).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

/** Resident and peak memory of a process, in MB, as /proc reports them. */
function memoryOf(pid: number | undefined): { rss: number; peak: number } {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s*(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kilobytes('VmRSS') / 1024), peak: Math.round(kilobytes('VmHWM') / 1024) };
}

interface Measured {
  diagnostics: Diagnostic[];
  client: TestClient;
}

let folder: string;
let client: TestClient | undefined;

/**
 * Opens `text` in a fresh server whose folder holds `disk`, waits for its diagnostics, and
 * prints how long they took and the memory the server used.
 */
async function openInFreshServer(t: TestContext, text: string, disk: Record<string, string | Buffer> = {}, name = 'manifest.yaml'): Promise<Measured> {
  for (const [file, content] of Object.entries(disk)) writeFileSync(path.join(folder, file), content);
  client = new TestClient();
  await client.initialize(folder);
  const idle = memoryOf(client.pid);
  const uri = fileUri(path.join(folder, name));
  const started = performance.now();
  await client.open(uri, text);
  const diagnostics = await client.diagnosticsFor(uri, () => true, 60_000);
  const milliseconds = performance.now() - started;
  const used = memoryOf(client.pid);
  t.diagnostic(
    `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB opened: diagnostics after ${milliseconds.toFixed(0)} ms; server resident ${used.rss} MB (${idle.rss} MB before), peak ${used.peak} MB`,
  );
  // The server still answers, so it neither crashed nor hangs.
  await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(client.exitCode, null);
  return { diagnostics, client };
}

describe('hostile input over stdio', () => {
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-hostile-'));
  });
  after(async () => {
    await client?.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  const fresh = async () => {
    await client?.shutdown();
    client = undefined;
    rmSync(folder, { recursive: true, force: true });
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-hostile-'));
  };

  it('an alias expansion bomb: one syntax finding', async (t) => {
    await fresh();
    const { diagnostics } = await openInFreshServer(t, billionLaughs());
    assert.deepEqual(codes(diagnostics), ['yaml-syntax']);
    assert.match(String(diagnostics[0].message), /repeats its aliases more than 1000 times/);
  });

  for (const [shape, nested] of [
    ['flow', `spec: ${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['block', `spec:\n${'- '.repeat(100_000)}x`],
  ]) {
    it(`100,000 levels of ${shape} nesting: the documents before it are checked`, async (t) => {
      await fresh();
      const { diagnostics } = await openInFreshServer(t, `${STATEFULSET}---\n${nested}\n`);
      assert.deepEqual(codes(diagnostics), ['service-name-missing', 'yaml-syntax']);
      assert.match(String(diagnostics[1].message), /nest more than 300 levels deep here/);
    });
  }

  it('a 50 MB file opened in the editor: one information finding', async (t) => {
    await fresh();
    const { diagnostics } = await openInFreshServer(t, `${STATEFULSET}data: ${'x'.repeat(50 * 1024 * 1024)}\n`);
    assert.deepEqual(codes(diagnostics), ['file-too-large']);
    assert.equal(diagnostics[0].severity, 3);
  });

  it('binary content opened in the editor', async (t) => {
    await fresh();
    const { diagnostics } = await openInFreshServer(t, pseudoRandomBytes(256 * 1024).toString('latin1'));
    assert.ok(diagnostics.every((diagnostic) => diagnostic.code === 'yaml-syntax'));
  });

  it('invalid UTF-8 and binary files on disk, read into the index as the editor reads them', async (t) => {
    await fresh();
    const [head, tail] = HEADLESS_SERVICE.split('spec:');
    const service = Buffer.concat([Buffer.from(`${head}  annotations:\n    note: "`), Buffer.from([0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80]), Buffer.from(`"\nspec:${tail}`)]);
    const { diagnostics } = await openInFreshServer(t, STATEFULSET.replace('spec:\n', 'spec:\n  serviceName: web\n'), {
      'service.yaml': service,
      'binary.yaml': pseudoRandomBytes(64 * 1024),
    });
    // The Service is found in the file with invalid bytes, so the StatefulSet has no finding about it.
    assert.deepEqual(codes(diagnostics).filter((code) => code.startsWith('service-')), []);
  });

  it('text with lone surrogates, NUL and other control characters', async (t) => {
    await fresh();
    const { diagnostics } = await openInFreshServer(t, `${STATEFULSET}x: "\ud800 \udfff \u0000 \u0007 \uffff"\n\u0000: \u0001\n`);
    assert.ok(codes(diagnostics).includes('service-name-missing'));
  });

  it('a byte order mark in a file on disk: related locations into it keep their columns', async (t) => {
    await fresh();
    const service = '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}}}\n';
    const { diagnostics } = await openInFreshServer(t, STATEFULSET.replace('spec:\n', 'spec:\n  serviceName: web\n'), { 'service.yaml': `\ufeff${service}` });
    const notHeadless = diagnostics.find((diagnostic) => diagnostic.code === 'service-not-headless');
    const related = notHeadless?.relatedInformation?.[0].location.range.start;
    assert.deepEqual(related, { line: 0, character: service.indexOf('name: web') });
  });

  it('CRLF line endings: the same ranges as with LF', async (t) => {
    await fresh();
    const text = fixture('hostile-input/list-of-objects.yaml');
    const { diagnostics } = await openInFreshServer(t, text.replace(/\n/g, '\r\n'));
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
      [
        ['service-selector-mismatch', { start: { line: 16, character: 19 }, end: { line: 16, character: 22 } }],
        ['selector-template-mismatch', { start: { line: 22, character: 10 }, end: { line: 22, character: 16 } }],
      ],
    );
  });

  for (const [name, expected] of [
    ['tab-indentation.yaml', ['yaml-syntax 3:0']],
    ['merged-container.yaml', ['service-not-found 5:15', 'invalid-enum-value 17:27', 'invalid-enum-value 18:14']],
    ['list-items-sharing-an-anchor.yaml', ['service-name-invalid 8:19', 'service-name-invalid 24:10']],
    ['duplicate-documents.yaml', ['service-name-invalid 5:15', 'service-name-invalid 23:15']],
    ['json-style.yaml', ['service-name-invalid 5:19', 'type-mismatch 9:97']],
  ] as [string, string[]][]) {
    it(`${name.replace('.yaml', '').replace(/-/g, ' ')}: findings where they belong`, async (t) => {
      await fresh();
      const { diagnostics } = await openInFreshServer(t, fixture(`hostile-input/${name}`));
      assert.deepEqual(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line}:${diagnostic.range.start.character}`), expected);
    });
  }

  it('YAML 1.1 booleans and octals, read as kubectl reads them', async (t) => {
    await fresh();
    const { diagnostics } = await openInFreshServer(t, fixture('hostile-input/yaml-1.1-scalars.yaml'), { 'service.yaml': HEADLESS_SERVICE });
    assert.deepEqual(codes(diagnostics).filter((code) => code !== 'pdb-missing' && code !== 'anti-affinity-missing'), ['type-mismatch']);
    assert.match(String(diagnostics.find((diagnostic) => diagnostic.code === 'anti-affinity-missing')?.message), /the 8 pods/);
  });

  it('a Helm template: one information finding', async (t) => {
    await fresh();
    const { diagnostics } = await openInFreshServer(t, fixture('rules/helm-template/chart-template.yaml'));
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['helm-template', 3]]);
  });

  it('a kustomize patch: nothing its base supplies is reported', async (t) => {
    await fresh();
    const prod = 'kustomize/overlays/prod';
    const { diagnostics } = await openInFreshServer(
      t,
      fixture(`${prod}/statefulset-patch.yaml`),
      { 'kustomization.yaml': fixture(`${prod}/kustomization.yaml`) },
      'statefulset-patch.yaml',
    );
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
