import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { codes, fileUri, TestClient } from '../../helpers/lsp-client';

/*
 * The server keeps its light index in the storage folder the extension passes, between
 * sessions: each session's log says how many files it indexed as a past session left them.
 */

const CONFIG_MAPS = 20;
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n';
const STATEFULSET =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';

let folder: string;
let storage: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-kept-'));
  storage = mkdtempSync(path.join(tmpdir(), 'kube-stateful-storage-'));
  mkdirSync(path.join(folder, 'config'));
  for (let i = 0; i < CONFIG_MAPS; i++) {
    writeFileSync(path.join(folder, 'config', `settings-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${i}\ndata:\n  key: "${i}"\n`);
  }
  writeFileSync(path.join(folder, 'service.yaml'), SERVICE);
  writeFileSync(path.join(folder, 'statefulset.yaml'), STATEFULSET);
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(storage, { recursive: true, force: true });
});

const TOTAL = CONFIG_MAPS + 2;

/** Runs a session over the folder; returns how many files it took as a past session left them, and the StatefulSet's rule ids. */
async function session(storageUri: string | null = fileUri(storage)): Promise<{ reused: number; rules: string[] }> {
  const client = new TestClient();
  try {
    await client.initialize(folder, {}, 15_000, storageUri === null ? undefined : { storageUri });
    const line = client.logs.find((log) => log.startsWith('Indexed'))!;
    assert.match(line, new RegExp(`^Indexed ${TOTAL} YAML files`));
    const reused = /, (\d+) of them as a past session left them/.exec(line);
    const statefulSet = fileUri(path.join(folder, 'statefulset.yaml'));
    await client.open(statefulSet, STATEFULSET);
    const diagnostics = await client.diagnosticsFor(statefulSet, () => true);
    assert.equal(client.exitCode, null);
    return { reused: reused ? Number(reused[1]) : -1, rules: codes(diagnostics) };
  } finally {
    await client.shutdown();
  }
}

function cacheFile(): string {
  const files = readdirSync(storage).filter((name) => name.endsWith('.json'));
  assert.equal(files.length, 1, files.join(', '));
  return path.join(storage, files[0]);
}

describe('the light index kept between sessions', () => {
  it('indexes unchanged files as the last session left them, and reads again the changed ones', async () => {
    const first = await session();
    assert.equal(first.reused, 0);
    const second = await session();
    assert.equal(second.reused, TOTAL);
    assert.deepEqual(second.rules, first.rules, 'the same findings');
    assert.ok(!second.rules.includes('service-not-found'));
    // The Service renamed and a ConfigMap changed between sessions: both are read again.
    writeFileSync(path.join(folder, 'service.yaml'), SERVICE.replace('name: web', 'name: other'));
    writeFileSync(path.join(folder, 'config', 'settings-0.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: changed\n');
    const third = await session();
    assert.equal(third.reused, TOTAL - 2);
    assert.ok(third.rules.includes('service-not-found'), 'the renamed Service is indexed by its new name');
    // Touched without a change: read again, since its time changed, and known by its text.
    const touched = path.join(folder, 'config', 'settings-1.yaml');
    utimesSync(touched, new Date(), new Date(Date.now() + 60_000));
    assert.equal((await session()).reused, TOTAL);
  });

  it('reads a file a past session knew only when a check needs it, as it is on disk then', async () => {
    const service = path.join(folder, 'service.yaml');
    const time = Math.floor(Date.now() / 1000) - 60;
    utimesSync(service, time, time);
    await session();
    // Changed behind the server's back, keeping its size and time: the keys kept say Service/web,
    // and the text read when the StatefulSet's checks need the Service is the new one.
    writeFileSync(service, SERVICE.replace('clusterIP: None', 'clusterIP: "10"'));
    utimesSync(service, time, time);
    const run = await session();
    assert.equal(run.reused, TOTAL);
    assert.ok(run.rules.includes('service-not-headless'), run.rules.join(', '));
  });

  it('ignores a corrupt cache, or one of another version, and writes a good one in its place', async () => {
    await session();
    const file = cacheFile();
    const good = JSON.parse(readFileSync(file, 'utf8'));
    for (const bad of ['{"format": 1, "texts": {', '\u0000garbage', JSON.stringify({ ...good, version: '0.0.0-old' }), JSON.stringify({ ...good, format: good.format - 1 }), JSON.stringify({ ...good, files: Object.fromEntries(Object.keys(good.files).map((file) => [file, { ...good.files[file], keys: [{ provided: 'Service/web' }] }])) })]) {
      writeFileSync(file, bad);
      const run = await session();
      assert.equal(run.reused, 0, bad.slice(0, 40));
      assert.ok(!run.rules.includes('service-not-found'));
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).format, good.format, 'rewritten');
    }
    assert.equal((await session()).reused, TOTAL);
  });

  it('keeps nothing when the client gives no storage folder', async () => {
    const run = await session(null);
    assert.equal(run.reused, -1, 'the log says nothing of a past session');
    assert.deepEqual(readdirSync(storage), []);
  });
});
