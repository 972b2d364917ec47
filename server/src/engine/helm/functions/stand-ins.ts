import { GoError, GoStruct, type GoValue } from '../go/values';
import { intArg, strval, text, type FunctionGroup } from './common';
import { base64Decode, base64Encode } from './encoding';
import { sha256Hex } from './hashes';

/**
 * Random values, keys and certificates without randomness or cryptography: what they render
 * is never checked, only its shape (length, alphabet, PEM armour), and a render must give
 * the same text every time so that findings do not flicker between edits.
 */

const ALPHA = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ASCII = [...Array(94)].map((_, i) => String.fromCharCode(33 + i)).join('');

/** A fixed run over an alphabet; the length is what a chart relies on. */
function fill(alphabet: string, count: GoValue, name: string): string {
  const length = intArg(count, name);
  if (length < 0) throw new GoError(`${name}: negative length`);
  if (length > 10_000_000) throw new GoError(`${name}: a length of ${length} is more than rendering allows`);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(i * 7 + 3) % alphabet.length];
  return out;
}

function pem(label: string, seed: string, lines: number): string {
  const body: string[] = [];
  let material = '';
  while (material.length < lines * 64) material += base64Encode(sha256Hex(seed + material.length));
  for (let i = 0; i < lines; i++) body.push(material.slice(i * 64, (i + 1) * 64));
  return `-----BEGIN ${label}-----\n${body.join('\n')}\n-----END ${label}-----\n`;
}

const KEY_LABELS: Record<string, string> = { rsa: 'RSA PRIVATE KEY', dsa: 'DSA PRIVATE KEY', ecdsa: 'EC PRIVATE KEY', ed25519: 'PRIVATE KEY' };

function privateKey(kind: string, seed: string): string {
  const label = KEY_LABELS[kind];
  if (!label) throw new GoError(`Unknown type ${kind}`);
  return pem(label, `${kind}:${seed}`, kind === 'rsa' ? 25 : 3);
}

/** Sprig's certificate value: `.Cert` and `.Key` as PEM text. */
function certificate(cert: string, key: string): GoStruct {
  return new GoStruct('sprig.certificate', new Map<string, GoValue>([['Cert', cert], ['Key', key]]));
}

function issued(kind: string, commonName: GoValue, ...rest: GoValue[]): GoStruct {
  const seed = [kind, strval(commonName), ...rest.map(strval)].join('|');
  return certificate(pem('CERTIFICATE', seed, 18), privateKey('rsa', seed));
}

function keyOf(value: GoValue, name: string): string {
  const key = text(value, name);
  if (!key.includes('-----BEGIN')) throw new GoError('error decoding private key: no PEM data found');
  return key;
}

export const standInFunctions: FunctionGroup = {
  randAlphaNum: (_context, count = null) => fill(ALPHA + DIGITS, count, 'randAlphaNum'),
  randAlpha: (_context, count = null) => fill(ALPHA, count, 'randAlpha'),
  randNumeric: (_context, count = null) => fill(DIGITS, count, 'randNumeric'),
  randAscii: (_context, count = null) => fill(ASCII, count, 'randAscii'),
  randBytes: (_context, count = null) => base64Encode(fill('\x01', count, 'randBytes')),
  uuidv4: () => '6ba7b810-9dad-41d1-80b4-00c04fd430c8',
  genPrivateKey: (_context, kind = null) => privateKey(text(kind, 'genPrivateKey'), 'key'),
  genCA: (_context, commonName = null, days = null) => issued('ca', commonName, days),
  genCAWithKey: (_context, commonName = null, _days = null, key = null) => certificate(pem('CERTIFICATE', `ca|${strval(commonName)}`, 18), keyOf(key, 'genCAWithKey')),
  genSelfSignedCert: (_context, commonName = null, ips = null, names = null, days = null) => issued('self', commonName, ips, names, days),
  genSelfSignedCertWithKey: (_context, commonName = null, _ips = null, _names = null, _days = null, key = null) =>
    certificate(pem('CERTIFICATE', `self|${strval(commonName)}`, 18), keyOf(key, 'genSelfSignedCertWithKey')),
  genSignedCert: (_context, commonName = null, ips = null, names = null, days = null) => issued('signed', commonName, ips, names, days),
  genSignedCertWithKey: (_context, commonName = null, _ips = null, _names = null, _days = null, _ca = null, key = null) =>
    certificate(pem('CERTIFICATE', `signed|${strval(commonName)}`, 18), keyOf(key, 'genSignedCertWithKey')),
  buildCustomCert: (_context, cert = null, key = null) => {
    try {
      return certificate(base64Decode(text(cert, 'buildCustomCert')), base64Decode(text(key, 'buildCustomCert')));
    } catch {
      throw new GoError('unable to decode base64 certificate');
    }
  },
  derivePassword: (_context, counter = null, kind = null, password = null, user = null, site = null) => {
    const digest = sha256Hex([counter, kind, password, user, site].map(strval).join('|'));
    return digest.slice(0, 20);
  },
  // A bcrypt-shaped hash: `$2a$10$` and 53 characters, as htpasswd files carry.
  htpasswd: (_context, user = null, password = null) => {
    const name = text(user, 'htpasswd');
    if (name.includes(':')) return 'invalid username: ' + name;
    const digest = base64Encode(sha256Hex(name + ':' + text(password, 'htpasswd'))).replace(/[+=]/g, '.');
    return `${name}:$2a$10$${digest.slice(0, 53)}`;
  },
  bcrypt: (_context, password = null) => `$2a$10$${base64Encode(sha256Hex(text(password, 'bcrypt'))).replace(/[+=]/g, '.').slice(0, 53)}`,
};

/** Names Helm defines whose work cannot happen here: they fail with a message saying so. */
export const unsupportedFunctions: FunctionGroup = Object.fromEntries(
  (['getHostByName', 'encryptAES', 'decryptAES', 'sha512sum'] as const).map((name) => [
    name,
    () => {
      throw new GoError(`${name} is not supported by this renderer (no network, no cryptography)`);
    },
  ]),
);
