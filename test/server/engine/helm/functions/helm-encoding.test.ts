import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rope } from '../../../../../server/src/engine/helm/go/rope';
import { GoStruct, type GoValue } from '../../../../../server/src/engine/helm/go/values';
import { helmFunctions } from '../../../../../server/src/engine/helm/functions/index';
import { call, goError, map, str } from './call';

describe('Helm functions', () => {
  it('fails required on nil and on an empty string, with the given message', () => {
    assert.throws(() => call('required', 'image.tag is required', null), goError('image.tag is required'));
    assert.throws(() => call('required', 'name is required', ''), goError('name is required'));
    assert.throws(() => call('required', 'name is required', Rope.of('')), goError('name is required'));
    assert.equal(call('required', 'x', 0), 0);
    assert.equal(call('required', 'x', false), false);
    const given = map({ a: 1 });
    assert.equal(call('required', 'x', given), given);
  });

  it('fails with the message of fail', () => {
    assert.throws(() => call('fail', 'replicaCount must be odd'), goError('replicaCount must be odd'));
  });

  it('renders through the context for include and tpl, and finds nothing in lookup', () => {
    const included = call('include', 'chart.labels', map({ a: 1 }));
    assert.ok(included instanceof Rope);
    assert.equal(str(included), 'included chart.labels with a');
    assert.equal(str(call('tpl', '{{ .Values.x }}', map({ Values: map({}) }))), 'tpl({{ .Values.x }}) Values');
    assert.deepEqual(call('lookup', 'v1', 'Secret', 'ns', 'name'), new Map());
  });

  it('has every function the research lists as used by charts', () => {
    const table = helmFunctions();
    const used =
      'include toYaml tpl required fromYaml fail lookup toJson dict nindent quote list default empty ternary omit trimSuffix trunc b64enc int append contains sha256sum coalesce join toString genSignedCert upper until genCA add regexFind without trim lower set mustMergeOverwrite mul pick randAlphaNum sub hasKey trimAll merge has get b64dec int64 indent squote splitList div semverCompare replace add1 kindIs concat hasSuffix now deepCopy date regexMatch float64 floor mulf mergeOverwrite typeIs prepend uniq first htpasswd kindOf regexReplaceAll mod split toPrettyJson randAlpha min max genPrivateKey keys compact mustToPrettyJson sortAlpha trimPrefix cat kebabcase dateInZone urlParse hasPrefix base unset buildCustomCert last mustRegexMatch dig semver randNumeric randAscii regexReplaceAllLiteral substr shuffle reverse regexQuoteMeta toToml fromJson fromYamlArray fromJsonArray mustToYaml mustToJson slice';
    const missing = used.split(' ').filter((name) => !table.has(name));
    assert.deepEqual(missing, []);
  });

  it('fails clearly for what cannot work offline', () => {
    assert.throws(() => call('getHostByName', 'example.com'), goError(/not supported/));
  });
});

describe('encodings and hashes', () => {
  it('encodes and decodes base64 and base32 over UTF-8', () => {
    assert.equal(call('b64enc', 'hello'), 'aGVsbG8=');
    assert.equal(call('b64enc', 'héllo'), 'aMOpbGxv');
    assert.equal(call('b64dec', 'aGVsbG8='), 'hello');
    assert.equal(call('b64dec', 'aMOpbGxv'), 'héllo');
    assert.equal(call('b64dec', 'a$b='), 'illegal base64 data at input byte 1');
    assert.equal(call('b32enc', 'hello'), 'NBSWY3DP');
    assert.equal(call('b32dec', 'NBSWY3DP'), 'hello');
  });

  it('hashes for real', () => {
    assert.equal(call('sha256sum', ''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(call('sha256sum', 'Hello world!'), 'c0535e4be2b79ffd93291305436bf889314e4a3faec05ecffcbb7df31ad9e51a');
    assert.equal(call('sha256sum', 'x'.repeat(1000)), '44f8354494a5ba03ba1792a8d3e9c534c47a9181980fde7a3f44b06ef2ae7c7f');
    assert.equal(call('sha1sum', 'y'.repeat(200)), 'b33e583382991d2705cd024f5a21b5ec82a27794');
    assert.equal(call('sha1sum', 'Hello world!'), 'd3486ae9136e7856bc42212385ea797094475802');
    assert.equal(call('adler32sum', 'Hello world!'), '487130206');
  });

  it('parses and joins URLs', () => {
    const parsed = call('urlParse', 'http://admin:secret@server.com:8080/api?list=false#anchor') as Map<string, GoValue>;
    assert.deepEqual(parsed, map({ scheme: 'http', host: 'server.com:8080', hostname: 'server.com', path: '/api', query: 'list=false', opaque: '', fragment: 'anchor', userinfo: 'admin:secret' }));
    assert.equal(call('urlJoin', map({ fragment: 'fragment', host: 'host:80', path: '/path', query: 'query', scheme: 'http' })), 'http://host:80/path?query#fragment');
  });

  it('works on slash paths', () => {
    assert.equal(call('base', 'foo/bar/baz'), 'baz');
    assert.equal(call('dir', 'foo/bar/baz'), 'foo/bar');
    assert.equal(call('clean', 'foo/../bar'), 'bar');
    assert.equal(call('ext', 'foo.bar'), '.bar');
    assert.equal(call('isAbs', '/x'), true);
  });
});

describe('deterministic stand-ins', () => {
  it('gives random strings of the right length and alphabet, the same every time', () => {
    const first = str(call('randAlphaNum', 10n));
    assert.match(first, /^[A-Za-z0-9]{10}$/);
    assert.equal(call('randAlphaNum', 10n), first);
    assert.match(str(call('randAlpha', 5n)), /^[A-Za-z]{5}$/);
    assert.match(str(call('randNumeric', 6n)), /^[0-9]{6}$/);
    assert.equal(str(call('randAscii', 20n)).length, 20);
    assert.match(str(call('uuidv4')), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives PEM-shaped keys and certificates', () => {
    assert.match(str(call('genPrivateKey', 'rsa')), /^-----BEGIN RSA PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END RSA PRIVATE KEY-----\n$/);
    assert.match(str(call('genPrivateKey', 'ecdsa')), /^-----BEGIN EC PRIVATE KEY-----/);
    const ca = call('genCA', 'my-ca', 365n) as GoStruct;
    assert.match(str(ca.fields.get('Cert')!), /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    assert.match(str(ca.fields.get('Key')!), /^-----BEGIN RSA PRIVATE KEY-----/);
    const cert = call('genSignedCert', 'svc', null, ['svc.ns'], 365n, ca) as GoStruct;
    assert.match(str(cert.fields.get('Cert')!), /BEGIN CERTIFICATE/);
    const custom = call('buildCustomCert', call('b64enc', 'CERT'), call('b64enc', 'KEY')) as GoStruct;
    assert.equal(custom.fields.get('Cert'), 'CERT');
    assert.match(str(call('htpasswd', 'user', 'pass')), /^user:\$2a\$10\$[./A-Za-z0-9]{53}$/);
  });

  it('formats a fixed now with Go layouts', () => {
    assert.equal(call('date', '2006-01-02', call('now')), '2024-01-01');
    assert.equal(call('dateInZone', '2006-01-02T15:04:05Z07:00', call('now'), 'UTC'), '2024-01-01T00:00:00Z');
    assert.equal(call('date', 'Jan 2, 2006 at 3:04pm (MST)', 0n), 'Jan 1, 1970 at 12:00am (UTC)');
    assert.equal(call('date', '2006-01-02 15:04:05', call('toDate', '2006-01-02', '2017-12-31')), '2017-12-31 00:00:00');
    assert.equal(call('unixEpoch', call('toDate', '2006-01-02T15:04:05Z07:00', '2020-01-01T01:00:00+01:00')), '1577836800');
  });
});
