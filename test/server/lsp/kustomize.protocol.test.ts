import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';

/*
 * Kustomize builds in the language server: every kustomization is built in-process, the findings
 * of the built objects go to the base, patch or kustomization line that wrote the value, and a
 * build runs again when any file it read is edited, unsaved text winning over the disk.
 */

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

let folder: string;
let client: TestClient;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-kustomize-'));
  cpSync(path.join(FIXTURES, 'kustomize'), path.join(folder, 'kustomize'), { recursive: true });
  cpSync(path.join(FIXTURES, 'rules', 'patch-replaces-claim-templates'), path.join(folder, 'claim-templates'), { recursive: true });
});

afterEach(async () => {
  await client.shutdown();
  rmSync(folder, { recursive: true, force: true });
});

const file = (relative: string) => path.join(folder, relative);
const text = (relative: string) => readFileSync(file(relative), 'utf8');

async function opened(relative: string): Promise<string> {
  client = new TestClient();
  await client.initialize(folder);
  const uri = fileUri(file(relative));
  await client.open(uri, text(relative));
  return uri;
}

type Answer = { text?: string; kustomization?: string; choices?: { kustomization: string; label: string }[] } | null;

describe('Kustomize builds', () => {
  it('gives a commonLabels base no false selector errors: it is checked as built', async () => {
    const statefulSet = await opened('kustomize/common-labels-base/statefulset.yaml');
    const built = await client.connection.sendRequest<Answer>('kubeStateful/builtManifest', { uri: statefulSet });
    assert.match(built?.text ?? '', /matchLabels:\n\s+app: db/, 'the build gave the selector');
    const diagnostics = await client.diagnosticsFor(statefulSet, () => true);
    for (const rule of ['selector-template-mismatch', 'service-selector-mismatch']) assert.ok(!codes(diagnostics).includes(rule), rule);
  });

  it('builds a kustomization file named Kustomization, without an extension, that no editor shows', async () => {
    const statefulSet = await opened('kustomize/extensionless-kustomization/statefulset.yaml');
    const built = await client.connection.sendRequest<Answer>('kubeStateful/builtManifest', { uri: statefulSet });
    assert.match(built?.text ?? '', /matchLabels:\n\s+app: db/, 'the build gave the selector');
    const diagnostics = await client.diagnosticsFor(statefulSet, () => true);
    for (const rule of ['selector-template-mismatch', 'service-selector-mismatch']) assert.ok(!codes(diagnostics).includes(rule), rule);
  });

  it("reports a patch's pod labels that leave the selector on the patch's line", async () => {
    const patch = await opened('kustomize/label-patch/overlays/prod/pod-labels.yaml');
    const diagnostics = await client.diagnosticsFor(patch, (published) => codes(published).includes('selector-template-mismatch'));
    assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'selector-template-mismatch')!.range.start.line, 8);
  });

  it('warns of a volumeClaimTemplates patch that drops a claim template', async () => {
    const patch = await opened('claim-templates/drops-logs/storage.yaml');
    const diagnostics = await client.diagnosticsFor(patch, (published) => codes(published).includes('patch-replaces-claim-templates'));
    assert.match(String(diagnostics.find((diagnostic) => diagnostic.code === 'patch-replaces-claim-templates')!.message), /drops 'logs'/);
  });

  it('names the overlay whose namespace moves the StatefulSet away from its headless Service', async () => {
    const statefulSet = await opened('kustomize/namespace-overlay/base/statefulset.yaml');
    const diagnostics = await client.diagnosticsFor(statefulSet, (published) => codes(published).includes('service-namespace-mismatch'));
    assert.match(String(diagnostics.find((diagnostic) => diagnostic.code === 'service-namespace-mismatch')!.message), /\(in overlays\/prod\)$/);
  });

  it('moves the finding when the patch is edited, then when the base is', async () => {
    const patch = await opened('kustomize/label-patch/overlays/prod/pod-labels.yaml');
    await client.diagnosticsFor(patch, (published) => codes(published).includes('selector-template-mismatch'));
    await client.replace(patch, text('kustomize/label-patch/overlays/prod/pod-labels.yaml').replace('db-v2', 'db'), 2);
    await client.diagnosticsFor(patch, (published) => !codes(published).includes('selector-template-mismatch'));
    const base = fileUri(file('kustomize/label-patch/base/statefulset.yaml'));
    const baseText = text('kustomize/label-patch/base/statefulset.yaml');
    await client.open(base, baseText);
    await client.replace(base, baseText.replace('      app: db\n  template', '      app: other\n  template'), 2);
    await client.diagnosticsFor(patch, (published) => codes(published).includes('selector-template-mismatch'));
  });

  it('answers the built-manifest request: the kustomizations to pick from, then the one picked', async () => {
    const statefulSet = await opened('kustomize/label-patch/base/statefulset.yaml');
    const answer = await client.connection.sendRequest<Answer>('kubeStateful/builtManifest', { uri: statefulSet });
    assert.deepEqual(answer?.choices?.map((choice) => choice.label).sort(), ['.', '../overlays/prod']);
    const prod = answer!.choices!.find((choice) => choice.label === '../overlays/prod')!;
    const built = await client.connection.sendRequest<Answer>('kubeStateful/builtManifest', { uri: statefulSet, kustomization: prod.kustomization });
    assert.match(built?.text ?? '', /app: db-v2/);
    assert.match(built?.text ?? '', /^apiVersion: v1\nkind: Service/, 'in kustomize build order');
  });
});
