import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, file, positionOf, waitFor } from './helpers';

suite('Kube Stateful in the extension host', () => {
  test('reports a Service in another file that is not headless', async () => {
    const uri = file('statefulset.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitFor(
      () => vscode.languages.getDiagnostics(uri),
      (list) => list.some((diagnostic) => codeOf(diagnostic) === 'service-not-headless'),
      'service-not-headless',
    );
    const diagnostic = diagnostics.find((candidate) => codeOf(candidate) === 'service-not-headless')!;
    assert.equal(diagnostic.source, 'kube-stateful');
    assert.equal(diagnostic.range.start.line, 5);
    assert.equal(diagnostic.relatedInformation?.[0].location.uri.toString(), file('service.yaml').toString());
  });

  test('explains in a hover which pods a partition updates', async () => {
    const uri = file('rollout.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const position = await positionOf(uri, 'partition');
    const text = await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
        return hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
      },
      (content) => content.includes('web-4'),
      'the partition hover',
    );
    assert.match(text, /web-3/);
  });

  test('offers to move an inline password to a Secret', async () => {
    const uri = file('rollout.yaml');
    await waitFor(
      () => vscode.languages.getDiagnostics(uri),
      (list) => list.some((diagnostic) => codeOf(diagnostic) === 'inline-secret'),
      'inline-secret',
    );
    const start = await positionOf(uri, 't0p-s3cret-Value');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(start, start.translate(0, 4)),
    );
    const titles = actions.map((action) => action.title);
    assert.ok(titles.some((title) => /^Move 'ADMIN_PASSWORD' to Secret .* new file/.test(title)), titles.join(' | '));
    assert.ok(titles.every((title) => !title.includes('t0p-s3cret-Value')), 'no title shows the password');
  });

  // test/e2e/extension-host.e2e.ts reads the trace this writes to the Kube Stateful channel's log file.
  test('traces its messages verbosely without the documents sent or the fixes resolved', async () => {
    // The client traces only while its output channel logs at the Trace level.
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
    const settings = vscode.workspace.getConfiguration('kubeStateful');
    await settings.update('trace.server', 'verbose', vscode.ConfigurationTarget.Workspace);
    try {
      const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(file('rollout.yaml')));
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
      await waitFor(
        () => vscode.languages.getDiagnostics(document.uri),
        (list) => list.some((diagnostic) => codeOf(diagnostic) === 'inline-secret'),
        'inline-secret in the untitled copy',
      );
      const start = document.positionAt(content.indexOf('t0p-s3cret-Value'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        new vscode.Range(start, start),
        undefined,
        20,
      );
      const writes = actions.flatMap((action) => action.edit?.entries() ?? []).flatMap(([, edits]) => edits.map((edit) => edit.newText));
      assert.ok(writes.some((text) => text.includes('t0p-s3cret-Value')), 'a resolved fix moves the password');
    } finally {
      await settings.update('trace.server', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
