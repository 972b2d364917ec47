import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { FIXTURES } from '../helpers/rule-tester';
import { stageExtension } from '../helpers/vsix';
import { CodeServerSession } from './code-server';
import { editorEnvironment } from './environment';
import { launchBrowser, Workbench } from './workbench';

/**
 * The browser build in the browser extension host of code-server, a host whose extensions are
 * served from its server, where an extension may not create a Worker. A build whose manifest
 * has only the `browser` entry can run nowhere else, so its problems in the Problems panel
 * show that the extension and its in-process server run in the browser.
 */
it('runs the browser build in code-server’s browser extension host: the Problems panel lists a problem found across files', { timeout: 5 * 60_000 }, async () => {
  const environment = editorEnvironment();
  const staging = stageExtension();
  const manifestFile = path.join(staging.folder, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { main?: string; browser?: string };
  assert.ok(manifest.browser, 'the manifest has a browser entry');
  delete manifest.main;
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  staging.vsce('package', '--no-dependencies', '--out', 'kube-stateful-web.vsix');
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-web-host-'));
  cpSync(path.join(FIXTURES, 'e2e', 'split-service'), folder, { recursive: true });
  const session = await CodeServerSession.start(environment, path.join(staging.folder, 'kube-stateful-web.vsix'));
  const browser = await launchBrowser();
  try {
    const workbench = await Workbench.open(browser, session.folderUrl(folder));
    await workbench.openFile('statefulset.yaml');
    await workbench.showProblems();
    // The Service is in a file no editor has open: the server found and read it through the client.
    const problems = await workbench.waitForProblems((text) => text.includes('service-not-headless'), 'service-not-headless');
    assert.match(problems, /statefulset\.yaml/);
    assert.match(problems, /\[Ln 6, Col 16\]/);
    await workbench.screenshot('web-extension-host-problems', {
      clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.markers-panel .monaco-list-row')],
    });
    // Only the browser build's server says this.
    await workbench.command('Output: Show Output Channels...');
    await workbench.pick('Kube Stateful');
    const output = await workbench.waitFor(
      // The editor shows spaces as no-break spaces and wraps long lines.
      async () => (await workbench.page.locator('.output-view .view-lines').innerText()).replace(/\s+/g, ' '),
      (text) => text.includes('On the web'),
      'the web server’s line in the output channel',
      30_000,
    );
    assert.match(output, /not compared with their committed version/);
    assert.doesNotMatch(output, /\[error\]/i);
  } finally {
    await browser.close();
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
    rmSync(staging.folder, { recursive: true, force: true });
  }
});
