import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';

/*
 * Helm charts in the language server: the server renders each chart in-process, reports the
 * findings of the rendered objects on template lines, and renders again as templates, helpers
 * and values are edited, unsaved text winning over the disk.
 */

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'helm', 'x');

let folder: string;
let client: TestClient;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-helm-'));
  cpSync(FIXTURE, path.join(folder, 'x'), { recursive: true });
});

afterEach(async () => {
  await client.shutdown();
  rmSync(folder, { recursive: true, force: true });
});

const chartFile = (relative: string) => path.join(folder, 'x', relative);
const text = (relative: string) => readFileSync(chartFile(relative), 'utf8');

describe('Helm charts', () => {
  it('reports a rendered finding on the template line, with related information on the other template', async () => {
    client = new TestClient();
    await client.initialize(folder);
    const statefulSet = fileUri(chartFile('templates/statefulset.yaml'));
    await client.open(statefulSet, text('templates/statefulset.yaml'));
    const diagnostics = await client.diagnosticsFor(statefulSet, (published) => codes(published).includes('service-not-headless'));
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'service-not-headless')!;
    assert.equal(finding.range.start.line, 5, 'on the serviceName line of the template');
    assert.ok(
      finding.relatedInformation?.some((related) => related.location.uri === fileUri(chartFile('templates/service.yaml'))),
      'the related information points at the Service template',
    );
  });

  it('answers a hover on an action with what it renders to, after the chart rendered', async () => {
    client = new TestClient();
    await client.initialize(folder);
    const statefulSet = fileUri(chartFile('templates/statefulset.yaml'));
    await client.open(statefulSet, text('templates/statefulset.yaml'));
    await client.diagnosticsFor(statefulSet, (published) => codes(published).includes('service-not-headless'));
    const imageLine = text('templates/statefulset.yaml').split('\n').findIndex((line) => line.includes('{{ .Values.image }}'));
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: statefulSet },
      position: { line: imageLine, character: 22 },
    });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /\*\*Renders to\*\*\n\n```yaml\nnginx:1\.27\n```/);
    assert.equal(hover?.range?.start.line, imageLine);
  });

  it('renders again when an open template is edited without saving, and the finding goes away', async () => {
    client = new TestClient();
    await client.initialize(folder);
    const statefulSet = fileUri(chartFile('templates/statefulset.yaml'));
    const service = fileUri(chartFile('templates/service.yaml'));
    await client.open(statefulSet, text('templates/statefulset.yaml'));
    await client.diagnosticsFor(statefulSet, (published) => codes(published).includes('service-not-headless'));
    const original = text('templates/service.yaml');
    await client.open(service, original);
    await client.replace(service, original.replace('spec:\n', 'spec:\n  clusterIP: None\n'), 2);
    await client.diagnosticsFor(statefulSet, (published) => !codes(published).includes('service-not-headless'));
  });

  it("publishes an edited template's findings once the chart rendered again, never the old render's on the new lines", async () => {
    client = new TestClient();
    await client.initialize(folder);
    const statefulSet = fileUri(chartFile('templates/statefulset.yaml'));
    const original = text('templates/statefulset.yaml');
    await client.open(statefulSet, original);
    await client.diagnosticsFor(statefulSet, (published) => codes(published).includes('service-not-headless'));
    const before = client.publications.length;
    await client.replace(statefulSet, `# orders database\n${original}`, 2);
    const serviceNameLine = (diagnostics: Diagnostic[]) => diagnostics.find((diagnostic) => diagnostic.code === 'service-not-headless')?.range.start.line;
    await client.diagnosticsFor(statefulSet, (published) => serviceNameLine(published) === 6);
    const lines = client.publications.slice(before).filter((published) => published.uri === statefulSet).map((published) => serviceNameLine(published.diagnostics));
    assert.deepEqual(lines, [6], 'one publication after the edit, with the finding on the moved serviceName line');
  });

  it('reports a render error at the failing action', async () => {
    const broken = text('templates/statefulset.yaml').replace('app: x\n  template', 'app: {{ required "name is required" .Values.missing }}\n  template');
    writeFileSync(chartFile('templates/statefulset.yaml'), broken);
    client = new TestClient();
    await client.initialize(folder);
    const statefulSet = fileUri(chartFile('templates/statefulset.yaml'));
    await client.open(statefulSet, broken);
    const diagnostics = await client.diagnosticsFor(statefulSet, (published) => codes(published).includes('helm-render-error'));
    const error = diagnostics.find((diagnostic) => diagnostic.code === 'helm-render-error')!;
    assert.equal(error.range.start.line, 8, 'on the line of the required action');
    assert.match(String(error.message), /name is required/);
  });

  it('answers kubeStateful/renderedManifest with the printed manifest', async () => {
    client = new TestClient();
    // Listening before start-up: the first render may end before indexing is reported.
    const changed = new Promise<{ rootUri: string }>((resolve) => client.connection.onNotification('kubeStateful/renderedManifestChanged', resolve));
    await client.initialize(folder);
    const statefulSet = fileUri(chartFile('templates/statefulset.yaml'));
    await client.open(statefulSet, text('templates/statefulset.yaml'));
    assert.equal((await changed).rootUri, fileUri(path.join(folder, 'x')));
    const result: { text: string } | null = await client.connection.sendRequest('kubeStateful/renderedManifest', { uri: statefulSet });
    assert.ok(result);
    assert.match(result.text, /# Source: x\/templates\/statefulset\.yaml/);
    assert.match(result.text, /serviceName: release-name-x/);
    const outside: unknown = await client.connection.sendRequest('kubeStateful/renderedManifest', { uri: fileUri(path.join(folder, 'other.yaml')) });
    assert.equal(outside, null);
  });

  it('renders again with the unsaved text of an open helper', async () => {
    client = new TestClient();
    await client.initialize(folder);
    const helpers = fileUri(chartFile('templates/_helpers.tpl'));
    const original = text('templates/_helpers.tpl');
    await client.open(helpers, original);
    await client.replace(helpers, original.replace('-x', '-renamed'), 2);
    const result: { text: string } | null = await client.connection.sendRequest('kubeStateful/renderedManifest', { uri: helpers });
    assert.match(result?.text ?? '', /serviceName: release-name-renamed/);
  });

  it("reports values that break the chart's values.schema.json on the values.yaml key", async () => {
    writeFileSync(chartFile('values.schema.json'), JSON.stringify({ type: 'object', properties: { image: { type: 'object' } } }));
    client = new TestClient();
    await client.initialize(folder);
    const values = fileUri(chartFile('values.yaml'));
    await client.open(values, text('values.yaml'));
    const diagnostics = await client.diagnosticsFor(values, (published) => codes(published).includes('helm-render-error'));
    const error = diagnostics.find((diagnostic) => diagnostic.code === 'helm-render-error')!;
    assert.deepEqual(error.range.start, { line: 0, character: 0 });
    assert.match(String(error.message), /at '\/image': must be object/);
  });
});
