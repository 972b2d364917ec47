import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isEnvVarName,
  isIanaServiceName,
  isLabelKey,
  isLabelValue,
} from '../../../../server/src/engine/kubernetes/names';

function check(validator: (value: string) => boolean, valid: string[], invalid: string[]): void {
  for (const value of valid) assert.equal(validator(value), true, `accepts ${JSON.stringify(value)}`);
  for (const value of invalid) assert.equal(validator(value), false, `rejects ${JSON.stringify(value)}`);
}

describe('names', () => {
  it('checks DNS-1123 labels', () => {
    check(isDns1123Label, ['web', '0', '123-abc', 'a'.repeat(63)], ['', 'Web', 'my.app', '-web', 'web-', 'my_app', 'a'.repeat(64)]);
  });

  it('checks DNS-1123 subdomains', () => {
    check(
      isDns1123Subdomain,
      ['example.com', 'a', 'app.kubernetes.io', `${'a'.repeat(63)}.${'b'.repeat(189)}`],
      ['', 'Example.com', 'example..com', '.example.com', 'example.com.', 'under_score.io', 'a'.repeat(254)],
    );
  });

  it('checks IANA service names (port names)', () => {
    check(
      isIanaServiceName,
      ['http', 'web-1', 'h2c', 'a'.repeat(15), '8080-tcp'],
      ['', 'HTTP', '8080', 'a'.repeat(16), 'web--ui', '-web', 'web-', 'my_port', 'web.ui', 'http\u00e9'],
    );
  });

  it('checks environment variable names by the relaxed rule of Kubernetes 1.34', () => {
    check(
      (value) => isEnvVarName(value, true),
      ['DB_HOST', '1ST_VAR', 'MY VAR', 'a.b-c', '..', '~!@#$%^&*()'],
      ['', 'A=B', 'TAB\tNAME', 'NEW\nLINE', 'caf\u00e9'],
    );
  });

  it('checks environment variable names by the older rule', () => {
    check(
      (value) => isEnvVarName(value, false),
      ['DB_HOST', 'my.env-name', '_private', '.hidden', '-dash'],
      ['', '1ST_VAR', 'MY VAR', 'A=B', '.', '..', '..config', 'caf\u00e9'],
    );
  });

  it('checks label keys', () => {
    check(
      isLabelKey,
      ['app', 'App_Name.v2', 'app.kubernetes.io/name', 'example.com/Some-Key', 'a'.repeat(63), `${'a'.repeat(253)}/x`, '9'],
      [
        '',
        'app/',
        '/app',
        'a/b/c',
        'Example.com/app',
        'my app',
        '-app',
        'app.',
        'a'.repeat(64),
        `${'a'.repeat(254)}/x`,
        'example.com/a'.padEnd(77, 'b'),
      ],
    );
  });

  it('checks label values', () => {
    check(isLabelValue, ['', 'web', '1.0', 'v1_2-3.x', 'A'.repeat(63)], ['-web', 'web.', 'my app', 'a/b', 'A'.repeat(64), 'caf\u00e9']);
  });
});
