import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, fixesOf, fixTitled, sessionOf, toCrlf } from '../../../helpers/fix-tester';

const URI = 'file:///fixtures/fixes/suppress.yaml';

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: cache',
  'spec:',
  '  serviceName: cache',
  '  podManagementPolicy: parallel',
  '  selector:',
  '    matchLabels:',
  '      app: cache',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: cache',
  '    spec:',
  '      containers:',
  '        - name: redis',
  '          image: redis:7.4',
  '          imagePullPolicy: always',
  '',
].join('\n');

/**
 * Applies one suppression fix, then checks that it silenced one finding of the rule (a line)
 * or all of them (the file), and nothing else.
 */
function suppress(text: string, ruleId: string, scope: 'line' | 'file'): string {
  const session = sessionOf(new Map([[URI, text]]));
  const count = (rules: string[], rule: string) => rules.filter((candidate) => candidate === rule).length;
  const before = session.findings.map((finding) => finding.ruleId);
  const result = applyFix(session, fixTitled(fixesOf(session, ruleId), `Disable ${ruleId} for this ${scope}`)).files.get(URI)!;
  const after = sessionOf(new Map([[URI, result]])).findings.map((finding) => finding.ruleId);
  assert.equal(count(after, ruleId), scope === 'file' ? 0 : count(before, ruleId) - 1);
  assert.deepEqual(after.filter((rule) => rule !== ruleId), before.filter((rule) => rule !== ruleId));
  return result;
}

describe('suppression fixes', () => {
  it('offers both on every diagnostic, once per rule and line', () => {
    const session = sessionOf(new Map([[URI, MANIFEST]]));
    const titles = fixesOf(session).filter((fix) => fix.id.startsWith('disable')).map((fix) => fix.title);
    assert.deepEqual(titles, [
      'Disable service-not-found for this line',
      'Disable invalid-enum-value for this line',
      'Disable invalid-enum-value for this line',
      'Disable service-not-found for this file',
      'Disable invalid-enum-value for this file',
    ]);
  });

  it('writes the line directive above the line, at its indentation', () => {
    const result = suppress(MANIFEST, 'invalid-enum-value', 'line');
    assert.ok(result.includes('  serviceName: cache\n  # kube-stateful-disable-next-line invalid-enum-value\n  podManagementPolicy: parallel\n'));
  });

  it('joins a directive already above the line, before its reason', () => {
    const text = MANIFEST.replace('  podManagementPolicy', '  # kube-stateful-disable-next-line pdb-missing -- single replica\n\n  # why parallel: fast start\n  podManagementPolicy');
    const result = suppress(text, 'invalid-enum-value', 'line');
    assert.ok(result.includes('  # kube-stateful-disable-next-line pdb-missing, invalid-enum-value -- single replica\n\n  # why parallel'));
  });

  it('writes the file directive at the top, or joins the one the file has', () => {
    const top = suppress(MANIFEST, 'service-not-found', 'file');
    assert.ok(top.startsWith('# kube-stateful-disable service-not-found\napiVersion: apps/v1\n'));
    const joined = suppress(`# Cache of the shop.\n# kube-stateful-disable anti-affinity-missing\n${MANIFEST}`, 'service-not-found', 'file');
    assert.ok(joined.startsWith('# Cache of the shop.\n# kube-stateful-disable anti-affinity-missing, service-not-found\napiVersion'));
  });

  it('keeps CRLF and a byte order mark in place', () => {
    const result = suppress(`\ufeff${toCrlf(MANIFEST)}`, 'service-not-found', 'file');
    assert.ok(result.startsWith('\ufeff# kube-stateful-disable service-not-found\r\napiVersion: apps/v1\r\n'));
  });
});
