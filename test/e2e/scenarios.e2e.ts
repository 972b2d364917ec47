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
  'Kube Stateful: Show Built Manifest',
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

  it("checks a kustomize overlay: the patch's problem that only the build has, and the built manifest", { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('kustomize-overlay', {}, async (workbench) => {
      await workbench.openFile('overlays/prod/pod-labels.yaml');
      await workbench.showProblems();
      const problems = await workbench.waitForProblems((text) => text.includes('selector-template-mismatch'), 'selector-template-mismatch on the patch');
      // The patched label, though the selector it no longer matches is in the base.
      assert.match(problems, /selector-template-mismatch\)?\s*\[Ln 9, Col 9\]/);
      await workbench.screenshot('8-kustomize-patch-problem', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.markers-panel .monaco-list-row')],
      });

      await workbench.command('View: Close Primary Side Bar');
      await workbench.command('Kube Stateful: Show Built Manifest');
      const built = workbench.editorGroup('prod (built).yaml');
      await built.waitFor({ timeout: 20_000 });
      await built.locator('.tab.active').click();
      await workbench.findInEditor('kind: StatefulSet');
      const shown = await workbench.waitFor(
        () => workbench.shownText(built),
        (text) => text.includes('app: db-v2'),
        'the built StatefulSet with the patched label in view',
        15_000,
      );
      assert.match(shown, /kind: StatefulSet/);
      await workbench.screenshot('8-kustomize-built-manifest', {
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

  it('navigates a StatefulSet across files: code lens, outline, definition, references and rename', { timeout: SCENARIO_TIMEOUT }, () =>
    inWorkspace('navigation', {}, async (workbench, folder) => {
      await workbench.openFile('statefulset.yaml');
      const lenses = await workbench.waitFor(
        () => workbench.codeLenses(),
        (titles) => titles.includes('governed by Service orders-db') && titles.includes('PDB: maxUnavailable 1'),
        'every lens of the StatefulSet resolved',
        30_000,
      );
      assert.deepEqual(lenses, ['governed by Service orders-db', '3 pods: orders-db-0 … orders-db-2', 'data 50Gi', 'PDB: maxUnavailable 1']);
      await workbench.screenshot('8-navigation-code-lens', {
        clip: [workbench.page.locator('.part.editor .tabs-and-actions-container'), workbench.page.locator('.editor-instance .view-line', { hasText: /^\s*template:/ })],
        readme: true,
      });

      // One object, with its namespace as detail, and its top-level fields below it. A busy workbench has left the
      // Outline view empty in clean-clone runs; Go to Symbol in Editor then shows the same symbols of the server.
      const outline = await workbench.outline((rows) => rows.length === 5).catch((error: unknown) => {
        console.log(`The Outline view stayed empty (${error instanceof Error ? error.message : String(error)}); reading Go to Symbol in Editor instead.`);
        return undefined;
      });
      if (outline) assert.deepEqual(outline, ['StatefulSet orders-db default', 'apiVersion', 'kind', 'metadata', 'spec']);
      else {
        // The pick names each field's object beside it, and no namespace.
        const fields = ['apiVersion', 'kind', 'metadata', 'spec'].map((field) => `${field} StatefulSet orders-db`);
        assert.deepEqual(await workbench.editorSymbols((rows) => rows.length === 5), ['StatefulSet orders-db', ...fields]);
      }
      await workbench.screenshot('8-navigation-outline', {
        clip: [workbench.page.locator('.part.sidebar'), workbench.page.locator('.part.editor')],
      });

      await workbench.clickToken(/serviceName:/, 'orders-db');
      await workbench.page.keyboard.press('F12');
      // The Service's metadata.name, where its name starts.
      await workbench.waitForCursor('service.yaml', 'Ln 4, Col 9');
      await workbench.screenshot('8-navigation-definition', { clip: [workbench.page.locator('.part.editor')] });
      // The lens above the StatefulSet goes to the same place, and selects the name.
      await workbench.openFile('statefulset.yaml');
      await workbench.page.locator('.editor-instance .codelens-decoration a', { hasText: 'governed by Service orders-db' }).click();
      await workbench.waitForCursor('service.yaml', 'Ln 4, Col 18 (9 selected)');

      await workbench.openFile('secret.yaml');
      await workbench.clickToken(/^\s*name:/, 'orders-db-credentials');
      // With a single reader VS Code would jump to it instead of listing; the fixture's StatefulSet has two.
      await workbench.page.keyboard.press('Shift+F12');
      const peek = workbench.page.locator('.reference-zone-widget');
      const readers = peek.locator('.ref-tree .monaco-list-row', { hasText: 'statefulset.yaml' });
      await readers.waitFor({ timeout: 15_000 });
      assert.match(await peek.locator('.peekview-title').innerText(), /References \(3\)/);
      await readers.click();
      const listed = await workbench.waitFor(
        () => peek.locator('.ref-tree').innerText(),
        (text) => text.match(/name: orders-db-credentials/g)?.length === 3,
        'the Secret and its two readers listed',
        15_000,
      );
      assert.match(listed, /secret\.yaml\s+1\s+name: orders-db-credentials\s+statefulset\.yaml\s+2\s+name: orders-db-credentials\s+name: orders-db-credentials/);
      await workbench.screenshot('8-navigation-references', { clip: [workbench.page.locator('.part.editor')] });
      await workbench.page.keyboard.press('Escape');

      await workbench.openFile('service.yaml');
      await workbench.clickToken(/^\s*name:/, 'orders-db');
      await workbench.rename('orders-db-headless');
      await workbench.page.locator('.notification-toast', { hasText: 'serviceName cannot change on a live cluster' }).waitFor({ timeout: 15_000 });
      await workbench.command('File: Save All');
      const onDisk = (file: string) => async () => readFileSync(path.join(folder, file), 'utf8');
      const original = (file: string) => readFileSync(path.join(FIXTURES, 'e2e', 'navigation', file), 'utf8');
      const service = await workbench.waitFor(onDisk('service.yaml'), (text) => text.includes('name: orders-db-headless'), 'the renamed Service saved', 15_000);
      const statefulSet = await workbench.waitFor(onDisk('statefulset.yaml'), (text) => text.includes('serviceName: orders-db-headless'), 'the StatefulSet saved with the new serviceName', 15_000);
      // Equal text that means something else stays: the labels, the StatefulSet's own name, the budget's name.
      assert.equal(service, original('service.yaml').replace('  name: orders-db\n', '  name: orders-db-headless\n'));
      assert.equal(statefulSet, original('statefulset.yaml').replace('serviceName: orders-db', 'serviceName: orders-db-headless'));
      assert.equal(await onDisk('pdb.yaml')(), original('pdb.yaml'));
      await workbench.openFile('statefulset.yaml');
      await workbench.showProblems();
      // Diagnostics follow the typing pause; give them the time to arrive before judging.
      await workbench.page.waitForTimeout(3000);
      await workbench.waitForProblems((text) => text.includes('No problems have been detected'), 'no problems after the rename');
      await workbench.screenshot('8-navigation-rename-no-problems', {
        clip: [workbench.page.locator('.part.editor'), workbench.page.locator('.markers-panel .message-box-container span')],
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
