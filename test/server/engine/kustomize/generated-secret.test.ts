import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildOf, objectsOf } from './build-fixture';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'fixtures', 'kustomize', 'generated-secret');

function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of ['base', 'overlay']) {
    for (const name of readdirSync(path.join(FIXTURE, folder))) files[`${folder}/${name}`] = readFileSync(path.join(FIXTURE, folder, name), 'utf8');
  }
  return files;
}

describe('a generated Secret used by a StatefulSet', () => {
  const build = buildOf(fixtureFiles(), 'overlay');
  const [statefulSet, service, secret] = objectsOf(build);
  const container = statefulSet.spec.template.spec.containers[0];

  it('builds without problems, the Secret after the base objects', () => {
    assert.deepEqual(build.problems, []);
    assert.deepEqual(objectsOf(build).map((object) => `${object.kind}/${object.metadata.name}`), ['StatefulSet/prod-db', 'Service/prod-db', `Secret/${secret.metadata.name}`]);
  });

  it('names the Secret with the prefix and the hash of the merged data', () => {
    assert.match(secret.metadata.name, /^prod-db-credentials-[0-9a-z]{10}$/);
    assert.deepEqual(secret.data, { username: 'YXBw', database: 'b3JkZXJz' });
  });

  it('rewrites the secretKeyRef and the secret volume to the hashed name', () => {
    assert.equal(container.env[0].valueFrom.secretKeyRef.name, secret.metadata.name);
    assert.equal(statefulSet.spec.template.spec.volumes[0].secret.secretName, secret.metadata.name);
  });

  it('follows the prefixed headless Service into serviceName, and leaves the claim and container names alone', () => {
    assert.equal(service.metadata.name, 'prod-db');
    assert.equal(statefulSet.spec.serviceName, 'prod-db');
    assert.equal(container.name, 'db');
    assert.equal(container.volumeMounts[0].name, 'credentials');
  });
});
