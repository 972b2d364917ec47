import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { FIXTURES, findingsOf, fixtureUri, testRule, workspaceOf } from '../../../helpers/rule-tester';

const DIR = 'rules/inline-secret';
const CREDENTIAL_NAMES = `${DIR}/credential-names.yaml`;
const READS_SECRET = `${DIR}/reads-secret.yaml`;
const PLANTED = `${DIR}/planted-secrets.yaml`;

/** The rule's message, spelled out once so that each case only says what differs. */
function message(subject: string, owner: string, holds = 'a credential', secretAdvice = ''): string {
  return `${subject} of ${owner} holds ${holds} in plain text: the value is stored in the manifest, visible to anyone who can read this file or the StatefulSet object. Move it to a Secret${secretAdvice} and reference it with valueFrom.secretKeyRef.`;
}

const byName = (env: string, line: number, end: number, container = "container 'mysql'") => ({
  range: `${line}:22-${line}:${end}`,
  message: message(`Environment variable '${env}'`, container),
});

testRule('inline-secret', {
  valid: [
    { name: 'names about a credential (file, path, user, key name, id, method, type) and known non-credentials', files: [`${DIR}/not-credential-names.yaml`] },
    { name: 'credential names with empty, boolean, numeric, duration, path, URL or in-cluster host values, or non-string values', files: [`${DIR}/setting-values.yaml`] },
    { name: 'valueFrom, $(VAR) references, ${VAR} and <placeholder> blanks, a URL whose password is a reference', files: [`${DIR}/references.yaml`] },
    { name: 'random-looking values that are ids, digests, UUIDs, class names, DNS and object names, ARNs, versions, flags, key=value text, sentences or a base64 certificate', files: [`${DIR}/not-secret-values.yaml`] },
  ],
  invalid: [
    {
      name: 'credential names, in containers and init containers, including weak values',
      files: [CREDENTIAL_NAMES],
      findings: [
        byName('FLYWAY_PASSWORD', 20, 28, "init container 'migrate'"),
        byName('MYSQL_ROOT_PASSWORD', 26, 30),
        byName('POSTGRES_PASSWORD', 28, 31),
        byName('REDIS_PASS', 30, 27),
        byName('API_TOKEN', 32, 30),
        byName('AWS_SECRET_ACCESS_KEY', 34, 30),
        byName('GITHUB_TOKEN', 36, 36),
        byName('dbPassword', 38, 30),
        byName('CLIENT_SECRET', 40, 28),
        byName('AUTH_KEY', 42, 25),
        byName('MYSQL_PWD', 44, 26),
        byName('SECRET_KEY_BASE', 46, 32),
        byName('PASSWORD_2', 48, 28),
        byName('ADMIN_PASSPHRASE', 50, 50),
        byName('RABBITMQ_ERLANG_COOKIE', 52, 30),
      ],
    },
    {
      name: 'values that are secrets whatever the name: private keys (PEM, also base64), JWT, AWS key id, URL and connection string passwords, random strings',
      files: [`${DIR}/secret-values.yaml`],
      findings: [
        { range: '21:22-24:46', message: message("Environment variable 'TLS_CERT_AND_KEY'", "container 'api'", 'a private key') },
        { range: '26:22-26:106', message: message("Environment variable 'TLS_KEY_FILE'", "container 'api'", 'a private key') },
        { range: '28:22-28:186', message: message("Environment variable 'SIGNER'", "container 'api'", 'a private key') },
        { range: '30:22-30:105', message: message("Environment variable 'SESSION'", "container 'api'", 'a JSON Web Token') },
        { range: '32:22-32:42', message: message("Environment variable 'S3_KEY_ID'", "container 'api'", 'an AWS access key ID') },
        { range: '34:22-34:80', message: message("Environment variable 'DATABASE_URL'", "container 'api'", 'a URL with an embedded password') },
        { range: '36:22-36:80', message: message("Environment variable 'SQL_CONNECTION'", "container 'api'", 'a connection string with a password') },
        {
          range: '38:22-38:46',
          message: message("Environment variable 'UPSTREAM'", "container 'api'", 'what looks like a generated secret (a long random string)'),
        },
        {
          range: '40:22-40:64',
          message: message("Environment variable 'WEBHOOK_SIGNATURE'", "container 'api'", 'what looks like a generated secret (a long random string)'),
        },
      ],
    },
    {
      name: 'a value given through an alias (pointing at the anchor) and through block scalars',
      files: [`${DIR}/anchors-and-block-scalars.yaml`],
      findings: [
        { range: '20:34-20:51', message: message("Environment variable 'DB_PASSWORD'", "container 'app'") },
        {
          range: '22:22-22:33',
          message: message("Environment variable 'REPLICATION_PASSWORD'", "container 'app'"),
          related: [{ file: `${DIR}/anchors-and-block-scalars.yaml`, range: '20:34-20:51' }],
        },
        { range: '24:22-25:34', message: message("Environment variable 'ADMIN_TOKEN'", "container 'app'") },
      ],
    },
    {
      name: 'an entry that takes its value through a merge key is reported on the alias it merges',
      files: [`${DIR}/merge-key.yaml`],
      findings: [
        { range: '21:22-21:36', message: message("Environment variable 'ADMIN_PASSWORD'", "container 'app'") },
        { range: '22:19-22:33', message: message("Environment variable 'ADMIN_PASSWORD_COPY'", "container 'app'") },
      ],
    },
    {
      name: 'unnamed entries and containers, odd types beside them, valueFrom: null',
      files: [`${DIR}/unusual-shapes.yaml`],
      findings: [
        {
          range: '19:22-19:80',
          message: message('The environment variable at env[0]', 'the container at containers[0]', 'a JSON Web Token'),
        },
        { range: '27:22-27:33', message: message("Environment variable 'ODD_TOKEN'", 'the container at containers[0]') },
      ],
    },
    {
      name: 'a Secret the StatefulSet already reads, in its namespace, is suggested',
      files: [READS_SECRET, `${DIR}/secret-in-shop.yaml`],
      findings: [
        {
          range: '31:22-31:31',
          message: message("Environment variable 'POSTGRES_PASSWORD'", "container 'postgres'", 'a credential', " (this StatefulSet already reads Secret 'orders-db')"),
        },
      ],
    },
    {
      name: 'no Secret is suggested when the one read is in another namespace',
      files: [READS_SECRET, `${DIR}/secret-in-default.yaml`],
      findings: [{ range: '31:22-31:31', message: message("Environment variable 'POSTGRES_PASSWORD'", "container 'postgres'") }],
    },
    {
      name: 'a value a kustomize patch sets',
      files: [`${DIR}/patch/statefulset-patch.yaml`, `${DIR}/patch/kustomization.yaml`],
      findings: [{ range: '12:22-12:32', message: message("Environment variable 'MYSQL_ROOT_PASSWORD'", "container 'mysql'") }],
    },
  ],
});

describe('inline-secret fix data', () => {
  it('locates the entry and suggests a Secret name and key, without the value', () => {
    const [initFinding, first] = findingsOf('inline-secret', { files: [CREDENTIAL_NAMES] });
    assert.deepEqual(initFinding.fix, {
      envName: 'FLYWAY_PASSWORD',
      containerName: 'migrate',
      containerIndex: 0,
      init: true,
      envIndex: 0,
      statefulSetName: 'shop',
      namespace: 'default',
      suggestedSecretName: 'shop-credentials',
      suggestedKey: 'flyway-password',
    });
    assert.deepEqual(first.fix, {
      envName: 'MYSQL_ROOT_PASSWORD',
      containerName: 'mysql',
      containerIndex: 0,
      init: false,
      envIndex: 0,
      statefulSetName: 'shop',
      namespace: 'default',
      suggestedSecretName: 'shop-credentials',
      suggestedKey: 'mysql-root-password',
    });
  });

  it('turns camelCase and numbered names into lower-kebab-case keys', () => {
    const keys = findingsOf('inline-secret', { files: [CREDENTIAL_NAMES] }).map((finding) => finding.fix?.suggestedKey);
    assert.ok(keys.includes('db-password'));
    assert.ok(keys.includes('password-2'));
    assert.ok(keys.includes('rabbitmq-erlang-cookie'));
  });

  it('names a Secret of the same namespace that another variable already reads', () => {
    const [inShop] = findingsOf('inline-secret', { files: [READS_SECRET, `${DIR}/secret-in-shop.yaml`] });
    assert.deepEqual(inShop.fix, {
      envName: 'POSTGRES_PASSWORD',
      containerName: 'postgres',
      containerIndex: 0,
      init: false,
      envIndex: 2,
      statefulSetName: 'orders',
      namespace: 'shop',
      suggestedSecretName: 'orders-credentials',
      suggestedKey: 'postgres-password',
      existingSecretName: 'orders-db',
    });
    const [elsewhere] = findingsOf('inline-secret', { files: [READS_SECRET, `${DIR}/secret-in-default.yaml`] });
    assert.equal(elsewhere.fix?.existingSecretName, undefined);
  });

  it('tells where an aliased value is written, without repeating it', () => {
    const aliased = findingsOf('inline-secret', { files: [`${DIR}/anchors-and-block-scalars.yaml`] })[1];
    assert.deepEqual(
      aliased.related?.map((related) => related.message),
      ["The value of 'REPLICATION_PASSWORD' is written here, under a YAML anchor."],
    );
  });

  it('falls back to generic names when the entry and container have none', () => {
    const [unnamed] = findingsOf('inline-secret', { files: [`${DIR}/unusual-shapes.yaml`] });
    assert.equal(unnamed.fix?.envName, '');
    assert.equal(unnamed.fix?.containerName, '');
    assert.equal(unnamed.fix?.suggestedKey, 'credential');
  });
});

describe('inline-secret never leaks a credential', () => {
  /** The secret part of each value planted in the fixture; none of it may reach a finding. */
  const planted = [
    'Zp4q-init-Vx81-mN',
    'Qv8r-shared-Wz51-jL',
    'Hq2w-plain-Ty73-kB',
    'Jd5s-twice-Pn46-rC',
    'Lm7x-both-Rg29-tF',
    'Uy6e-url-Kc38-wD',
    'Bx9n-conn-Fh17-sQ',
    'eyJzdWIiOiJwbGFudGVkIn0.Nt4k-jwt-Ys62-pL',
    'AKIAPLANTEDQWX7YZ4KE',
    'Xk9mP2vL7qR4nT8wZ3yBplanted',
    'MIIEvQpemPlantedGw3e-Rk57-vJ',
    'Cs3d-badname-Mq84-hX',
  ];

  it('plants every value in the fixture', () => {
    const text = readFileSync(path.join(FIXTURES, PLANTED), 'utf8');
    for (const secret of planted) assert.ok(text.includes(secret), secret);
  });

  it('keeps every piece of the values out of all rules\' messages, related messages and fix data', () => {
    const findings = analyze(workspaceOf([PLANTED]), fixtureUri(PLANTED));
    assert.ok(findings.filter((finding) => finding.ruleId === 'inline-secret').length >= 10, 'the planted values are reported');
    const seen = findings
      .flatMap((finding) => [finding.message, ...(finding.related ?? []).map((related) => related.message), JSON.stringify(finding.fix ?? {})])
      .join('\n');
    for (const secret of planted) {
      for (let start = 0; start + 6 <= secret.length; start++) {
        const piece = secret.slice(start, start + 6);
        assert.ok(!seen.includes(piece), `'${piece}' of a planted value appears in a finding`);
      }
    }
  });
});
