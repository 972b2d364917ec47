import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { commitFiles, initRepository } from '../helpers/git-fixture';
import { FIXTURES } from '../helpers/rule-tester';
import { packageExtension } from '../helpers/vsix';
import { CodeServerSession, type SessionOptions } from './code-server';
import { editorEnvironment, type EditorEnvironment } from './environment';
import { launchBrowser, Workbench } from './workbench';

/** A guard against a hung editor, far above what a scenario takes on a loaded machine (about 25 s). */
const SCENARIO_TIMEOUT = 180_000;

/** The commands of package.json, as the command palette shows them: category, colon, title. */
const COMMAND_TITLES = [
  'Kube Stateful: Insert Database Preset…',
  'Kube Stateful: Show Rule Documentation',
  'Kube Stateful: Restart Server',
  'Kube Stateful: Export JSON Schema',
  'Kube Stateful: Show Rendered Manifest',
  'Kube Stateful: Open Example StatefulSet',
];
/** The walkthrough of package.json, under the extension's id (publisher.name). */
const WALKTHROUGH = {
  id: 'kube-stateful.kube-stateful#kubeStateful.gettingStarted',
  title: 'Get Started with Kube Stateful',
  steps: [
    { id: 'kubeStateful.seeProblems', title: 'Open a StatefulSet and see its problems' },
    { id: 'kubeStateful.hoverAndPresets', title: 'Hover partition, or insert a preset' },
    { id: 'kubeStateful.fixInlinePassword', title: 'Move an inline password to a Secret' },
  ],
};

describe('the packaged extension in VS Code (code-server)', { timeout: 15 * 60_000 }, () => {
  let environment: EditorEnvironment;
  let vsix: string;
  let browser: Browser;

  before(async () => {
    environment = editorEnvironment();
    vsix = packageExtension();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (vsix) rmSync(path.dirname(vsix), { recursive: true, force: true });
  });

  /** Runs a scenario in a fresh copy of a fixture workspace, on its own code-server. */
  async function inWorkspace(
    fixture: string,
    options: SessionOptions,
    scenario: (workbench: Workbench, folder: string) => Promise<void>,
  ): Promise<void> {
    const folder = mkdtempSync(path.join(tmpdir(), `kube-stateful-${fixture}-`));
    cpSync(path.join(FIXTURES, 'e2e', fixture), folder, { recursive: true });
    const session = await CodeServerSession.start(environment, vsix, options);
    try {
      await scenario(await Workbench.open(browser, session.folderUrl(folder)), folder);
    } finally {
      await session.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }

  it('lists service-not-headless for a Service in another file, and clears it when the Service is fixed', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('split-service', {}, async (workbench) => {
      await workbench.openFile('statefulset.yaml');
      await workbench.showProblems();
      const problems = await workbench.waitForProblems((text) => text.includes('service-not-headless'), 'service-not-headless');
      assert.match(problems, /statefulset\.yaml/);
      assert.match(problems, /\[Ln 6, Col 16\]/);
      await workbench.screenshot('1-problems-service-not-headless', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.markers-panel .monaco-list-row')],
        readme: true,
      });
      await workbench.openFile('service.yaml');
      await workbench.placeCursorAfter('spec:');
      await workbench.insertText('\n  clusterIP: None');
      await workbench.waitForProblems((text) => !text.includes('service-not-headless'), 'the problem to clear');
      await workbench.screenshot('1-problems-cleared-after-fix');
    }),
  );

  it('explains in a hover which pods a partition lets a rollout update', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('rollout', {}, async (workbench) => {
      await workbench.openFile('rollout.yaml');
      // The file's own diagnostics show that the language server is up before hovering.
      await workbench.showProblems();
      await workbench.waitForProblems((text) => text.includes('inline-secret'), 'the server to check rollout.yaml');
      const hover = await workbench.hover('partition');
      assert.match(hover, /web-4/);
      assert.match(hover, /web-3/);
      assert.match(hover, /web-0/);
      await workbench.screenshot('2-partition-hover', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.monaco-hover')],
        readme: true,
      });
    }),
  );

  it('moves an inline password to a Secret in a new file with the quick fix', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('inline-password', {}, async (workbench, folder) => {
      await workbench.openFile('mysql.yaml');
      await workbench.showProblems();
      await workbench.waitForProblems((text) => text.includes('inline-secret'), 'the inline-secret warning');
      await workbench.goToProblem('inline-secret');
      const moveToNewFile = await workbench.showQuickFix('new file');
      await workbench.screenshot('3-secret-quick-fix-menu', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.action-widget')],
        readme: true,
      });
      await moveToNewFile.click();
      await workbench.command('File: Save All');
      const secretFile = path.join(folder, 'mysql-credentials.secret.yaml');
      await workbench.waitFor(async () => existsSync(secretFile), Boolean, 'the Secret file on disk', 15_000);
      await workbench.waitFor(
        async () => readFileSync(path.join(folder, 'mysql.yaml'), 'utf8'),
        (text) => text.includes('secretKeyRef'),
        'the StatefulSet saved with secretKeyRef',
        15_000,
      );
      assert.ok(!readFileSync(path.join(folder, 'mysql.yaml'), 'utf8').includes('Kx9#v!2q-root'));
      assert.match(readFileSync(secretFile, 'utf8'), /Kx9#v!2q-root/);
      await workbench.waitForProblems((text) => !text.includes('inline-secret'), 'the warning to clear');
      await workbench.screenshot('3-secret-quick-fix-applied');
    }),
  );

  it('checks a Helm chart: the problem on the template line, what an action renders to, and the rendered manifest', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('helm-chart', {}, async (workbench) => {
      await workbench.openFile('templates/statefulset.yaml');
      await workbench.showProblems();
      const problems = await workbench.waitForProblems((text) => text.includes('service-not-headless'), 'service-not-headless on the template');
      assert.match(problems, /Service 'release-name-orders-db'/);
      // The serviceName line of the template, at its action; the Service's template is related information.
      assert.match(problems, /service-not-headless\)?\s*\[Ln 8, Col 16\]/);
      assert.match(problems, /service\.yaml\s*\[Ln 4, Col 3\]/);
      await workbench.screenshot('7-helm-problems-on-template', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.markers-panel .monaco-list-row')],
      });

      // The action that names the StatefulSet, on a line with no problem whose hover would crowd it.
      const hover = await workbench.hoverOnLine(/^\s*name:\s\{\{/, 'orders-db.fullname', /Renders to/);
      assert.match(hover, /Renders to\s+release-name-orders-db(\s|$)/);
      await workbench.screenshot('7-helm-action-hover', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.monaco-hover')],
      });
      await workbench.page.keyboard.press('Escape');

      // Room for the template and its rendering side by side.
      await workbench.command('View: Close Primary Side Bar');
      await workbench.command('Kube Stateful: Show Rendered Manifest');
      const rendered = workbench.editorGroup('statefulset.yaml (rendered)');
      await rendered.waitFor({ timeout: 20_000 });
      await rendered.locator('.tab.active').click();
      await workbench.findInEditor('# Source: orders-db/templates/statefulset.yaml');
      const shown = await workbench.waitFor(
        () => workbench.shownText(rendered),
        (text) => text.includes('serviceName: release-name-orders-db'),
        'the rendered StatefulSet in view',
        15_000,
      );
      assert.match(shown, /# Source: orders-db\/templates\/statefulset\.yaml/);
      assert.match(shown, /kind: StatefulSet/);
      await workbench.screenshot('7-helm-rendered-manifest', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.markers-panel .monaco-list-row')],
        readme: true,
      });
    }),
  );

  it('warns when the claim template storage changes from the committed version, with the committed line', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('committed-storage', {}, async (workbench, folder) => {
      initRepository(folder);
      commitFiles(folder, {}, 'first install');
      await workbench.openFile('statefulset.yaml');
      await workbench.showProblems();
      await workbench.waitForProblems((text) => text.includes('service-not-found'), 'the server to check statefulset.yaml');
      // The size is below the fold: focus the editor, find the size, and type over the match.
      await workbench.placeCursorAfter('StatefulSet');
      await workbench.findInEditor('1Gi');
      await workbench.insertText('2Gi');
      const problems = await workbench.waitForProblems((text) => text.includes('immutable-field-changed'), 'immutable-field-changed');
      assert.match(problems, /spec\.volumeClaimTemplates\[0\]\.spec\.resources\.requests\.storage changed from 1Gi at HEAD to 2Gi/);
      // The related information: the line of the committed version, under the warning.
      assert.match(problems, /spec\.volumeClaimTemplates\[0\]\.spec\.resources\.requests\.storage at HEAD: 1Gi/);
      assert.match(problems, /\[Ln 30, Col 13\][^]*\[Ln 30, Col 13\]/);
      await workbench.screenshot('8-immutable-storage-change', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.markers-panel .monaco-list-row')],
        readme: true,
      });
    }),
  );

  it('inserts the PostgreSQL preset from its snippet prefix, with no problems', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('empty-file', {}, async (workbench, folder) => {
      await workbench.openFile('database.yaml');
      await workbench.acceptSuggestion('sts-postgres');
      await workbench.page.keyboard.press('Escape');
      await workbench.page.keyboard.press('Control+S');
      await workbench.waitFor(
        async () => readFileSync(path.join(folder, 'database.yaml'), 'utf8'),
        (text) => text.includes('kind: StatefulSet'),
        'the preset saved',
        15_000,
      );
      await workbench.showProblems();
      // Diagnostics follow the typing pause; give them the time to arrive before judging.
      await workbench.page.waitForTimeout(3000);
      await workbench.waitForProblems((text) => text.includes('No problems have been detected'), 'no problems');
      await workbench.screenshot('4-postgres-preset-no-problems', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.markers-panel .message-box-container span')],
        readme: true,
      });
    }),
  );

  it('checks files in Restricted Mode (an untrusted folder)', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('split-service', { restricted: true }, async (workbench) => {
      await workbench.page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor({ timeout: 20_000 });
      await workbench.openFile('statefulset.yaml');
      await workbench.showProblems();
      await workbench.waitForProblems((text) => text.includes('service-not-headless'), 'diagnostics in Restricted Mode');
      await workbench.screenshot('5-restricted-mode-diagnostics');
    }),
  );

  it('lists its commands in the command palette and shows its walkthrough', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('empty-file', {}, async (workbench) => {
      // No command has a when-clause or a commandPalette menu entry, so all show with no file open.
      // Fails with the entries it saw when one of the titles is missing.
      await workbench.waitFor(
        () => workbench.searchCommands('Kube Stateful'),
        (labels) => COMMAND_TITLES.every((title) => labels.includes(title)),
        'every Kube Stateful command in the command palette',
        15_000,
      );
      await workbench.screenshot('6-command-palette', { clip: [workbench.page.locator('.quick-input-widget')] });
      await workbench.page.keyboard.press('Escape');
      await workbench.command('Welcome: Open Walkthrough');
      await workbench.pick(WALKTHROUGH.title);
      const shown = await workbench.walkthrough(WALKTHROUGH.id);
      assert.equal(shown.title, WALKTHROUGH.title);
      assert.deepEqual(shown.steps, WALKTHROUGH.steps);
      await workbench.screenshot('6-walkthrough', { clip: [workbench.page.locator('.part.editor')] });
    }),
  );
});
