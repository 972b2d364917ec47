import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertGrowsLinearly } from '../../../helpers/growth';
import {
  credentialEvidence,
  nameSuggestsCredential,
  shannonEntropy,
  wordsOf,
  type CredentialEvidence,
} from '../../../../server/src/engine/kubernetes/credentials';

type Case = [name: string | undefined, value: string];

function check(expected: CredentialEvidence | undefined, cases: Case[]): void {
  for (const [name, value] of cases) {
    assert.equal(credentialEvidence(name, value), expected, `${name ?? '(no name)'}: ${JSON.stringify(value)}`);
  }
}

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const BASE64_PRIVATE_KEY = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3FGYWtlRmFrZUZha2UKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=';
const BASE64_CERTIFICATE = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENCK3dJSkFMUmZ6RmFrZUZha2UKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';

describe('credentials', () => {
  it('splits names into lower-case words at punctuation and camelCase', () => {
    assert.deepEqual(wordsOf('MYSQL_ROOT_PASSWORD'), ['mysql', 'root', 'password']);
    assert.deepEqual(wordsOf('dbPassword'), ['db', 'password']);
    assert.deepEqual(wordsOf('APIKey'), ['api', 'key']);
    assert.deepEqual(wordsOf('OAuthToken'), ['oauth', 'token']);
    assert.deepEqual(wordsOf('getHTTPResponse'), ['get', 'http', 'response']);
    assert.deepEqual(wordsOf('my.env-name'), ['my', 'env', 'name']);
    assert.deepEqual(wordsOf('PASSWORD2'), ['password2']);
    assert.deepEqual(wordsOf('NEO4J_AUTH'), ['neo4j', 'auth']);
    assert.deepEqual(wordsOf('oauth2Token'), ['oauth2', 'token']);
    assert.deepEqual(wordsOf('__'), []);
  });

  it('measures Shannon entropy in bits per character', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('ab'), 1);
    assert.equal(shannonEntropy('abcd'), 2);
    assert.equal(shannonEntropy('0123456789abcdef'), 4);
  });

  it('recognizes credential names', () => {
    const credentials = [
      ...['MYSQL_ROOT_PASSWORD', 'POSTGRES_PASSWORD', 'REDIS_PASS', 'API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN'],
      ...['dbPassword', 'CLIENT_SECRET', 'AUTH_KEY', 'PGPASSWORD', 'MYSQL_PWD', 'DB_PW', 'HTPASSWD', 'ADMIN_PASSPHRASE'],
      ...['apiKey', 'API_KEY', 'X_APIKEY', 'PRIVATE_KEY', 'privateKey', 'MINIO_ACCESS_KEY', 'ENCRYPTION_KEY', 'SIGNING_KEY'],
      ...['OAuthToken', 'OAUTH_CLIENT_SECRET', 'GOOGLE_CREDENTIALS', 'BASIC_AUTH', 'REDIS_AUTH', 'AUTH_BEARER', 'JWT_SECRET'],
      ...['SECRET', 'TOKEN', 'secret', 'db-password', 'my.secret', 'PASSWORD_2', 'PASSWORD_HASH', 'SECRET_KEY_BASE', 'SECRET_ID'],
      ...['RABBITMQ_ERLANG_COOKIE', 'ACCESSTOKEN', 'refreshToken'],
    ];
    for (const name of credentials) assert.equal(nameSuggestsCredential(name), true, name);
  });

  it('knows names that are about a credential, or only look like one', () => {
    const others = [
      ...['PASSWORD_FILE', 'POSTGRES_PASSWORD_FILE', 'DB_PASSWORD_PATH', 'SECRETS_DIR', 'VAULT_TOKEN_FILE', 'JWT_SECRET_NAME'],
      ...['DB_SECRET_REF', 'TLS_KEY_FILE', 'TLS_PRIVATE_KEY_FILE', 'STKEEPER_PG_SU_PASSWORDFILE', 'SECRETNAME'],
      ...['POSTGRES_USER', 'AUTH_USERNAME', 'AUTH_USER', 'TOKEN_URL', 'AUTH_HOST', 'TOKEN_ENDPOINT', 'PASSWORD_MIN_LENGTH'],
      ...['MIN_PASSWORD_LENGTH', 'ENABLE_AUTH_ENABLED', 'AUTH_ENABLED', 'TOKEN_TTL', 'TOKEN_LIFETIME', 'POSTGRES_HOST_AUTH_METHOD'],
      ...['MINIO_PROMETHEUS_AUTH_TYPE', 'MYSQL_ROOT_PASSWORD_KEY', 'CLIENT_ID', 'GF_AUTH_GENERIC_OAUTH_CLIENT_ID', 'AWS_ACCESS_KEY_ID'],
      ...['GF_AUTH_GENERIC_OAUTH_ICON', 'ETCD_INITIAL_CLUSTER_TOKEN', 'PWD', 'OLDPWD', 'PASS_THROUGH', 'BYPASS', 'COMPASS_HEADING'],
      ...['TOKENIZER', 'SECRETARY', 'AUTHOR', 'OAUTH_ISSUER', 'SECRET_PROVIDER_CLASS', 'KEY', 'SORT_KEY', 'DB_HOST', ''],
    ];
    for (const name of others) assert.equal(nameSuggestsCredential(name), false, name);
  });

  it('reports credential names with literal values, even weak ones', () => {
    check('name', [
      ['MYSQL_ROOT_PASSWORD', 'password'],
      ['POSTGRES_PASSWORD', 'postgres'],
      ['REDIS_PASS', 'x'],
      ['API_TOKEN', 'abc123'],
      ['AWS_SECRET_ACCESS_KEY', 'minio123'],
      ['ADMIN_PASSPHRASE', 'correct horse battery staple'],
      ['BASIC_AUTH', 'admin:admin'],
      ['NEO4J_AUTH', 'neo4j/password'],
      ['GOOGLE_CREDENTIALS', '{"type": "service_account"}'],
      ['API_KEY', '8f14e45f-ceea-467f-a0e6-ed5e1d8d6c5a'],
      ['SESSION_SECRET', '3c0d9c0320bb34888c2df5757c718ce6ca992ce6'],
      ['DB_PASSWORD', '$(PREFIX)-hunter2'],
      ['SECRET', '  padded  '],
      ['ADMIN_PASSWORD', 'p4ss.w0rd'],
    ]);
  });

  it('leaves credential names alone when the value is a setting, a reference or a blank', () => {
    check(undefined, [
      ['REDIS_PASSWORD', ''],
      ['REDIS_PASSWORD', '   '],
      ['ENABLE_AUTH', 'true'],
      ['AUTH', 'False'],
      ['ZOO_ENABLE_AUTH', 'yes'],
      ['REDIS_AUTH', 'off'],
      ['REDIS_PASSWORD', 'none'],
      ['TOKEN', '3600'],
      ['SECRET_ROTATION', '1.5'],
      ['TOKEN_REFRESH', '1h30m'],
      ['GOOGLE_APPLICATION_CREDENTIALS', '/var/run/secrets/google/key.json'],
      ['CREDENTIALS', './creds.json'],
      ['AUTH', 'https://auth.example.com/login'],
      ['AUTH', 'auth.identity.svc.cluster.local'],
      ['MASTER_PASSWORD', '$(REDIS_PASSWORD)'],
      ['REDIS_AUTH', '$(REDIS_USER):$(REDIS_PASSWORD)'],
      ['SENTINEL_PASSWORD', '${SENTINEL_PASSWORD}'],
      ['BACKUP_TOKEN', '$BACKUP_TOKEN'],
      ['API_KEY', '<your-api-key>'],
      ['DB_PASSWORD', '********'],
      ['PASSWORD_MIN_LENGTH', 'twelve'],
      ['DB_PASSWORD_FILE', 'password.txt'],
      ['TLS_CREDENTIALS', '-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJALRfz\n-----END CERTIFICATE-----\n'],
      ['CA_SECRET', BASE64_CERTIFICATE],
      ['SSH_AUTH', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq3Xk9mP2vL7qR4nT8wZ3yB user@host'],
    ]);
  });

  it('reports private keys, also base64-encoded, whatever the name', () => {
    check('private-key', [
      ['CONFIG', '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n'],
      ['TLS_KEY_FILE', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----'],
      ['X', '-----BEGIN EC PRIVATE KEY-----'],
      ['X', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE='],
      ['X', '-----BEGIN ENCRYPTED PRIVATE KEY-----'],
      ['X', '-----BEGIN PGP PRIVATE KEY BLOCK-----'],
      ['SIGNER', BASE64_PRIVATE_KEY],
      [undefined, '-----BEGIN PRIVATE KEY-----'],
    ]);
  });

  it('reports JSON Web Tokens, AWS access key ids and passwords in URLs or connection strings, whatever the name', () => {
    check('jwt', [
      ['SESSION', JWT],
      ['HEADER', `Bearer ${JWT}`],
    ]);
    // Two segments are no JWT, though still a random-looking string.
    check('random', [['UNSIGNED', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0']]);
    check('aws-access-key', [
      ['S3_ID', 'AKIAIOSFODNN7EXAMPLE'],
      ['AWS_ACCESS_KEY_ID', 'ASIAZZZZFAKEEXAMPLE7'],
    ]);
    check('url-password', [
      ['DATABASE_URL', 'postgres://app:s3cret@db:5432/app'],
      ['REDIS_URL', 'redis://:hunter2@redis-0.redis:6379/0'],
      ['BROKER', 'amqp://guest:guest@rabbitmq'],
      ['DB_PASSWORD_FILE', 'mysql://root:root@mysql/app'],
    ]);
    check('connection-string-password', [
      ['SQL', 'Server=sql;Database=shop;User Id=shop;Password=Fake-Pw-42;'],
      ['JDBC', 'jdbc:sqlserver://sql:1433;databaseName=shop;user=sa;password=yourStrong(!)Password'],
      ['STORAGE', 'DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=ZmFrZS1rZXk=;EndpointSuffix=core.windows.net'],
      ['DSN', 'host=db user=app pwd=hunter2'],
    ]);
  });

  it('judges huge values in time linear in their length, whatever patterns they repeat', () => {
    // Each repeats what one pattern matches the start of, where backtracking would be quadratic.
    for (const [unit, tail] of [['a', ''], ['a:', ''], ['eyJ', ''], ['A1b2', '://'], ['x@', ''], ['Password=', '']]) {
      const values = new Map([10_000, 100_000].map((length) => [length, `${unit.repeat(length / unit.length)}${tail}`]));
      assertGrowsLinearly(`values made of '${unit}'`, (length) => {
        credentialEvidence('CONFIG', values.get(length)!);
        credentialEvidence('DB_PASSWORD', values.get(length)!);
      }, { small: 10_000, large: 100_000 });
    }
  });

  it('reports long random strings whatever the name', () => {
    check('random', [
      ['UPSTREAM', 'Xk9mP2vL7qR4nT8wZ3yBfake'],
      ['WEBHOOK', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYzz9Fake0q='],
      ['CONFIG', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
      ['CONFIG', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
      ['CONFIG', 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
      ['CONFIG', 'x8k2m9p4q7r1z5w3v6n0b8c4'],
      ['DB_CLUSTER', 'S3cr3tP@ssw0rd2024!xyzW'],
      [undefined, 'q8Zr2xLm4Tb7Wk1Nc5Vd'],
    ]);
  });

  it('leaves values alone that are public or structured, however random they look', () => {
    check(undefined, [
      ['CA_CERT', '-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJALRfz\n-----END CERTIFICATE-----\n'],
      ['CA_BUNDLE', BASE64_CERTIFICATE],
      ['PUBLIC', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----'],
      ['SSH_AUTHORIZED', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq3Xk9mP2vL7qR4nT8wZ3yB user@host'],
      ['JWT_HEADER_ONLY', 'eyJhbGciOiJIUzI1NiJ9'],
      ['ALMOST_AWS', 'AKIAIOSFODNN7EXAMPL'],
      ['MONITOR', 'https://monitor@metrics.example.com/push'],
      ['REDIS', 'redis://:$(REDIS_PASSWORD)@cache-0.cache:6379/0'],
      ['DB', 'postgres://app:${DB_PASSWORD}@db/app'],
      ['ENDPOINT', 'https://Xk9mP2vL7qR4nT8wZ3yB.example.com/v1'],
      ['KAFKA_CLUSTER_ID', 'MkU3OEVBNTcwNTJENDM2Qk'],
      ['CLUSTER_ID', 'Xk9mP2vL7qR4nT8wZ3yBfake'],
      ['BUILD_HASH', 'Xk9mP2vL7qR4nT8wZ3yBfake'],
      ['SEED_FILE', 'Xk9mP2vL7qR4nT8wZ3yBfake'],
      ['SENTINEL_ID_0', '3c0d9c0320bb34888c2df5757c718ce6ca992ce6'],
      ['COMMIT', '3c0d9c0320bb34888c2df5757c718ce6ca992ce6'],
      ['DIGEST', 'sha256:0d3f2c1b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817065f4e'],
      ['TENANT', '8F14E45F-CEEA-467F-A0E6-ED5E1D8D6C5A'],
      ['SEED_PROVIDER_CLASS', 'io.k8s.cassandra.KubernetesSeedProvider'],
      ['LOGIN_MODULE', 'org.apache.kafka.common.security.plain.PlainLoginModule'],
      ['CASSANDRA_DC', 'K8Demo-Rack1-DC1-Production'],
      ['JAVA_TOOL_OPTIONS', '-XX:MaxRAMPercentage=75.0'],
      ['CONFIGS', "wal_keep_segments:250,shared_buffers:300MB,archive_command:'/bin/true'"],
      ['PEERS', 'kafka-0.kafka-headless.streaming.svc.cluster.local:9093'],
      ['OWNER_POD', 'web-7d9f8b6c5d-x2k4p'],
      ['ROLE', 'arn:aws:iam::123456789012:role/KafkaBackupRole'],
      ['SERVICE_ACCOUNT', 'kafka-backup@my-project-123456.iam.gserviceaccount.com'],
      ['RELEASE', 'v3.9.0-rc.1+build.20240612'],
      ['ZONE_NAME', 'Europe/Amsterdam2024Zone'],
      ['DATA', '/var/lib/Xk9mP2vL7qR4nT8wZ3yB'],
      ['BROKER_SETTINGS', 'advertised.listeners=PLAINTEXT://kafka-0:9092'],
      ['FEATURES', 'Xk9mP2vL7qR4=true,nT8wZ3yBfake=false'],
      ['GREETING', 'Welcome to the Kafka cluster of the data platform team'],
      ['SHORT', 'Xk9mP2vL7qR4nT8wZ3y'],
      ['LOWER', 'kqzmxvbwplrtyhgfdsancu'],
      ['CAMEL', 'MyApplicationConfiguration2024Edition'],
      ['USERNAME_PATTERN', '^[a-zA-Z0-9_-]{3,16}$'],
    ]);
  });
});
