/*
 * Text helpers that run in Node and in a browser alike. Node's Buffer does them natively and
 * is used where it exists; the browser build, which has no Buffer, takes the portable way.
 */

interface NodeBuffer {
  byteLength(text: string, encoding: 'utf8'): number;
  from(text: string, encoding: 'utf16le'): { toString(encoding: 'utf16le'): string };
}

const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

/** The length of the text in UTF-8 bytes. */
export function utf8Length(text: string): number {
  if (nodeBuffer) return nodeBuffer.byteLength(text, 'utf8');
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** A string with its own storage rather than a view into a larger one. */
export function ownCopy(text: string): string {
  return nodeBuffer ? nodeBuffer.from(text, 'utf16le').toString('utf16le') : (JSON.parse(JSON.stringify(text)) as string);
}

/** Base64 of the text's UTF-8 bytes. */
export function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The UTF-8 text of base64, read as leniently as the API server's clients read Secret data:
 * the URL-safe alphabet is accepted, other characters are skipped, and reading stops at padding.
 */
export function decodeBase64(value: string): string {
  const digits = value.split('=')[0]!.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, '');
  const whole = digits.length % 4 === 1 ? digits.slice(0, -1) : digits;
  const binary = atob(whole + '='.repeat((4 - (whole.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
