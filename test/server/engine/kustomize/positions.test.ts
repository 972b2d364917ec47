import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOf, writtenAt } from './build-fixture';

const FILES = {
  'base/kustomization.yaml': 'resources:\n  - sts.yaml\nconfigMapGenerator:\n  - name: settings\n    literals:\n      - mode=fast\n',
  'base/sts.yaml': [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: db',
    'spec:',
    '  replicas: 1',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: db',
    '          image: postgres:15',
    '          envFrom:',
    '            - configMapRef:',
    '                name: settings',
    '',
  ].join('\n'),
  'overlay/kustomization.yaml': [
    'namePrefix: prod-',
    'resources:',
    '  - ../base',
    'commonLabels:',
    '  team: data',
    'patches:',
    '  - path: replicas.yaml',
    '  - target: {kind: StatefulSet}',
    '    patch: |-',
    '      - op: replace',
    '        path: /spec/template/spec/containers/0/image',
    '        value: postgres:16',
    '',
  ].join('\n'),
  'overlay/replicas.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n',
};

describe('origins kept through a build', () => {
  const build = buildOf(FILES, 'overlay');

  it('builds cleanly', () => assert.deepEqual(build.problems, []));

  it('puts a value a patch set on the patch line', () => {
    assert.deepEqual(writtenAt(build, FILES, 'replicas: 3'), { at: 'overlay/replicas.yaml: replicas: 3', related: [] });
  });

  it('puts a value an inline JSON patch set on its line inside the kustomization', () => {
    assert.deepEqual(writtenAt(build, FILES, 'postgres:16'), { at: 'overlay/kustomization.yaml: postgres:16', related: [] });
  });

  it('puts a label commonLabels added on the kustomization line', () => {
    assert.deepEqual(writtenAt(build, FILES, 'team: data'), { at: 'overlay/kustomization.yaml: team: data', related: [] });
  });

  it('puts a value no one changed on its base line', () => {
    assert.equal(writtenAt(build, FILES, 'StatefulSet').at, 'base/sts.yaml: StatefulSet');
  });

  it('puts a prefixed name on the original name, with the namePrefix line as related', () => {
    assert.deepEqual(writtenAt(build, FILES, 'prod-db'), {
      at: 'base/sts.yaml: db',
      related: ["prefixed 'prod-' by 'namePrefix' in kustomization.yaml @ overlay/kustomization.yaml: namePrefix: prod-"],
    });
  });

  it("puts a generated object's hashed name on the generator's name, with the hash and prefix as steps", () => {
    const written = writtenAt(build, FILES, 'prod-settings-', 2);
    assert.equal(written.at, 'base/kustomization.yaml: settings');
    assert.deepEqual(written.related, [
      "prefixed 'prod-' by 'namePrefix' in kustomization.yaml @ overlay/kustomization.yaml: namePrefix: prod-",
      'hash of the data appended by this generator @ base/kustomization.yaml: settings',
    ]);
  });

  it('puts a rewritten reference on the reference, with the renamed object as related', () => {
    const written = writtenAt(build, FILES, 'prod-settings-', 1);
    assert.equal(written.at, 'base/sts.yaml: settings');
    assert.match(written.related[0], /^renamed with ConfigMap 'prod-settings-[0-9a-z]{10}' @ base\/kustomization.yaml: settings$/);
  });

  it('puts generated data on the literal that gave it', () => {
    assert.equal(writtenAt(build, FILES, 'mode: fast').at, 'base/kustomization.yaml: mode=fast');
  });
});
