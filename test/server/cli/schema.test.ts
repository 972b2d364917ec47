import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { jsonSchema } from '../../../server/src/engine/schema/json-schema';
import { runCli } from './run-cli';

describe('kube-stateful schema', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-schema-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('prints the JSON Schema of the checked kinds', () => {
    const run = runCli(['schema']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(jsonSchema())));
  });

  it('--out writes it to a file, relative to the current folder, and prints nothing on stdout', () => {
    const run = runCli(['schema', '--out', 'statefulsets.schema.json'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'Wrote the JSON Schema to statefulsets.schema.json.\n');
    assert.equal(readFileSync(path.join(folder, 'statefulsets.schema.json'), 'utf8'), runCli(['schema']).stdout);
  });

  it('exits 2 when the file cannot be written', () => {
    const run = runCli(['schema', '--out', path.join('no-such-folder', 'schema.json')], folder);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^kube-stateful: Cannot write 'no-such-folder\/schema\.json': /);
  });
});
