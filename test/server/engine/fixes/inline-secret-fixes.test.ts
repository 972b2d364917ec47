import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureUri } from '../../../helpers/rule-tester';
import {
  applyFix,
  documentsOf,
  fixesOf,
  fixTitled,
  fixtureFiles,
  objectsOf,
  sessionOf,
  toCrlf,
  type Files,
} from '../../../helpers/fix-tester';

const INLINE = 'fixes/inline-secrets.yaml';
const ROOT_PASSWORD = "s3cr3t#1 'quoted' \"double\"";
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQpemFixtureKeyGw3e\n-----END PRIVATE KEY-----\n';
const NEW_FILE = 'file:///fixtures/fixes/shop-credentials.secret.yaml';

/** The env vars of the first container of the StatefulSet in a result. */
function envOf(files: Files, index = 0): Record<string, any>[] {
  const [statefulSet] = objectsOf(files, 'StatefulSet');
  return statefulSet.spec.template.spec.containers[index].env;
}

function secretNamed(files: Files, name: string): Record<string, any> {
  const secret = objectsOf(files, 'Secret').find((object) => object.metadata?.name === name);
  assert.ok(secret, `Secret '${name}' exists`);
  return secret;
}

describe('inline-secret fixes', () => {
  it('offers a new Secret file (preferred), this file, and all of the StatefulSet, never naming the value', () => {
    const session = sessionOf(fixtureFiles([INLINE]));
    const fixes = fixesOf(session, 'inline-secret').filter((fix) => fix.id.startsWith('secret'));
    assert.deepEqual(
      fixes.map((fix) => [fix.title, fix.preferred]),
      [
        ["Move 'MYSQL_ROOT_PASSWORD' to Secret 'shop-credentials' in new file shop-credentials.secret.yaml", true],
        ["Move 'MYSQL_ROOT_PASSWORD' to Secret 'shop-credentials' in this file", false],
        ["Move all 3 inline secrets of StatefulSet 'shop' to Secret 'shop-credentials' in new file shop-credentials.secret.yaml", false],
        ["Move 'REPLICATION_PASSWORD' to Secret 'shop-credentials' in new file shop-credentials.secret.yaml", true],
        ["Move 'REPLICATION_PASSWORD' to Secret 'shop-credentials' in this file", false],
        ["Move 'TLS_KEY' to Secret 'shop-credentials' in new file shop-credentials.secret.yaml", true],
        ["Move 'TLS_KEY' to Secret 'shop-credentials' in this file", false],
      ],
    );
    for (const fix of fixes) assert.ok(!/s3cr3t|fl0w|MIIEv/.test(fix.title));
  });

  it('creates <secret>.secret.yaml beside the manifest, with a warning, and points the variable at it', () => {
    const session = sessionOf(fixtureFiles([INLINE]));
    const result = applyFix(session, fixTitled(fixesOf(session, 'inline-secret'), /MYSQL_ROOT_PASSWORD.*new file/));
    assert.deepEqual(result.created, [NEW_FILE]);
    assert.equal(
      result.files.get(NEW_FILE),
      [
        '# This file holds credentials in plain text. Do not commit it unencrypted: keep it out of',
        '# version control, or encrypt it (for example with SOPS or Sealed Secrets) before committing.',
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: shop-credentials',
        'type: Opaque',
        'stringData:',
        '  mysql-root-password: "s3cr3t#1 \'quoted\' \\"double\\""',
        '',
      ].join('\n'),
    );
    const manifest = result.files.get(fixtureUri(INLINE))!;
    assert.ok(
      manifest.includes(
        [
          '            - name: MYSQL_ROOT_PASSWORD',
          '              # keep this comment',
          '              valueFrom:',
          '                secretKeyRef:',
          '                  name: shop-credentials',
          '                  key: mysql-root-password',
          '            - name: MYSQL_DATABASE',
        ].join('\n'),
      ),
    );
    assert.ok(!manifest.includes('s3cr3t'));
    assert.equal(secretNamed(result.files, 'shop-credentials').stringData['mysql-root-password'], ROOT_PASSWORD);
  });

  it('appends the Secret as a new document of the same file', () => {
    const session = sessionOf(fixtureFiles([INLINE]));
    const result = applyFix(session, fixTitled(fixesOf(session, 'inline-secret'), /TLS_KEY.*this file/));
    assert.deepEqual(result.created, []);
    const manifest = result.files.get(fixtureUri(INLINE))!;
    assert.ok(
      manifest.endsWith(
        [
          '    app: shop',
          '---',
          'apiVersion: v1',
          'kind: Secret',
          'metadata:',
          '  name: shop-credentials',
          'type: Opaque',
          'stringData:',
          '  tls-key: |',
          '    -----BEGIN PRIVATE KEY-----',
          '    MIIEvQpemFixtureKeyGw3e',
          '    -----END PRIVATE KEY-----',
          '',
        ].join('\n'),
      ),
    );
    assert.equal(documentsOf(manifest).length, 3);
    assert.equal(secretNamed(result.files, 'shop-credentials').stringData['tls-key'], PEM);
    assert.deepEqual(envOf(result.files)[3], { name: 'TLS_KEY', valueFrom: { secretKeyRef: { name: 'shop-credentials', key: 'tls-key' } } });
  });

  it('moves every inline secret of the StatefulSet in one edit, a flow entry staying in flow style', () => {
    const session = sessionOf(fixtureFiles([INLINE]));
    const fix = fixTitled(fixesOf(session, 'inline-secret'), /^Move all 3/);
    assert.equal(fix.findings.length, 3);
    const result = applyFix(session, fix);
    const manifest = result.files.get(fixtureUri(INLINE))!;
    assert.ok(manifest.includes('- {name: REPLICATION_PASSWORD, valueFrom: {secretKeyRef: {name: shop-credentials, key: replication-password}}}'));
    assert.deepEqual(secretNamed(result.files, 'shop-credentials').stringData, {
      'mysql-root-password': ROOT_PASSWORD,
      'replication-password': 'fl0w-pa55',
      'tls-key': PEM,
    });
    assert.deepEqual(
      envOf(result.files).map((env) => env.value ?? env.valueFrom.secretKeyRef.key),
      ['mysql-root-password', 'shop', 'replication-password', 'tls-key'],
    );
  });

  it('keeps CRLF line endings in the edited file and writes the new file with them', () => {
    const session = sessionOf(fixtureFiles([INLINE], toCrlf));
    const result = applyFix(session, fixTitled(fixesOf(session, 'inline-secret'), /^Move all/));
    for (const text of result.files.values()) assert.ok(!/(?<!\r)\n/.test(text), 'every line ends with CRLF');
    assert.equal(secretNamed(result.files, 'shop-credentials').stringData['tls-key'], PEM);
  });

  it('adds the key to a Secret the StatefulSet already reads, base64 under data, choosing a free key', () => {
    const session = sessionOf(fixtureFiles(['fixes/existing-secret/statefulset.yaml', 'fixes/existing-secret/secret.yaml']));
    const fixes = fixesOf(session, 'inline-secret').filter((fix) => fix.id.startsWith('secret'));
    assert.deepEqual(
      fixes.map((fix) => fix.title),
      [
        "Move 'POSTGRES_PASSWORD' to Secret 'orders-db' in secret.yaml",
        "Move all 2 inline secrets of StatefulSet 'orders' to Secret 'orders-db' in secret.yaml",
        "Move 'REPLICATION_PASSWORD' to Secret 'orders-db' in secret.yaml",
      ],
    );
    const result = applyFix(session, fixes[1]);
    assert.ok(
      result.files
        .get(fixtureUri('fixes/existing-secret/secret.yaml'))!
        .endsWith('  replication-password: YWxyZWFkeS1TdG9yZWQtMQ==\n  postgres-password-2: "cGE6c3MgdzByZC/igqw="\n'),
    );
    const data = secretNamed(result.files, 'orders-db').data as Record<string, string>;
    assert.equal(Buffer.from(data['postgres-password-2'], 'base64').toString('utf8'), 'pa:ss w0rd/€');
    // The value the Secret already held under a key is read from there, not stored twice.
    assert.deepEqual(envOf(result.files)[2].valueFrom, { secretKeyRef: { name: 'orders-db', key: 'replication-password' } });
    assert.deepEqual(envOf(result.files)[1].valueFrom, { secretKeyRef: { name: 'orders-db', key: 'postgres-password-2' } });
  });

  it('adds under stringData when the Secret has it, in a Secret of the same namespace only', () => {
    const session = sessionOf(fixtureFiles(['rules/inline-secret/reads-secret.yaml', 'rules/inline-secret/secret-in-shop.yaml']));
    const result = applyFix(session, fixTitled(fixesOf(session, 'inline-secret'), "Move 'POSTGRES_PASSWORD' to Secret 'orders-db' in secret-in-shop.yaml"));
    assert.equal(
      result.files.get(fixtureUri('rules/inline-secret/secret-in-shop.yaml')),
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: shop\nstringData:\n  database: orders\n  postgres-password: "orders-pw"\n',
    );
    const other = sessionOf(fixtureFiles(['rules/inline-secret/reads-secret.yaml', 'rules/inline-secret/secret-in-default.yaml']));
    assert.ok(fixTitled(fixesOf(other, 'inline-secret'), /Secret 'orders-credentials' in new file orders-credentials\.secret\.yaml/));
  });

  it('appends to an existing <secret>.secret.yaml that holds no Secret of that namespace', () => {
    const session = sessionOf(fixtureFiles(['fixes/sibling-file/statefulset.yaml', 'fixes/sibling-file/shop-credentials.secret.yaml']));
    const fix = fixTitled(fixesOf(session, 'inline-secret'), "Move 'API_TOKEN' to Secret 'shop-credentials' in shop-credentials.secret.yaml");
    const result = applyFix(session, fix);
    assert.deepEqual(result.created, []);
    assert.ok(
      result.files
        .get(fixtureUri('fixes/sibling-file/shop-credentials.secret.yaml'))!
        .endsWith('  api-token: staging-only\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: shop-credentials\ntype: Opaque\nstringData:\n  api-token: "tok-3n-Fake-77"\n'),
    );
  });

  it('moves a value and the variables that alias its anchor together, so no alias dangles', () => {
    const session = sessionOf(fixtureFiles(['rules/inline-secret/anchors-and-block-scalars.yaml']));
    const result = applyFix(session, fixTitled(fixesOf(session, 'inline-secret'), /'DB_PASSWORD'.*new file/));
    const env = envOf(result.files);
    assert.deepEqual(env[0].valueFrom, { secretKeyRef: { name: 'app-credentials', key: 'db-password' } });
    assert.deepEqual(env[1].valueFrom, { secretKeyRef: { name: 'app-credentials', key: 'db-password' } });
    assert.deepEqual(secretNamed(result.files, 'app-credentials').stringData, { 'db-password': 'Kq7-fake-anchor' });
  });

  it('moves an aliased variable on its own, leaving the anchor where it is written', () => {
    const session = sessionOf(fixtureFiles(['rules/inline-secret/anchors-and-block-scalars.yaml']));
    const result = applyFix(session, fixTitled(fixesOf(session, 'inline-secret'), /'REPLICATION_PASSWORD'.*this file/));
    const env = envOf(result.files);
    assert.equal(env[0].value, 'Kq7-fake-anchor');
    assert.deepEqual(env[1].valueFrom, { secretKeyRef: { name: 'app-credentials', key: 'replication-password' } });
    const all = fixTitled(fixesOf(session, 'inline-secret'), /^Move all/);
    assert.equal(all.title, "Move all 2 inline secrets of StatefulSet 'app' to Secret 'app-credentials' in new file app-credentials.secret.yaml");
    const moved = applyFix(session, all);
    assert.deepEqual(secretNamed(moved.files, 'app-credentials').stringData, { 'db-password': 'Kq7-fake-anchor', 'admin-token': 'folded-fake-token' });
  });

  it('moves a value of an anchored entry, which the entries merging it then read too; a merged copy has no fix of its own', () => {
    const session = sessionOf(fixtureFiles(['rules/inline-secret/merge-key.yaml']));
    const fixes = fixesOf(session, 'inline-secret').filter((fix) => fix.id.startsWith('secret'));
    assert.ok(fixes.every((fix) => fix.title.includes("'ADMIN_PASSWORD'")));
    const env = envOf(applyFix(session, fixes[0]).files);
    assert.deepEqual(env[1], { name: 'ADMIN_PASSWORD_COPY', valueFrom: { secretKeyRef: { name: 'app-credentials', key: 'admin-password' } } });
  });

  it('offers only this file when the editor cannot create files, or the document has no folder', () => {
    const session = sessionOf(fixtureFiles([INLINE]));
    const titles = fixesOf(session, 'inline-secret', { canCreateFiles: false }).filter((fix) => fix.preferred).map((fix) => fix.title);
    assert.ok(titles.includes("Move 'MYSQL_ROOT_PASSWORD' to Secret 'shop-credentials' in this file"));
    const untitled = sessionOf(new Map([['untitled:Untitled-1', fixtureFiles([INLINE]).get(fixtureUri(INLINE))!]]));
    assert.ok(fixesOf(untitled, 'inline-secret').every((fix) => !fix.title.includes('new file')));
  });

  it('offers no move where the entry also has valueFrom, and names an unnamed variable by its place', () => {
    const session = sessionOf(fixtureFiles(['rules/inline-secret/unusual-shapes.yaml']));
    const titles = fixesOf(session, 'inline-secret').map((fix) => fix.title);
    assert.ok(titles.includes("Move the variable at env[0] to Secret 'odd-credentials' in this file"));
    assert.ok(!titles.some((title) => title.includes('ODD_TOKEN')));
  });
});
