import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { FIXTURES } from '../helpers/rule-tester';
import { ROOT } from '../helpers/vsix';
import { editorEnvironment } from './environment';
import { freePort, ServerProcess } from './server-process';
import { launchBrowser } from './workbench';

/**
 * The extension-host suite (test/vscode/suite, also run by `npm run test:vscode` in a downloaded
 * VS Code) run in the VS Code server that code-server ships. A built workbench reads the
 * development extension and the tests from its `payload` URL parameter only when the server
 * enables the smoke-test driver, an option code-server itself refuses, hence its VS Code server.
 */
const SUMMARY = /kube-stateful extension tests: \d+ passed, \d+ failed/;

it('passes the extension-host API suite in VS Code for the web', { timeout: 5 * 60_000 }, async () => {
  const environment = editorEnvironment();
  const suite = spawnSync(process.execPath, ['esbuild.mjs', '--test-suite'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(suite.status, 0, suite.stderr);
  const state = mkdtempSync(path.join(tmpdir(), 'kube-stateful-vscode-server-'));
  const workspace = path.join(state, 'workspace');
  cpSync(path.join(FIXTURES, 'vscode-suite'), workspace, { recursive: true });
  const port = await freePort();
  const server = await ServerProcess.start(
    environment.node,
    [
      environment.vscodeServer,
      ...['--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms'],
      ...['--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust'],
      ...['--user-data-dir', path.join(state, 'user-data'), '--server-data-dir', path.join(state, 'server-data')],
      ...['--extensions-dir', path.join(state, 'extensions')],
    ],
    { ...process.env, PATH: environment.path },
    'Web UI available at',
  );
  const browser = await launchBrowser();
  const output: string[] = [];
  let trace = '';
  try {
    const page = await browser.newPage();
    page.on('console', (message) => output.push(message.text()));
    const remote = (file: string) => `vscode-remote://127.0.0.1:${port}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(ROOT, 'dist-test', 'vscode-suite.js'))],
    ];
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const deadline = Date.now() + 4 * 60_000;
    while (!output.some((line) => SUMMARY.test(line)) && Date.now() < deadline) await page.waitForTimeout(500);
  } finally {
    await browser.close();
    await server.stop();
    trace = channelLog(state, 'Kube Stateful.log');
    rmSync(state, { recursive: true, force: true });
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'test-results', 'extension-host-suite.log'), output.join('\n'));
  }
  const summary = output.find((line) => SUMMARY.test(line));
  const failures = output.filter((line) => /Error|✖|failing/.test(line)).slice(-20).join('\n');
  assert.match(summary ?? 'no summary: the suite did not finish', /4 passed, 0 failed/, failures);
  // The suite turned the verbose trace on, opened a copy of rollout.yaml and resolved its fixes.
  assert.match(trace, /Sending notification 'textDocument\/didOpen'\.\nParams: \{\n {4}"textDocument": \{\n {8}"uri": "untitled:/);
  assert.match(trace, /Received response 'codeAction\/resolve - \(\d+\)' in \d+ms/);
  assert.ok(!trace.includes('t0p-s3cret'), 'the password stays out of the trace');
});

/** The log file of an extension's output channel: VS Code writes one per channel under its logs folder. */
function channelLog(folder: string, name: string): string {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === name)
    .map((file) => readFileSync(path.join(folder, file), 'utf8'))
    .join('\n');
}
