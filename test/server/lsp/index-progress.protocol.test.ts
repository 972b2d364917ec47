import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { INDEX_PROGRESS_NOTIFICATION, type IndexProgressParams } from '../../../server/src/lsp/index-progress';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';

/*
 * Indexing a workspace of a few hundred files tells the editor how far it got, as a count, and
 * an open file is checked before the index is complete and again when it is.
 */

const CONFIG_MAPS = 150;
const STATEFULSET =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n';

interface ProgressValue {
  kind: 'begin' | 'report' | 'end';
  message?: string;
  percentage?: number;
}

let folder: string;
let total: number;

before(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-progress-'));
  mkdirSync(path.join(folder, 'config', 'deep'), { recursive: true });
  for (let i = 0; i < CONFIG_MAPS; i++) {
    writeFileSync(path.join(folder, 'config', `settings-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${i}\ndata:\n  key: "${i}"\n`);
  }
  writeFileSync(path.join(folder, 'config', 'deep', 'service.yaml'), SERVICE);
  writeFileSync(path.join(folder, 'statefulset.yaml'), STATEFULSET);
  total = CONFIG_MAPS + 2;
});

after(() => rmSync(folder, { recursive: true, force: true }));

describe('indexing progress', () => {
  it('begins, reports counts of the files read, and ends; an open file is checked before and after', async () => {
    const client = new TestClient();
    try {
      const progress: ProgressValue[] = [];
      const counts: IndexProgressParams[] = [];
      client.connection.onNotification('$/progress', (params: { value: ProgressValue }) => void progress.push(params.value));
      client.connection.onNotification(INDEX_PROGRESS_NOTIFICATION, (params: IndexProgressParams) => void counts.push(params));
      // The server reads no file before its progress is created: holding the answer back holds
      // the index empty, so that the open file's first check surely comes before the index.
      let release!: () => void;
      const held = new Promise<null>((resolve) => (release = () => resolve(null)));
      let asked!: () => void;
      const progressAsked = new Promise<void>((resolve) => (asked = resolve));
      client.connection.onRequest('window/workDoneProgress/create', () => {
        asked();
        return held;
      });
      const ready = client.initialize(folder, { window: { workDoneProgress: true } });
      await progressAsked;
      const statefulSet = fileUri(path.join(folder, 'statefulset.yaml'));
      await client.open(statefulSet, STATEFULSET);
      const early = await client.diagnosticsFor(statefulSet, () => true);
      assert.ok(codes(early).includes('service-not-found'), 'checked at once, before the Service is indexed');
      release();
      await ready;
      const late = await client.diagnosticsFor(statefulSet, (list) => !codes(list).includes('service-not-found'));
      assert.ok(!codes(late).includes('service-not-found'), 'checked again once the index holds the Service');

      assert.equal(progress[0]?.kind, 'begin');
      assert.equal(progress.at(-1)?.kind, 'end');
      const reports = progress.filter((value) => value.kind === 'report');
      assert.ok(reports.length >= 2, `several reports, got ${reports.length}`);
      const shown = reports.map((value) => /^(\d[\d,]*) \/ (\d[\d,]*) files$/.exec(value.message ?? ''));
      assert.ok(shown.every((match) => match !== null && Number(match[2]) === total), JSON.stringify(reports));
      const numbers = shown.map((match) => Number(match![1]));
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'counts only grow');
      assert.equal(numbers.at(-1), total);
      assert.equal(reports.at(-1)?.percentage, 100);

      assert.deepEqual(counts[0], { indexed: 0, total });
      assert.deepEqual(counts.at(-1), { indexed: total, total, done: true });
      assert.ok(counts.slice(1, -1).every((count) => count.total === total && !count.done && count.indexed > 0));
    } finally {
      await client.shutdown();
    }
  });

  it('tells a client without work-done progress the counts alone', async () => {
    const client = new TestClient();
    try {
      const counts: IndexProgressParams[] = [];
      client.connection.onNotification(INDEX_PROGRESS_NOTIFICATION, (params: IndexProgressParams) => void counts.push(params));
      await client.initialize(folder);
      await client.waitForLog(/Indexed/);
      assert.deepEqual(counts.at(-1), { indexed: total, total, done: true });
    } finally {
      await client.shutdown();
    }
  });
});
