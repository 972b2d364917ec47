import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';

/*
 * The Helm settings in the language server: `kubeStateful.helm.valuesFiles` (globs relative to
 * the chart, applied like `-f`) and `kubeStateful.helm.releaseName`, given at start-up or
 * changed while the server runs, change what the chart renders to and what it reports.
 */

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'helm', 'x');
/** The fixture's Service becomes headless when a values file says so. */
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x.fullname" . }}\nspec:\n{{- if .Values.headless }}\n  clusterIP: None\n{{- end }}\n  selector:\n    app: x\n  ports:\n    - port: 80\n';

let folder: string;
let client: TestClient;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-helm-settings-'));
  cpSync(FIXTURE, path.join(folder, 'x'), { recursive: true });
  writeFileSync(path.join(folder, 'x', 'templates', 'service.yaml'), SERVICE);
  writeFileSync(path.join(folder, 'x', 'values-headless.yaml'), 'headless: true\n');
});

afterEach(async () => {
  await client.shutdown();
  rmSync(folder, { recursive: true, force: true });
});

const chartFile = (relative: string) => path.join(folder, 'x', relative);
const statefulSet = () => fileUri(chartFile('templates/statefulset.yaml'));
const helm = (settings: Record<string, unknown>) => ({ validation: { delay: 0 }, helm: settings });

async function openStatefulSet(): Promise<void> {
  await client.initialize(folder);
  await client.open(statefulSet(), readFileSync(chartFile('templates/statefulset.yaml'), 'utf8'));
}

async function manifest(): Promise<string> {
  const result: { text: string } | null = await client.connection.sendRequest('kubeStateful/renderedManifest', { uri: statefulSet() });
  return result?.text ?? '';
}

describe('Helm settings', () => {
  it('renders with the values files the settings name, relative to the chart', async () => {
    client = new TestClient(helm({ valuesFiles: ['values-*.yaml'] }));
    await openStatefulSet();
    // The manifest is answered once the render is done, after the diagnostics it gave were sent.
    assert.match(await manifest(), /clusterIP: None/);
    const published = client.published(statefulSet());
    assert.ok(published, 'the open template has diagnostics');
    assert.deepEqual(codes(published.diagnostics).filter((code) => code === 'service-not-headless'), []);
  });

  it('renders again when valuesFiles changes, and the finding goes away', async () => {
    client = new TestClient(helm({}));
    await openStatefulSet();
    await client.diagnosticsFor(statefulSet(), (published) => codes(published).includes('service-not-headless'));
    assert.doesNotMatch(await manifest(), /clusterIP/);
    await client.changeSettings(helm({ valuesFiles: ['values-headless.yaml'] }));
    await client.diagnosticsFor(statefulSet(), (published) => !codes(published).includes('service-not-headless'));
    assert.match(await manifest(), /clusterIP: None/);
  });

  it('renders again when releaseName changes, in the manifest and in the messages', async () => {
    client = new TestClient(helm({}));
    await openStatefulSet();
    const before = await client.diagnosticsFor(statefulSet(), (published) => codes(published).includes('service-not-headless'));
    assert.match(String(before.find((diagnostic) => diagnostic.code === 'service-not-headless')!.message), /release-name-x/);
    await client.changeSettings(helm({ releaseName: 'orders' }));
    const after = await client.diagnosticsFor(statefulSet(), (published) =>
      published.some((diagnostic) => diagnostic.code === 'service-not-headless' && String(diagnostic.message).includes('orders-x')),
    );
    assert.equal(after.find((diagnostic) => diagnostic.code === 'service-not-headless')!.range.start.line, 5, 'still on the serviceName line');
    assert.match(await manifest(), /serviceName: orders-x/);
  });
});
