/**
 * Whether an environment variable's literal value is a credential, judged by its name and by
 * the shape of the value. A false warning costs the user's trust in every other finding, so
 * each heuristic errs towards silence on values that have a known, harmless shape.
 */

/** Why a value was judged a credential; never anything taken from the value itself. */
export type CredentialEvidence =
  | 'name'
  | 'private-key'
  | 'jwt'
  | 'aws-access-key'
  | 'url-password'
  | 'connection-string-password'
  | 'random';

/** Words that mark a credential wherever they sit in a word (`PGPASSWORD`, `clientSecret`). */
const CREDENTIAL_STEMS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'credential', 'apikey', 'accesskey', 'privatekey'];
/**
 * Short words that mark a credential only as the last word or before `key`: `REDIS_PASS`,
 * `BASIC_AUTH` and `AUTH_KEY` are credentials, while in `GF_AUTH_GENERIC_OAUTH_ICON` or
 * `PASS_THROUGH` the word is not the subject.
 */
const WEAK_CREDENTIAL_WORDS = new Set(['pass', 'pwd', 'pw', 'auth', 'bearer']);
/** Word pairs that mark a credential (`API_KEY`, `apiKey`, `RABBITMQ_ERLANG_COOKIE`). */
const CREDENTIAL_PHRASES: [string, string][] = [
  ['api', 'key'],
  ['private', 'key'],
  ['access', 'key'],
  ['encryption', 'key'],
  ['signing', 'key'],
  ['erlang', 'cookie'],
];
/** Ordinary words that merely contain a stem. */
const NOT_CREDENTIAL_WORDS = /^(secretar|tokeniz|detokeniz)/;
/** Names that look like credentials but are known settings. */
const NOT_CREDENTIAL_NAMES = [
  // The shell's working directories.
  /^(old)?pwd$/,
  // etcd's --initial-cluster-token only keeps separate clusters apart; it grants no access.
  /(^|-)initial-cluster-token$/,
];

/**
 * A last word that makes the variable about a credential rather than the credential itself:
 * where it is (`DB_PASSWORD_FILE`), which one (`JWT_SECRET_NAME`), who uses it
 * (`AUTH_USERNAME`) or how it behaves (`PASSWORD_MIN_LENGTH`, `AUTH_METHOD`).
 */
const SETTING_WORDS = new Set([
  ...['file', 'files', 'path', 'paths', 'dir', 'dirs', 'directory', 'folder', 'location', 'mount'],
  ...['url', 'urls', 'uri', 'uris', 'endpoint', 'endpoints', 'host', 'hosts', 'hostname', 'port', 'addr', 'address'],
  ...['server', 'service', 'domain', 'realm', 'issuer', 'audience', 'scope', 'scopes', 'claim', 'claims'],
  ...['name', 'names', 'ref', 'reference', 'env', 'var', 'variable', 'field', 'property', 'attribute', 'class'],
  ...['region', 'zone', 'namespace', 'project', 'bucket', 'template', 'message', 'subject', 'title', 'description'],
  ...['user', 'users', 'username', 'usernames', 'userid', 'login', 'email', 'role', 'group'],
  ...['type', 'kind', 'mode', 'method', 'mechanism', 'mechanisms', 'provider', 'plugin', 'backend', 'store', 'source'],
  ...['policy', 'strategy', 'scheme', 'format', 'encoding', 'algorithm', 'algo', 'alg', 'header', 'prefix', 'suffix', 'version'],
  ...['enabled', 'enable', 'disabled', 'disable', 'required', 'require', 'enforce', 'enforced', 'allowed', 'optional'],
  ...['length', 'len', 'min', 'max', 'minimum', 'maximum', 'size', 'count', 'limit', 'threshold', 'retries', 'attempts'],
  ...['ttl', 'timeout', 'expiry', 'expiration', 'expire', 'expires', 'lifetime', 'duration', 'interval', 'period'],
  ...['validity', 'age', 'delay', 'days', 'hours', 'minutes', 'seconds', 'ms'],
]);
/** A compound ending in a setting word (`PASSWORDFILE`); shorter words end too many others. */
const ENDS_IN_SETTING_WORD = new RegExp(`(${[...SETTING_WORDS].filter((word) => word.length >= 4).join('|')})$`);
/** Last words of identifiers, which are random by design and grant nothing (`KAFKA_CLUSTER_ID`). */
const IDENTIFIER_WORDS = new Set([
  ...['id', 'ids', 'uuid', 'guid', 'uid', 'arn', 'hash', 'digest', 'checksum', 'sha', 'fingerprint', 'thumbprint'],
  ...['commit', 'revision', 'rev', 'serial', 'image', 'tag', 'label', 'selector', 'nonce'],
]);

/**
 * The words of an environment variable name, lower-cased: split on `_`, `-`, `.` and other
 * punctuation, and at camelCase boundaries (`dbPassword`, `APIKey`, `OAuthToken`).
 */
export function wordsOf(name: string): string[] {
  const words = (SHOUTING_NAME.test(name) ? name : splitCamelCase(name))
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
  // `OAuth` splits like an acronym followed by a word, but it is one word.
  const joined: string[] = [];
  for (let index = 0; index < words.length; index++) {
    if (words[index] === 'o' && words[index + 1] === 'auth') continue;
    joined.push(words[index] === 'auth' && words[index - 1] === 'o' ? 'oauth' : words[index]);
  }
  return joined;
}

/** The usual shape of an environment variable name, which has no camelCase boundary to find. */
const SHOUTING_NAME = /^[A-Z0-9_]*$/;

function splitCamelCase(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([0-9])([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

/** Whether the name says the variable holds a credential. */
export function nameSuggestsCredential(name: string): boolean {
  return wordsSuggestCredential(matchableWordsOf(name));
}

function wordsSuggestCredential(words: readonly string[]): boolean {
  if (NOT_CREDENTIAL_NAMES.some((pattern) => pattern.test(words.join('-')))) return false;
  if (isAboutCredential(words)) return false;
  return words.some(
    (word, index) =>
      (WEAK_CREDENTIAL_WORDS.has(word) && (index === words.length - 1 || words[index + 1] === 'key')) ||
      (!NOT_CREDENTIAL_WORDS.test(word) && CREDENTIAL_STEMS.some((stem) => word.includes(stem))) ||
      CREDENTIAL_PHRASES.some(([first, second]) => word === first && words[index + 1] === second),
  );
}

/**
 * Why a literal `value` of the variable `name` is a credential, or undefined when it is not
 * one. The value's own shape is the stronger evidence, so it is judged first.
 */
export function credentialEvidence(name: string | undefined, value: string): CredentialEvidence | undefined {
  const text = value.trim();
  if (text === '' || isPlaceholder(text)) return undefined;
  const shape = secretShapeOf(text);
  if (shape) return shape;
  if (name === undefined) return looksRandom(text) ? 'random' : undefined;
  const words = matchableWordsOf(name);
  if (wordsSuggestCredential(words)) return canBeCredential(text) ? 'name' : undefined;
  if (isAboutCredential(words) || IDENTIFIER_WORDS.has(words.at(-1) ?? '')) return undefined;
  return looksRandom(text) ? 'random' : undefined;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  let length = 0;
  for (const character of text) {
    counts.set(character, (counts.get(character) ?? 0) + 1);
    length++;
  }
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / length) * Math.log2(count / length);
  return entropy;
}

/** The words without numbering: `PASSWORD2` is a password, `SENTINEL_ID_0` an id. */
function matchableWordsOf(name: string): string[] {
  return wordsOf(name)
    .map((word) => word.replace(/\d+$/, ''))
    .filter((word) => word !== '');
}

/**
 * Whether the last word makes the name about a credential, also at the end of a compound
 * (`PASSWORDFILE`). `X_PASSWORD_KEY` names the key of a Secret that holds a password, while
 * `SECRET_KEY` or `AUTH_KEY` are keys themselves; `CLIENT_ID` names a client, while Vault's
 * `SECRET_ID` is a credential.
 */
function isAboutCredential(words: readonly string[]): boolean {
  const [last, previous] = [words.at(-1), words.at(-2) ?? ''];
  if (last === undefined) return true;
  if (last === 'key' && ['password', 'passwd', 'pwd', 'pass', 'pw'].includes(previous)) return true;
  if (last === 'id') return previous !== 'secret';
  return SETTING_WORDS.has(last) || ENDS_IN_SETTING_WORD.test(last);
}

const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** Base64 of `-----BEGIN`, how PEM text looks once encoded again for a config value. */
const BASE64_PEM = /^LS0tLS1CRUdJT[A-Za-z0-9+/]*={0,2}$/;
const JWT = /(?<![\w-])eyJ[\w-]{7,}\.[\w-]{2,}\.[\w-]{2,}(?![\w-])/;
const AWS_ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
/**
 * `scheme://user:password@host`: the password is the second group. The scheme starts where a
 * run of scheme characters starts, which keeps the search linear on long values.
 */
const URL_WITH_PASSWORD = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/([^\s:@/]*):([^\s@/]+)@/i;
/** `Password=...` in an ADO.NET, JDBC or Azure connection string, or a URL's query. */
const CONNECTION_STRING_PASSWORD = /(?:^|[;?&\s])(?:password|pwd|passwd|accountkey|sharedaccesskey)=([^;&\s]+)/i;

/** Shapes that are credentials whatever the variable is called. */
function secretShapeOf(text: string): CredentialEvidence | undefined {
  // Each shape holds a fixed piece of text; looking for it first spares most values every pattern.
  if (text.includes('-----BEGIN') && PEM_PRIVATE_KEY.test(text)) return 'private-key';
  if (text.startsWith('LS0tLS1CRUdJT') && BASE64_PEM.test(text) && PEM_PRIVATE_KEY.test(decodeBase64(text))) return 'private-key';
  if (text.includes('eyJ') && JWT.test(text)) return 'jwt';
  if ((text.includes('AKIA') || text.includes('ASIA')) && AWS_ACCESS_KEY_ID.test(text)) return 'aws-access-key';
  const url = text.includes('://') ? URL_WITH_PASSWORD.exec(text) : null;
  if (url && !isPlaceholder(url[2])) return 'url-password';
  const connection = text.includes('=') ? CONNECTION_STRING_PASSWORD.exec(text) : null;
  if (connection && !isPlaceholder(connection[1])) return 'connection-string-password';
  return undefined;
}

/** PEM text other than a private key, or an SSH public key: certificates and public keys are public. */
const PUBLIC_PEM = /-----BEGIN [A-Z0-9 ]+-----/;
const SSH_PUBLIC_KEY = /^(ssh-[a-z0-9]+|ecdsa-sha2-[a-z0-9]+|sk-[a-z0-9@.-]+) AAAA/;

function isPublicKeyMaterial(text: string): boolean {
  return PUBLIC_PEM.test(text) || (BASE64_PEM.test(text) && PUBLIC_PEM.test(decodeBase64(text))) || SSH_PUBLIC_KEY.test(text);
}

function decodeBase64(text: string): string {
  try {
    return atob(text);
  } catch {
    return '';
  }
}

/**
 * A value filled in later: only `$(VAR)` references, which Kubernetes expands from other
 * variables, `${VAR}` or `$VAR` for envsubst, a `<your-password>` blank, or a mask (`****`).
 */
function isPlaceholder(text: string): boolean {
  if (!text.includes('$') && !text.includes('<')) return !/[A-Za-z0-9]/.test(text);
  const rest = text
    .replace(/(?<!\$)\$\([^()]*\)/g, '')
    .replace(/\$\{[^{}]*\}/g, '')
    .replace(/^\$[A-Z_][A-Z0-9_]*$/, '')
    .replace(/^<[^<>]*>$/, '');
  return !/[A-Za-z0-9]/.test(rest);
}

const BOOLEAN_LIKE = /^(true|false|yes|no|y|n|on|off|enabled?|disabled?|none|null|nil|~)$/i;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** A duration such as `30s`, `1h30m` or `7d`. */
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d|w))+$/;
const ABSOLUTE_PATH = /^(\/|~\/|\.\.?\/|[A-Za-z]:\\)/;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const IN_CLUSTER_DNS_NAME = /\.(svc|svc\.cluster\.local|cluster\.local)\.?(:\d+)?$/;

/**
 * Whether the value of a variable named like a credential can be one: `AUTH_ENABLED: "true"`,
 * `TOKEN_TTL: "3600"` and `GOOGLE_APPLICATION_CREDENTIALS: /var/run/key.json` are settings,
 * and a CA certificate is public.
 */
function canBeCredential(text: string): boolean {
  const settings = [BOOLEAN_LIKE, NUMBER, DURATION, ABSOLUTE_PATH, URL, IN_CLUSTER_DNS_NAME];
  return !settings.some((shape) => shape.test(text)) && !isPublicKeyMaterial(text);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
/** A DNS name or a Kubernetes object name such as `web-7d9f8b6c5d-x2k4p`. */
const DNS_NAME = /^[a-z0-9]+([-.][a-z0-9]+)+\.?(:\d+)?$/;
/** A digest (`sha256:` and hex) or bare hex: commit ids and checksums look the same as hex keys. */
const HEX = /^((sha|md)\d*:)?[0-9a-f]+$/i;
const VERSION = /^v?\d+(\.\d+)+([-+][0-9A-Za-z.+-]*)?$/;
/** `key=value`, alone or in a list; base64 only has `=` at its end. */
const ASSIGNMENT = /^[A-Za-z_][\w.-]*=[^=]/;
/** Values that are random by design or by structure, yet not secrets. */
const NOT_SECRET_SHAPES = [/\s/, /:\/\//, ABSOLUTE_PATH, /^-/, /^arn:/, UUID, EMAIL, DNS_NAME, HEX, VERSION, ASSIGNMENT];

const MIN_RANDOM_LENGTH = 20;
const MIN_RANDOM_ENTROPY = 4;
/**
 * Letter runs in a generated string are short, since case and digits change at random
 * (`Xk9mP2vL`); names and words keep theirs (`K8Demo-Rack1`, `KubernetesSeedProvider`).
 */
const MAX_RANDOM_WORD_LENGTH = 3;
const MAX_RANDOM_SYMBOL_SHARE = 0.25;

/** A long generated string: high entropy, mixed character classes and no word-like structure. */
function looksRandom(text: string): boolean {
  if (text.length < MIN_RANDOM_LENGTH || NOT_SECRET_SHAPES.some((shape) => shape.test(text))) return false;
  if (isPublicKeyMaterial(text)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((characterClass) => characterClass.test(text)).length;
  if (classes < 2 || shannonEntropy(text) < MIN_RANDOM_ENTROPY) return false;
  // Generated secrets are mostly letters and digits; patterns and templates are mostly syntax.
  if (text.replace(/[A-Za-z0-9]/g, '').length > text.length * MAX_RANDOM_SYMBOL_SHARE) return false;
  const letterRuns = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((run) => run !== '');
  const averageRun = letterRuns.reduce((sum, run) => sum + run.length, 0) / Math.max(letterRuns.length, 1);
  return averageRun <= MAX_RANDOM_WORD_LENGTH;
}
