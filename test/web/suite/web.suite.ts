import * as vscode from 'vscode';
import { generateManifestFile } from '../../../scripts/bench/inputs';
import { codeOf, file, positionOf, waitFor } from '../../vscode/suite/helpers';

/*
 * The extension in VS Code's browser extension host, on the workspace of test/fixtures/vscode-suite
 * with test/fixtures/web-suite added, and the chart of test/fixtures/e2e/helm-chart in `chart/`.
 * node:assert is a Node module, which the browser lacks.
 */

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(file(name));
  await vscode.window.showTextDocument(document);
  return document;
}

const targetOf = (link: vscode.Location | vscode.LocationLink) => ('targetUri' in link ? link.targetUri : link.uri);

suite('Kube Stateful in the web extension host', () => {
  test('runs on the workspace file system of the browser, not on a local disk', () => {
    check(file('statefulset.yaml').scheme !== 'file', `the workspace is at ${file('statefulset.yaml').toString()}`);
  });

  test('reports a Service in another file, read through the editor, that is not headless', async () => {
    const document = await open('statefulset.yaml');
    const diagnostics = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (list) => list.some((diagnostic) => codeOf(diagnostic) === 'service-not-headless'),
      'service-not-headless',
    );
    const diagnostic = diagnostics.find((candidate) => codeOf(candidate) === 'service-not-headless')!;
    check(diagnostic.source === 'kube-stateful', `source ${diagnostic.source}`);
    check(diagnostic.range.start.line === 5, `line ${diagnostic.range.start.line}`);
    const related = diagnostic.relatedInformation?.[0]?.location.uri.toString();
    check(related === file('service.yaml').toString(), `related information at ${related}`);
  });

  test('explains in a hover which pods a partition updates', async () => {
    const document = await open('rollout.yaml');
    const position = await positionOf(document.uri, 'partition');
    const text = await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
      },
      (content) => content.includes('web-4'),
      'the partition hover',
    );
    check(text.includes('web-3'), text);
  });

  test('completes serviceName with the headless Service of another file', async () => {
    const document = await open('rollout.yaml');
    const position = (await positionOf(document.uri, 'serviceName: nginx')).translate(0, 'serviceName: '.length);
    const list = await waitFor(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position),
      (result) => result.items.some((item) => item.detail?.startsWith('headless Service')),
      'a Service name in the completions',
    );
    const services = list.items.filter((item) => item.detail?.startsWith('headless Service'));
    check(services.map((item) => item.label).join() === 'nginx', services.map((item) => String(item.label)).join());
    check(services[0]!.detail === 'headless Service · selects these pods', String(services[0]!.detail));
  });

  test('goes from serviceName to the Service it names, in another file', async () => {
    const document = await open('rollout.yaml');
    const position = (await positionOf(document.uri, 'serviceName: nginx')).translate(0, 'serviceName: n'.length);
    const links = await waitFor(
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position),
      (result) => result.length > 0,
      'a definition',
    );
    check(targetOf(links[0]!).toString() === file('headless-service.yaml').toString(), targetOf(links[0]!).toString());
  });

  test('renders a Helm chart read through the editor, and reports on the template line', async () => {
    const document = await open('chart/templates/statefulset.yaml');
    const diagnostics = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (list) => list.some((diagnostic) => codeOf(diagnostic) === 'service-not-headless'),
      'service-not-headless on the template',
    );
    const finding = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'service-not-headless')!;
    check(finding.range.start.line === 7, `line ${finding.range.start.line}`);
    check(finding.message.includes("Service 'release-name-orders-db'"), finding.message);
  });

  test('goes from an include in a template to the define in the chart’s helpers', async () => {
    const document = await open('chart/templates/service.yaml');
    const position = (await positionOf(document.uri, '"orders-db.fullname"')).translate(0, 2);
    const links = await waitFor(
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position),
      (result) => result.length > 0,
      'the define of orders-db.fullname',
    );
    check(targetOf(links[0]!).toString() === file('chart/templates/_helpers.tpl').toString(), targetOf(links[0]!).toString());
  });

  test('checks a chart’s values against its values.schema.json', async () => {
    const uris = ['strict-chart/values.yaml', 'strict-chart/Chart.yaml', 'strict-chart/templates/configmap.yaml'].map(file);
    for (const uri of uris) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const messages = await waitFor(
      () => uris.flatMap((uri) => vscode.languages.getDiagnostics(uri)).filter((diagnostic) => codeOf(diagnostic) === 'helm-render-error').map((diagnostic) => diagnostic.message),
      (list) => list.length > 0,
      'helm-render-error from the schema',
    );
    check(messages.some((message) => message.includes("values don't meet the specifications of the schema") && message.includes('replicaCount')), messages.join(' | '));
  });

  test('builds a kustomization read through the editor, and reports a patch that only the build shows', async () => {
    const document = await open('kustomize/overlays/prod/pod-labels.yaml');
    const diagnostics = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (list) => list.some((diagnostic) => codeOf(diagnostic) === 'selector-template-mismatch'),
      'selector-template-mismatch from the overlay build',
    );
    const diagnostic = diagnostics.find((candidate) => codeOf(candidate) === 'selector-template-mismatch')!;
    check(diagnostic.range.start.line === 8, `line ${diagnostic.range.start.line}`);
  });

  // The server shares the extension host's thread: the figures logged here say how long an edit holds it.
  test('checks an edit in a 3,000-line file', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: generateManifestFile(2026, 3_000) });
    await vscode.window.showTextDocument(document);
    await waitFor(() => vscode.languages.getDiagnostics(document.uri), (list) => list.length > 0, 'the first check of the file');
    const replicas = document.positionAt(document.getText().indexOf('replicas: ') + 'replicas: '.length);
    let longestBlock = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      longestBlock = Math.max(longestBlock, now - last);
      last = now;
    }, 5);
    const edited = performance.now();
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(replicas, replicas.translate(0, 1)), '"2"');
    check(await vscode.workspace.applyEdit(edit), 'the edit was refused');
    const found = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (list) => list.some((diagnostic) => codeOf(diagnostic) === 'type-mismatch' && diagnostic.range.start.line === replicas.line),
      'type-mismatch on the edited line',
    );
    const checked = performance.now() - edited;
    clearInterval(probe);
    check(found.length > 0, 'no diagnostics');
    console.log(`3,000-line edit: diagnostics ${checked.toFixed(0)} ms after the edit (150 ms of it the typing pause); the extension host was held at most ${longestBlock.toFixed(0)} ms`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('moves an inline password to a new Secret file with the quick fix', async () => {
    const document = await open('rollout.yaml');
    await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (list) => list.some((diagnostic) => codeOf(diagnostic) === 'inline-secret'),
      'inline-secret',
    );
    const start = await positionOf(document.uri, 't0p-s3cret-Value');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(start, start),
      undefined,
      20,
    );
    const fix = actions.find((action) => /^Move 'ADMIN_PASSWORD' to Secret .* new file/.test(action.title));
    check(fix?.edit !== undefined, actions.map((action) => action.title).join(' | '));
    check(await vscode.workspace.applyEdit(fix.edit), 'the edit was refused');
    check(!document.getText().includes('t0p-s3cret-Value') && document.getText().includes('secretKeyRef'), document.getText());
    const created = fix.edit.entries().map(([uri]) => uri).find((uri) => uri.toString() !== document.uri.toString());
    check(created !== undefined, 'the fix creates no file');
    const secret = await vscode.workspace.openTextDocument(created);
    check(secret.getText().includes('kind: Secret') && secret.getText().includes('t0p-s3cret-Value'), secret.getText());
  });
});
