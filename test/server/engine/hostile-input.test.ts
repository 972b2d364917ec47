import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { MAX_NESTING_DEPTH } from '../../../server/src/engine/document/nesting';
import type { Finding } from '../../../server/src/engine/types';
import { Workspace } from '../../../server/src/engine/workspace/workspace';
import { checkEngine } from '../../fuzz/engine-check';
import { assertGrowsLinearly } from '../../helpers/growth';
import { FIXTURES, formatRange } from '../../helpers/rule-tester';

/*
 * Files an editor meets that no manifest author meant: bombs, absurd nesting and sizes, binary
 * and mis-encoded bytes, and the YAML features (anchors, merges, 1.1 scalars, flow style,
 * several documents, lists) that real manifests do use. Each is answered with findings at
 * the right places, or with one finding saying why it is not read; where the danger is work that
 * grows faster than the input, two sizes are compared.
 */

const URI = 'file:///work/app/manifest.yaml';
const DIR = 'hostile-input';

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The findings for a text, with its neighbour files in the workspace; no rule may throw. */
function findingsOf(text: string, neighbours: Record<string, string> = {}): Finding[] {
  const workspace = new Workspace();
  for (const [name, other] of Object.entries(neighbours)) workspace.set(`file:///work/app/${name}`, other);
  workspace.set(URI, text);
  const failures: string[] = [];
  const findings = analyze(workspace, URI, { onRuleError: (ruleId) => failures.push(ruleId) });
  assert.deepEqual(failures, [], 'no rule throws');
  return findings;
}

const summary = (findings: Finding[]) => findings.map((finding) => `${finding.ruleId} ${formatRange(finding.range)}`);

const STATEFULSET = fixture('rules/service-name-missing/no-service-name.yaml');

describe('hostile input', () => {
  it('answers an alias expansion bomb with one syntax finding', () => {
    const levels = Array.from({ length: 9 }, (_, level) => `l${level + 1}: &l${level + 1} [${Array(9).fill(`*l${level}`).join(', ')}]`);
    const findings = findingsOf(['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  l0: &l0 lol', ...levels.map((line) => `  ${line}`)].join('\n'));
    assert.deepEqual(summary(findings), ['yaml-syntax 1:1-14:56']);
    assert.match(findings[0].message, /repeats its aliases more than 1000 times/);
  });

  for (const [shape, nested] of [
    ['flow', `spec: ${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['unclosed flow', `spec: ${'{a: '.repeat(100_000)}`],
    ['block', `spec:\n${'- '.repeat(100_000)}x`],
  ]) {
    it(`reads no further than ${MAX_NESTING_DEPTH} levels into 100,000 levels of ${shape} nesting, and checks the other documents`, () => {
      const findings = findingsOf(`${STATEFULSET}---\n${nested}\n---\n${STATEFULSET}`);
      assert.deepEqual(
        findings.map((finding) => finding.ruleId),
        ['service-name-missing', 'yaml-syntax', 'service-name-missing'],
      );
      const syntax = findings[1];
      assert.match(syntax.message, /nest more than 300 levels deep here: the rest of this document is not analysed/);
      assert.ok(syntax.range.start.line >= STATEFULSET.split('\n').length, 'reported in the deep document');
    });
  }

  it('does not read a document whose keys are nested collections, which costs the parser cubic time', () => {
    const findings = findingsOf(`x: ${'{'.repeat(250)}a: b${'}: c'.repeat(249)}}\n`);
    assert.deepEqual(summary(findings), ['yaml-syntax 1:5-1:1251']);
    assert.match(findings[0].message, /A list or a mapping is used as a key here/);
  });

  it('reads a mapping of 40,000 keys, with duplicates, in linear time', () => {
    const mapping = (count: number) => {
      const keys = Array.from({ length: count }, (_, index) => `  key${index % (count - 10)}: value\n`).join('');
      return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${keys}`;
    };
    const findings = findingsOf(mapping(40_000));
    assert.equal(findings.filter((finding) => finding.ruleId === 'duplicate-key').length, 10);
    assert.equal(formatRange(findings[0].range), '39996:3-39996:7');
    // Checking each key against every other, as the parser's own check does, would take a hundred times as long.
    const texts = new Map([4_000, 40_000].map((count) => [count, mapping(count)]));
    assertGrowsLinearly('duplicate keys', (count) => findingsOf(texts.get(count)!), { small: 4_000, large: 40_000 });
  });

  it('does not read a document with more than 1000 aliases, whose resolution is quadratic', () => {
    const findings = findingsOf(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: &a x\n  list: [${Array(20_000).fill('*a').join(', ')}]\n`);
    assert.deepEqual(summary(findings), ['yaml-syntax 7:4010-7:4012']);
    assert.match(findings[0].message, /uses more than 1000 aliases/);
  });

  it('matches 500 StatefulSets with their Services in one file without comparing every pair', () => {
    const pairs = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        STATEFULSET.replace('metadata:\n  name: web', `metadata:\n  name: web-${index}`).replace('spec:\n', `spec:\n  serviceName: web-${index}\n`) +
        `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-${index}\nspec:\n  clusterIP: None\n  selector:\n    app: web\n`,
      ).join('---\n');
    assert.deepEqual(findingsOf(pairs(500)), []);
    const texts = new Map([50, 500].map((count) => [count, pairs(count)]));
    assertGrowsLinearly('StatefulSets matched with Services', (count) => findingsOf(texts.get(count)!), { small: 50, large: 500 });
  });

  it('refuses a 50 MB file with one information finding, without parsing it', () => {
    const findings = findingsOf(`${STATEFULSET}data: ${'x'.repeat(50 * 1024 * 1024)}\n`);
    assert.deepEqual(summary(findings), ['file-too-large 1:1-1:1']);
    assert.equal(findings[0].severity, 'info');
    assert.match(findings[0].message, /This file is 50\.0 MB, over the 2 MB limit/);
  });

  it('survives binary content and invalid UTF-8, with every range inside the text', () => {
    const bytes = Buffer.concat(Array.from({ length: 2048 }, (_, index) => createHash('sha256').update(String(index)).digest()));
    checkEngine({ text: bytes.toString('utf8'), positions: [1, 1000, 60_000] });
    checkEngine({ text: bytes.toString('latin1'), positions: [1, 1000, 60_000] });
    const [before, after] = STATEFULSET.split('image: nginx');
    const invalid = Buffer.concat([Buffer.from(`${before}image: ngi`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(`nx${after}`)]);
    const text = invalid.toString('utf8');
    assert.ok(text.includes('\ufffd'), 'invalid bytes read as replacement characters');
    assert.deepEqual(summary(findingsOf(text)), summary(findingsOf(STATEFULSET)));
    checkEngine({ text: `${STATEFULSET}\u0000\ud800\udfff\uffff: \u0007\n`, positions: [0, STATEFULSET.length + 2] });
  });

  it('reads a file starting with a UTF-8 byte order mark as without it', () => {
    const findings = findingsOf(`\ufeff${STATEFULSET}`);
    assert.deepEqual(summary(findings), summary(findingsOf(STATEFULSET)));
  });

  it('keeps every finding of every rule fixture in place with CRLF line endings', () => {
    const files = readdirSync(path.join(FIXTURES, 'rules'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));
    assert.ok(files.length > 100);
    for (const file of files) {
      const text = fixture(`rules/${file}`).replace(/\r?\n/g, '\n');
      const lf = findingsOf(text).map(({ ruleId, range, message }) => ({ ruleId, range, message }));
      const crlf = findingsOf(text.replace(/\n/g, '\r\n')).map(({ ruleId, range, message }) => ({ ruleId, range, message }));
      assert.deepEqual(crlf, lf, `rules/${file}`);
    }
  });

  it('reports tabs used as indentation where they are', () => {
    const findings = findingsOf(fixture(`${DIR}/tab-indentation.yaml`));
    assert.deepEqual(summary(findings), ['yaml-syntax 4:1-4:1']);
    assert.match(findings[0].message, /Tabs are not allowed as indentation/);
  });

  it('reads YAML 1.1 booleans and octals as kubectl does: on is not a string, 010 is eight', () => {
    const text = fixture(`${DIR}/yaml-1.1-scalars.yaml`);
    const findings = findingsOf(text, { 'service.yaml': fixture('workspaces/mysql-split/service.yaml').replace(/mysql/g, 'web') });
    assert.deepEqual(
      findings.map((finding) => `${finding.ruleId} ${formatRange(finding.range)}`).filter((line) => !/pdb-missing|anti-affinity|service-/.test(line)),
      ['type-mismatch 23:22-23:24'],
    );
    assert.match(findings.find((finding) => finding.ruleId === 'anti-affinity-missing')?.message ?? '', /the 8 pods/);
  });

  it('reads through merge keys, reporting a merged field on the alias that brings it in', () => {
    const findings = findingsOf(fixture(`${DIR}/merged-container.yaml`)).filter((finding) => finding.ruleId === 'invalid-enum-value');
    assert.deepEqual(
      findings.map((finding) => `${formatRange(finding.range)} ${/container '\w+'/.exec(finding.message)?.[0]}`),
      ["18:28-18:34 container 'web'", "19:15-19:25 container 'sidecar'"],
    );
  });

  it('reports a field an item of a List takes from another item through an alias on the alias', () => {
    assert.deepEqual(summary(findingsOf(fixture(`${DIR}/list-items-sharing-an-anchor.yaml`))), [
      'service-name-invalid 9:20-9:31',
      'service-name-invalid 25:11-25:16',
    ]);
  });

  it('checks each of two identical documents in its own place', () => {
    assert.deepEqual(summary(findingsOf(fixture(`${DIR}/duplicate-documents.yaml`))), [
      'service-name-invalid 6:16-6:27',
      'service-name-invalid 24:16-24:27',
    ]);
  });

  it('checks the objects of a kind: List against each other', () => {
    assert.deepEqual(summary(findingsOf(fixture(`${DIR}/list-of-objects.yaml`))), [
      'service-selector-mismatch 17:20-17:23',
      'selector-template-mismatch 23:11-23:17',
    ]);
  });

  it('checks flow-style JSON-like YAML with ranges on the JSON values', () => {
    assert.deepEqual(summary(findingsOf(fixture(`${DIR}/json-style.yaml`))), ['service-name-invalid 6:20-6:33', 'type-mismatch 10:98-10:104']);
  });

  it('leaves a Helm template alone with one information finding', () => {
    const findings = findingsOf(fixture('rules/helm-template/chart-template.yaml'));
    assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity]), [['helm-template', 'info']]);
  });

  it('reports of a kustomize patch only what it sets', () => {
    const folder = 'kustomize/overlays/prod';
    const kustomization = fixture(`${folder}/kustomization.yaml`);
    const workspace = new Workspace();
    workspace.set('file:///work/app/kustomization.yaml', kustomization);
    workspace.set(URI.replace('manifest.yaml', 'statefulset-patch.yaml'), fixture(`${folder}/statefulset-patch.yaml`));
    assert.deepEqual(analyze(workspace, URI.replace('manifest.yaml', 'statefulset-patch.yaml')), []);
  });
});
