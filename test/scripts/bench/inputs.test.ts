import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../../server/src/engine/analyze';
import { Workspace } from '../../../server/src/engine/workspace/workspace';
import { DEFECTS } from '../../../scripts/bench/apps';
import { generateManifestFile, generateWorkspace } from '../../../scripts/bench/inputs';
import type { DocumentEdit } from '../../../scripts/bench/lsp-session';
import { ReplicasEdit } from '../../../scripts/bench/replicas-edit';

const SEED = 2026;
/** Files over 2 MB are not checked (README, hostile files), so the largest input must stay under it. */
const CHECKED_SIZE_LIMIT = 2 * 1024 * 1024;
const lineCount = (text: string) => text.split('\n').length - 1;

function objects(text: string): Record<string, any>[] {
  return parseAllDocuments(text).map((document) => {
    assert.deepEqual(document.errors, [], 'every generated document parses');
    return document.toJS();
  });
}

function findings(files: { uri: string; text: string }[], uris = files.map((file) => file.uri)): string[] {
  const workspace = new Workspace();
  for (const file of files) workspace.set(file.uri, file.text);
  return uris.flatMap((uri) => analyze(workspace, uri).map((finding) => finding.ruleId));
}

describe('the benchmark input generator', () => {
  it('writes the same file for the same seed and another for another seed', () => {
    assert.equal(generateManifestFile(SEED, 3000), generateManifestFile(SEED, 3000));
    assert.notEqual(generateManifestFile(SEED, 3000), generateManifestFile(SEED + 1, 3000));
  });

  it('writes exactly the number of lines asked for, at each benchmark size', () => {
    for (const lines of [150, 3000, 30_000]) assert.equal(lineCount(generateManifestFile(SEED, lines)), lines);
  });

  it('writes StatefulSets with their headless Services, Secrets and budgets, as valid YAML', () => {
    const manifests = objects(generateManifestFile(SEED, 3000));
    const kinds = new Set(manifests.map((manifest) => manifest.kind));
    assert.deepEqual([...kinds].sort(), ['ConfigMap', 'PodDisruptionBudget', 'Secret', 'Service', 'StatefulSet']);
    const statefulSets = manifests.filter((manifest) => manifest.kind === 'StatefulSet');
    for (const statefulSet of statefulSets) {
      const service = manifests.find((manifest) => manifest.kind === 'Service' && manifest.metadata.name === statefulSet.spec.serviceName);
      assert.ok(service, `StatefulSet ${statefulSet.metadata.name} has its Service`);
      const container = statefulSet.spec.template.spec.containers[0];
      assert.ok(container.readinessProbe && container.livenessProbe, 'containers have probes');
      assert.ok(container.env.some((variable: any) => variable.valueFrom?.secretKeyRef), 'credentials come from a Secret');
      assert.equal(statefulSet.spec.volumeClaimTemplates[0].metadata.name, 'data');
    }
    const headless = manifests.filter((manifest) => manifest.kind === 'Service' && manifest.spec.clusterIP === 'None');
    assert.ok(headless.length >= statefulSets.length * 0.75, 'most governing Services are headless');
  });

  it('makes the 30,000-line file about 1,000 documents, small enough for the server to check', () => {
    const text = generateManifestFile(SEED, 30_000);
    // Every generated document starts with a separator line; the 3,000-line file is parsed above.
    const documents = text.split('\n').filter((line) => line === '---').length;
    assert.ok(documents >= 900 && documents <= 1200, `${documents} documents`);
    assert.ok(Buffer.byteLength(text) < CHECKED_SIZE_LIMIT);
  });

  it('plants each kind of mistake, and only the engine rules for them fire on the small file', () => {
    const fired = findings([{ uri: 'file:///bench/statefulsets.yaml', text: generateManifestFile(SEED, 3000) }]);
    for (const defect of DEFECTS) assert.ok(fired.includes(defect), `${defect} is reported`);
    assert.deepEqual(findings([{ uri: 'file:///bench/small.yaml', text: generateManifestFile(SEED, 150) }]), ['service-not-headless']);
  });
});

describe('the benchmark workspace generator', () => {
  it('writes exactly the number of files asked for, each path once, the same for the same seed', () => {
    const files = generateWorkspace(SEED, 2000);
    assert.equal(files.length, 2000);
    assert.equal(new Set(files.map((file) => file.path)).size, 2000);
    assert.deepEqual(generateWorkspace(SEED, 2000), files);
  });

  it('spreads each application over files that refer to one another, which the engine resolves', () => {
    const files = generateWorkspace(SEED, 200).map((file) => ({ uri: `file:///bench/${file.path}`, text: file.text }));
    const separate = files.filter((file) => file.uri.endsWith('/statefulset.yaml') && files.some((other) => other.uri === file.uri.replace('statefulset.yaml', 'service.yaml')));
    assert.ok(separate.length > 10, 'many StatefulSets have their Service in another file');
    const fired = findings(files, separate.map((file) => file.uri));
    assert.ok(!fired.includes('service-not-found') && !fired.includes('secret-ref-not-found'), fired.join(', '));
    for (const file of files) objects(file.text);
  });
});

describe('the benchmark edit', () => {
  const apply = (text: string, edit: DocumentEdit) => {
    const lines = text.split('\n');
    const { start, end } = edit.range;
    assert.equal(start.line, end.line);
    lines[start.line] = lines[start.line].slice(0, start.character) + edit.text + lines[start.line].slice(end.character);
    return lines.join('\n');
  };

  it('raises the replicas of the middle StatefulSet by one on each edit, as a range edit of the last text', () => {
    const text = generateManifestFile(SEED, 3000);
    const edit = new ReplicasEdit(text);
    const first = edit.next();
    const line = text.split('\n')[first.range.start.line];
    assert.match(line, /^ {2}replicas: \d+$/);
    assert.equal(Number(first.text), Number(line.slice(first.range.start.character)) + 1);
    assert.equal(apply(text, first), first.document);
    // Up to 10 and past it, where the value gets longer than the text it replaces.
    let previous = first;
    while (previous.text !== '11') {
      const next = edit.next();
      assert.equal(apply(previous.document, next), next.document);
      previous = next;
    }
    assert.equal(previous.document.split('\n')[first.range.start.line], '  replicas: 11');
  });
});
