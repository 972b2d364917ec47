import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KustomizeBuild } from '../../../../server/src/engine/kustomize/build';
import { ParseCache } from '../../../../server/src/engine/kustomize/parse-cache';
import { buildOf, objectsOf } from './build-fixture';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\n';

/** Each problem as [code, severity, the text of the file at its range]. */
function problems(build: KustomizeBuild, files: Record<string, string>): [string, string, string][] {
  return build.problems.map((problem) => [problem.code, problem.severity, files[problem.uri.slice('file:///repo/'.length)]?.slice(problem.start, problem.end) ?? '']);
}

describe('kustomize build problems', () => {
  it('gives one information problem per field it does not build, on its key, and builds the rest', () => {
    const files = {
      'kustomization.yaml': 'resources: [svc.yaml]\nvars:\n- name: X\nreplacements: []\nhelmCharts: []\ntransformers: [t.yaml]\ngenerators: [g.yaml]\nnamePrefix: p-\n',
      'svc.yaml': SERVICE,
    };
    const build = buildOf(files);
    assert.deepEqual(problems(build, files), ['vars', 'replacements', 'helmCharts', 'transformers', 'generators'].map((key) => ['kustomize-not-built', 'info', key]));
    assert.equal(objectsOf(build)[0].metadata.name, 'p-db');
  });

  it('gives information on a remote resource and builds the local ones', () => {
    const files = { 'kustomization.yaml': 'resources:\n- https://github.com/org/repo//base?ref=v1\n- svc.yaml\n', 'svc.yaml': SERVICE };
    const build = buildOf(files);
    assert.deepEqual(problems(build, files), [['kustomize-not-built', 'info', 'https://github.com/org/repo//base?ref=v1']]);
    assert.equal(objectsOf(build).length, 1);
  });

  it('reports each missing path as an error on the path', () => {
    const files = {
      'kustomization.yaml': 'resources: [gone.yaml, svc.yaml]\ncomponents: [../nowhere]\npatches:\n- path: missing-patch.yaml\nconfigMapGenerator:\n- name: c\n  files: [absent.txt]\n  envs: [absent.env]\n',
      'svc.yaml': SERVICE,
    };
    assert.deepEqual(problems(buildOf(files), files), [
      ['kustomize-path-not-found', 'error', 'gone.yaml'],
      ['kustomize-path-not-found', 'error', 'absent.env'],
      ['kustomize-path-not-found', 'error', 'absent.txt'],
      ['kustomize-path-not-found', 'error', '../nowhere'],
      ['kustomize-path-not-found', 'error', 'missing-patch.yaml'],
    ]);
  });

  it('detects a kustomization that includes itself, directly or through another', () => {
    const files = { 'a/kustomization.yaml': 'resources: [../b, svc.yaml]\n', 'a/svc.yaml': SERVICE, 'b/kustomization.yaml': 'resources: [../a]\n' };
    const build = buildOf(files, 'a');
    assert.deepEqual(problems(build, files), [['kustomize-invalid', 'error', '../a']]);
    assert.equal(objectsOf(build).length, 1);
  });

  it('reports a kustomization that is not YAML, not a map, or has an unknown field, without throwing', () => {
    for (const text of ['resources: [a\n', '- just\n- a list\n', 'resourcez: [svc.yaml]\n', 'resources: [svc.yaml]\n---\nnamePrefix: x-\n']) {
      const build = buildOf({ 'kustomization.yaml': text, 'svc.yaml': SERVICE });
      assert.equal(build.problems[0]?.code, 'kustomize-invalid', text);
    }
  });

  it('reads field names case-insensitively, as kustomize does', () => {
    const build = buildOf({ 'kustomization.yaml': 'Resources: [svc.yaml]\nnameprefix: x-\n', 'svc.yaml': SERVICE });
    assert.deepEqual(build.problems, []);
    assert.equal(objectsOf(build)[0].metadata.name, 'x-db');
  });

  it('reports broken resources and patches and keeps building', () => {
    const files = {
      'kustomization.yaml': [
        'resources: [bad.yaml, noname.yaml, svc.yaml]',
        'patches:',
        '- patch: "{kind: Service, metadata: {name: other}, spec: {}}"',
        '- target: {kind: Service}',
        '  patch: "[{op: replace, path: /spec/none, value: 1}]"',
        '- target: {name: "(a+)+["}',
        '  patch: "{kind: Service, metadata: {name: db}}"',
        '',
      ].join('\n'),
      'bad.yaml': 'kind: [\n',
      'noname.yaml': 'apiVersion: v1\nkind: ConfigMap\n',
      'svc.yaml': SERVICE,
    };
    const build = buildOf(files);
    assert.deepEqual(
      build.problems.map((problem) => problem.code),
      ['kustomize-invalid', 'kustomize-invalid', 'kustomize-invalid', 'kustomize-invalid', 'kustomize-invalid'],
    );
    assert.deepEqual(objectsOf(build), [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' } }]);
  });

  it('rejects a second object with the same id', () => {
    const build = buildOf({ 'kustomization.yaml': 'resources: [a.yaml, b.yaml]\n', 'a.yaml': SERVICE, 'b.yaml': SERVICE });
    assert.deepEqual(build.problems.map((problem) => problem.code), ['kustomize-invalid']);
    assert.equal(objectsOf(build).length, 1);
  });

  it('records a targeted patch that selects nothing, which kustomize ignores silently', () => {
    const build = buildOf({ 'kustomization.yaml': 'resources: [svc.yaml]\npatches:\n- target: {kind: StatefulSet}\n  patch: "{metadata: {labels: {a: b}}}"\n', 'svc.yaml': SERVICE });
    assert.deepEqual(build.problems, []);
    assert.deepEqual(build.patches.map((patch) => [patch.type, patch.matched.length]), [['strategic-merge', 0]]);
  });

  it('lists every file it read as an input', () => {
    const build = buildOf({ 'o/kustomization.yaml': 'resources: [../b]\n', 'b/kustomization.yaml': 'resources: [svc.yaml]\n', 'b/svc.yaml': SERVICE, 'unrelated.yaml': SERVICE }, 'o');
    assert.deepEqual([...build.inputs].sort(), ['file:///repo/b/kustomization.yaml', 'file:///repo/b/svc.yaml', 'file:///repo/o/kustomization.yaml']);
  });
});

describe('kustomize rebuilds with a parse cache', () => {
  const files = {
    'kustomization.yaml': 'resources: [svc.yaml, bad.yaml]\nvars: []\n',
    'svc.yaml': SERVICE,
    'bad.yaml': 'kind: [\n',
  };

  it('reports the same problems on every build, and follows an edit', () => {
    const cache = new ParseCache();
    const first = buildOf(files, '.', { cache });
    const second = buildOf(files, '.', { cache });
    assert.deepEqual(second.problems, first.problems);
    assert.equal(second.text.text, first.text.text);
    const edited = buildOf({ ...files, 'svc.yaml': SERVICE.replace('name: db', 'name: web') }, '.', { cache });
    assert.equal(objectsOf(edited)[0].metadata.name, 'web');
    assert.deepEqual(edited.problems, first.problems);
  });

  it('never lets one build change what the next one reads', () => {
    const cache = new ParseCache();
    const layered = { 'kustomization.yaml': 'namePrefix: p-\ncommonLabels: {a: b}\nresources: [svc.yaml]\n', 'svc.yaml': SERVICE };
    buildOf(layered, '.', { cache });
    assert.equal(objectsOf(buildOf(layered, '.', { cache }))[0].metadata.name, 'p-db');
  });
});
