import { GoError, type GoMap, type GoValue } from '../go/values';
import { mapArg, strval, text, type FunctionGroup } from './common';
import { adler32, sha1Hex, sha256Hex } from './hashes';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base64Encode(value: string): string {
  const bytes = encoder.encode(value);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

/** Decodes padded text of `alphabet` with `bits` per character, failing where Go's decoder reports the first bad byte. */
function decodeStrict(value: string, alphabet: string, bits: number, group: number): Uint8Array {
  // Go skips line breaks inside encoded text.
  const clean = value.replace(/[\r\n]/g, '');
  const out: number[] = [];
  let buffer = 0;
  let count = 0;
  let end = clean.length;
  while (end > 0 && clean[end - 1] === '=') end--;
  if (clean.length % group !== 0) throw new GoError(`illegal ${alphabet === BASE64 ? 'base64' : 'base32'} data at input byte ${Math.floor(clean.length / group) * group}`);
  for (let i = 0; i < end; i++) {
    const digit = alphabet.indexOf(clean[i]!);
    if (digit < 0) throw new GoError(`illegal ${alphabet === BASE64 ? 'base64' : 'base32'} data at input byte ${i}`);
    buffer = (buffer << bits) | digit;
    count += bits;
    if (count >= 8) {
      count -= 8;
      out.push((buffer >> count) & 0xff);
      buffer &= (1 << count) - 1;
    }
  }
  return new Uint8Array(out);
}

export function base64Decode(value: string): string {
  return decoder.decode(decodeStrict(value, BASE64, 6, 4));
}

export function base32Encode(value: string): string {
  const bytes = encoder.encode(value);
  let out = '';
  let buffer = 0;
  let count = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    count += 8;
    while (count >= 5) {
      count -= 5;
      out += BASE32[(buffer >> count) & 31]!;
    }
    buffer &= (1 << count) - 1;
  }
  if (count > 0) out += BASE32[(buffer << (5 - count)) & 31]!;
  return out + '='.repeat((8 - (out.length % 8)) % 8);
}

/** Sprig's decoders return the error text instead of failing, and charts rely on rendering on. */
function orErrorText(decode: () => string): string {
  try {
    return decode();
  } catch (error) {
    if (error instanceof GoError) return error.message;
    throw error;
  }
}

/** A URL split the way Go's `net/url` names the parts. */
function parseUrl(value: string): GoMap {
  const match = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
  if (!match) throw new GoError(`unable to parse url: ${value}`);
  const [, scheme = '', authority, rest = '', query = '', fragment = ''] = match;
  let userinfo = '';
  let host = authority ?? '';
  const at = host.lastIndexOf('@');
  if (at >= 0) [userinfo, host] = [host.slice(0, at), host.slice(at + 1)];
  const hostname = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '');
  const opaque = authority === undefined && scheme !== '' && !rest.startsWith('/') ? rest : '';
  return new Map<string, GoValue>([
    ['scheme', scheme],
    ['host', host],
    ['hostname', hostname],
    ['path', opaque === '' ? decodeURIComponentSafe(rest) : ''],
    ['query', query],
    ['opaque', opaque],
    ['fragment', decodeURIComponentSafe(fragment)],
    ['userinfo', userinfo],
  ]);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function joinUrl(parts: GoMap): string {
  const part = (name: string): string => (parts.has(name) ? strval(parts.get(name)!) : '');
  let out = '';
  if (part('scheme') !== '') out += part('scheme') + ':';
  if (part('opaque') !== '') out += part('opaque');
  else {
    if (part('host') !== '' || part('userinfo') !== '') out += '//' + (part('userinfo') !== '' ? part('userinfo') + '@' : '') + part('host');
    const path = part('path');
    if (path !== '' && !path.startsWith('/') && out.endsWith(part('host')) && part('host') !== '') out += '/';
    out += path;
  }
  if (part('query') !== '') out += '?' + part('query');
  if (part('fragment') !== '') out += '#' + part('fragment');
  return out;
}

export const encodingFunctions: FunctionGroup = {
  b64enc: (_context, s = null) => base64Encode(strval(s ?? '')),
  b64dec: (_context, s = null) => orErrorText(() => base64Decode(strval(s ?? ''))),
  b32enc: (_context, s = null) => base32Encode(strval(s ?? '')),
  b32dec: (_context, s = null) => orErrorText(() => decoder.decode(decodeStrict(strval(s ?? ''), BASE32, 5, 8))),
  sha256sum: (_context, s = null) => sha256Hex(text(s, 'sha256sum')),
  sha1sum: (_context, s = null) => sha1Hex(text(s, 'sha1sum')),
  adler32sum: (_context, s = null) => String(adler32(text(s, 'adler32sum'))),
  urlParse: (_context, s = null) => parseUrl(text(s, 'urlParse')),
  urlJoin: (_context, parts = null) => joinUrl(mapArg(parts, 'urlJoin')),
};
