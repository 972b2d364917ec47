import assert from 'node:assert/strict';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stageExtension } from './helpers/vsix';

const MAX_VSIX_BYTES = 1024 * 1024;

describe('the .vsix package', () => {
  let staging: ReturnType<typeof stageExtension>;

  before(() => {
    staging = stageExtension();
  });

  after(() => rmSync(staging.folder, { recursive: true, force: true }));

  it('holds only the bundles, the manifest, the docs and the snippets', () => {
    const files = staging.vsce('ls', '--no-dependencies').trim().split('\n').sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/extension.js',
      'dist/server.js',
      'package.json',
      'snippets/cassandra.json',
      'snippets/cockroachdb.json',
      'snippets/elasticsearch.json',
      'snippets/etcd.json',
      'snippets/kafka.json',
      'snippets/minio.json',
      'snippets/mongodb.json',
      'snippets/mysql.json',
      'snippets/postgres.json',
      'snippets/rabbitmq.json',
      'snippets/redis.json',
      'snippets/statefulsets.json',
      'snippets/zookeeper.json',
    ]);
  });

  it('is under 1 MB', () => {
    staging.vsce('package', '--no-dependencies', '--out', 'kube-stateful.vsix');
    const bytes = statSync(path.join(staging.folder, 'kube-stateful.vsix')).size;
    assert.ok(bytes < MAX_VSIX_BYTES, `${bytes} bytes`);
  });
});
