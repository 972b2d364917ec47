import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../../helpers/lsp-client';
import { positionOf } from '../../helpers/positions';
import { FIXTURES } from '../../helpers/rule-tester';

const FILES = ['web-partition-3.yaml', 'web-ordinals-start-1.yaml', 'web-partition-at-replicas.yaml', 'nginx-headless-service.yaml'];

/** The pods a line of the partition hover names, such as the `**Updated**` one. */
function podsOn(markdown: string, label: string): string[] {
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(`- **${label}**`));
  return [...(line ?? '').matchAll(/`([a-z0-9-]+-\d+)`/g)].map((match) => match[1]);
}

describe('language server over stdio: hover', () => {
  let folder: string;
  let client: TestClient;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-hover-'));
    for (const file of FILES) cpSync(path.join(FIXTURES, 'hover', file), path.join(folder, file));
    client = new TestClient({ validation: { delay: 0 } });
    await client.initialize(folder);
    for (const file of FILES) await client.open(uriOf(file), textOf(file));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  const uriOf = (file: string) => fileUri(path.join(folder, file));
  const textOf = (file: string) => readFileSync(path.join(folder, file), 'utf8');

  async function hover(file: string, needle: string, occurrence = 0, shift = 0): Promise<Hover | null> {
    return client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf(file) },
      position: positionOf(textOf(file), needle, shift, occurrence),
    });
  }

  async function markdown(file: string, needle: string, occurrence = 0, shift = 0): Promise<string> {
    const answer = await hover(file, needle, occurrence, shift);
    assert.ok(answer, `a hover at '${needle}' in ${file}`);
    const contents = answer.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  }

  it('names the pods partition 3 updates and those it leaves, with replicas 5', async () => {
    const text = await markdown('web-partition-3.yaml', 'partition');
    assert.deepEqual(podsOn(text, 'Updated'), ['web-4', 'web-3']);
    assert.deepEqual(podsOn(text, 'Untouched'), ['web-0', 'web-1', 'web-2']);
  });

  it('counts positions from ordinals.start: 1', async () => {
    const text = await markdown('web-ordinals-start-1.yaml', 'partition');
    assert.deepEqual(podsOn(text, 'Updated'), ['web-5', 'web-4']);
    assert.deepEqual(podsOn(text, 'Untouched'), ['web-1', 'web-2', 'web-3']);
    assert.match(text, /ordinal minus `ordinals\.start` \(1\)/);
  });

  it('says no pod is updated when the partition is 5 or more', async () => {
    for (const occurrence of [0, 1]) {
      const text = await markdown('web-partition-at-replicas.yaml', 'partition', occurrence);
      assert.match(text, /\*\*No pod will be updated\*\*/);
      assert.deepEqual(podsOn(text, 'Updated'), []);
    }
  });

  it('lists the DNS and PVC names of the pods on replicas, with the range of the hovered key', async () => {
    const answer = await hover('web-partition-3.yaml', 'replicas');
    const text = (answer?.contents as MarkupContent).value;
    assert.match(text, /`web-0\.nginx\.default\.svc\.cluster\.local` · PVC `www-web-0`/);
    assert.match(text, /`web-4\.nginx\.default\.svc\.cluster\.local` · PVC `www-web-4`/);
    assert.match(text, /DNS names come from the headless Service `nginx`/);
    assert.deepEqual(answer?.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 10 } });
  });

  it('answers on values as on keys, and on any field of the schema table', async () => {
    assert.deepEqual(podsOn(await markdown('web-partition-3.yaml', 'partition: 3', 0, 'partition: '.length), 'Updated'), ['web-4', 'web-3']);
    assert.match(await markdown('nginx-headless-service.yaml', 'clusterIP'), /^\*\*`clusterIP`\*\* · `string` · optional/);
  });

  it('answers null where there is nothing to say', async () => {
    assert.equal(await hover('web-partition-3.yaml', 'spec:', 0, 5), null);
  });

  it('leaves out field docs with kubeStateful.hover.fieldDocs off, keeping the computed hovers', async () => {
    const quiet = new TestClient({ validation: { delay: 0 }, hover: { fieldDocs: false } });
    try {
      await quiet.initialize(folder);
      await quiet.open(uriOf('web-partition-3.yaml'), textOf('web-partition-3.yaml'));
      const ask = (needle: string) =>
        quiet.connection.sendRequest<Hover | null>('textDocument/hover', {
          textDocument: { uri: uriOf('web-partition-3.yaml') },
          position: positionOf(textOf('web-partition-3.yaml'), needle),
        });
      const partition = ((await ask('partition'))?.contents as MarkupContent).value;
      assert.deepEqual(podsOn(partition, 'Updated'), ['web-4', 'web-3']);
      assert.doesNotMatch(partition, /Kubernetes API reference/);
      assert.equal(await ask('mountPath'), null);
    } finally {
      await quiet.shutdown();
    }
  });
});
