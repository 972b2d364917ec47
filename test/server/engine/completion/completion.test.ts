import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt, type CompletionOptions } from '../../../../server/src/engine/completion/completion';
import type { CompletionEntry } from '../../../../server/src/engine/completion/types';
import { buildKustomization } from '../../../../server/src/engine/kustomize/build';
import { filesFromMap } from '../../../../server/src/engine/kustomize/files';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { withCursor } from '../../../helpers/positions';
import { workspaceOf } from '../../../helpers/rule-tester';

const WORKSPACE = ['completion/services.yaml', 'completion/secrets-and-config-maps.yaml', 'completion/storage-classes.yaml'];
const EDITED = 'file:///edited/statefulset.yaml';

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: ‸
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

function complete(marked: string, options: Partial<CompletionOptions> = {}): CompletionEntry[] {
  const workspace = workspaceOf(WORKSPACE);
  const { text, position } = withCursor(marked);
  workspace.set(EDITED, text);
  return completionsAt(workspace, workspace.get(EDITED)!, position, { fields: true, valuesOnly: false, ...options });
}

/** Labels in the order the editor lists them. */
function labels(entries: CompletionEntry[]): string[] {
  return [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((entry) => entry.label);
}

function entry(entries: CompletionEntry[], label: string): CompletionEntry {
  const found = entries.find((candidate) => candidate.label === label);
  assert.ok(found, `no completion '${label}' among ${entries.map((candidate) => candidate.label).join(', ')}`);
  return found;
}

/** A StatefulSet whose container has the marked line `line` under `volumeMounts` or `env`. */
function inContainer(lines: string): string {
  return STATEFULSET.replace('serviceName: ‸', 'serviceName: nginx') + lines;
}

describe('value completion from the workspace', () => {
  it('offers the headless Services of the namespace, the one selecting the pods first', () => {
    const entries = complete(STATEFULSET);
    assert.deepEqual(labels(entries), ['nginx', 'aaa-metrics']);
    const nginx = entry(entries, 'nginx');
    assert.equal(nginx.preselect, true);
    assert.equal(nginx.detail, 'headless Service · selects these pods');
    assert.match(nginx.documentation ?? '', /defined in `services\.yaml`[\s\S]*selects these pods[\s\S]*Ports: `web 80`/);
    assert.deepEqual(nginx.range, { start: { line: 5, character: 15 }, end: { line: 5, character: 15 } });
  });

  it('adds the missing space after `serviceName:`, and replaces a half-typed name', () => {
    assert.equal(entry(complete(STATEFULSET.replace('serviceName: ‸', 'serviceName:‸')), 'nginx').insertText, ' nginx');
    const half = entry(complete(STATEFULSET.replace('serviceName: ‸', 'serviceName: ng‸x')), 'nginx');
    assert.equal(half.insertText, 'nginx');
    assert.deepEqual(half.range, { start: { line: 5, character: 15 }, end: { line: 5, character: 18 } });
  });

  it('offers the Services of the StatefulSet namespace only', () => {
    const entries = complete(STATEFULSET.replace('  name: web\n', '  name: web\n  namespace: prod\n'));
    assert.deepEqual(labels(entries), ['nginx-prod']);
  });

  it('offers Secrets and their keys, never their values', () => {
    const names = complete(inContainer('          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: ‸\n'));
    assert.deepEqual(labels(names), ['db-credentials']);
    assert.match(entry(names, 'db-credentials').documentation ?? '', /Keys: `username`, `password`, `on`/);
    const keys = complete(
      inContainer('          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: db-credentials\n                  key: ‸\n'),
    );
    assert.deepEqual(labels(keys), ['username', 'password', 'on']);
    assert.equal(entry(keys, 'on').insertText, '"on"', 'a YAML 1.1 boolean word is quoted to stay a string');
    assert.ok(keys.every((candidate) => candidate.kind === 'key'));
    const shown = JSON.stringify([...names, ...keys]);
    assert.doesNotMatch(shown, /s3cr3t|prod-only/);
  });

  it('offers ConfigMaps and their keys, from data and binaryData', () => {
    const keys = complete(
      inContainer('          env:\n            - name: CONF\n              valueFrom:\n                configMapKeyRef:\n                  name: nginx-conf\n                  key: ‸\n'),
    );
    assert.deepEqual(labels(keys), ['nginx.conf', 'favicon.ico']);
  });

  it('offers StorageClasses, the cluster default first', () => {
    const entries = complete(
      STATEFULSET.replace('serviceName: ‸', 'serviceName: nginx') +
        '  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        storageClassName: ‸\n',
    );
    assert.deepEqual(labels(entries), ['fast', 'slow']);
    assert.equal(entry(entries, 'fast').detail, 'StorageClass · cluster default');
    assert.match(entry(entries, 'fast').documentation ?? '', /reclaimPolicy `Retain`, volumes can be expanded/);
  });

  it('offers the claim templates and volumes a container can mount', () => {
    const text = inContainer('          volumeMounts:\n            - name: ‸\n      volumes:\n        - name: config\n          configMap:\n            name: nginx-conf\n')
      + '  volumeClaimTemplates:\n    - metadata:\n        name: www\n';
    const entries = complete(text);
    assert.deepEqual(labels(entries), ['www', 'config']);
    assert.match(entry(entries, 'www').documentation ?? '', /`www-web-<ordinal>`/);
    assert.equal(entry(entries, 'config').detail, 'volume · configMap');
  });
});

describe('value completion of fixed sets', () => {
  it('offers the words of an enum with what each means', () => {
    const entries = complete(STATEFULSET.replace('serviceName: ‸', 'podManagementPolicy: Par‸'));
    assert.deepEqual(labels(entries), ['OrderedReady', 'Parallel']);
    assert.match(entry(entries, 'Parallel').documentation ?? '', /created and removed all at once/);
    assert.deepEqual(entry(entries, 'Parallel').range, { start: { line: 5, character: 23 }, end: { line: 5, character: 26 } });
  });

  it('offers list words after a list marker, also half-typed', () => {
    const base = STATEFULSET.replace('serviceName: ‸', 'serviceName: nginx') + '  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes:\n';
    assert.deepEqual(labels(complete(`${base}          - ‸\n`)), ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
    assert.equal(entry(complete(`${base}          - ReadWr‸\n`), 'ReadWriteOnce').range.start.character, 12);
  });

  it('offers true and false for booleans, inserted as booleans', () => {
    const entries = complete(inContainer('          stdin: ‸\n'));
    assert.deepEqual(labels(entries), ['true', 'false']);
    assert.equal(entry(entries, 'true').insertText, 'true');
  });
});

describe('field completion', () => {
  const NEW_SPEC_LINE = STATEFULSET.replace('  serviceName: ‸\n', '  serviceName: nginx\n  ‸\n');

  it('offers the fields not yet present, required ones first', () => {
    const spec = labels(complete(NEW_SPEC_LINE));
    for (const present of ['serviceName', 'selector', 'template']) assert.ok(!spec.includes(present), present);
    for (const missing of ['replicas', 'podManagementPolicy', 'updateStrategy', 'volumeClaimTemplates']) assert.ok(spec.includes(missing), missing);
    const container = labels(complete(inContainer('        - ‸\n')));
    assert.deepEqual(container.slice(0, 2), ['image', 'name']);
    assert.equal(container[2], 'args');
  });

  it('inserts `name: ` for scalars, a choice for enums, and an indented line for objects and lists', () => {
    const entries = complete(NEW_SPEC_LINE);
    assert.deepEqual([entry(entries, 'replicas').insertText, entry(entries, 'replicas').snippet], ['replicas: ', false]);
    assert.equal(entry(entries, 'podManagementPolicy').insertText, 'podManagementPolicy: ${1|OrderedReady,Parallel|}');
    assert.equal(entry(entries, 'ordinals').insertText, 'ordinals:\n    $0');
    assert.equal(entry(entries, 'volumeClaimTemplates').insertText, 'volumeClaimTemplates:\n    - $0');
    assert.equal(entry(entries, 'minReadySeconds').retrigger, false);
    assert.match(entry(entries, 'replicas').documentation ?? '', /^\*\*`replicas`\*\* · `integer` · optional, defaults to `1`/);
    assert.equal(entry(entries, 'replicas').detail, 'integer');
  });

  it('asks for the values of a field that has some in the workspace once its name is inserted', () => {
    const entries = complete(STATEFULSET.replace('  serviceName: ‸\n', '  ‸\n'));
    assert.deepEqual([entry(entries, 'serviceName').insertText, entry(entries, 'serviceName').retrigger], ['serviceName: ', true]);
  });

  it('follows the document layout: indentation step and list markers flush with their key', () => {
    const flush = 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n   template:\n      spec:\n         containers:\n         - name: web\n           ‸\n';
    const entries = complete(flush);
    assert.equal(entry(entries, 'volumeMounts').insertText, 'volumeMounts:\n           - $0');
    assert.equal(entry(entries, 'securityContext').insertText, 'securityContext:\n              $0');
  });

  it('counts the fields a merge key brings in as present', () => {
    const text = inContainer('          readinessProbe:\n            <<: *probe\n            ‸\n').replace(
      'apiVersion: apps/v1\n',
      'apiVersion: apps/v1\nx-defaults: &probe {periodSeconds: 10, timeoutSeconds: 2}\n',
    );
    const probe = labels(complete(text));
    assert.ok(probe.includes('failureThreshold') && probe.includes('httpGet'));
    assert.ok(!probe.includes('periodSeconds') && !probe.includes('timeoutSeconds'));
  });

  it('inserts only the name when renaming a key', () => {
    const entries = complete(STATEFULSET.replace('  serviceName: ‸\n', '  serviceName: nginx\n  repl‸icas: 3\n'));
    assert.equal(entry(entries, 'replicas').insertText, 'replicas');
    assert.equal(entry(entries, 'minReadySeconds').insertText, 'minReadySeconds');
  });

  it('leaves out what the API server writes: status and the server-set metadata', () => {
    const root = labels(complete(`${STATEFULSET.replace('serviceName: ‸', 'serviceName: nginx')}‸\n`));
    assert.deepEqual(root, []);
    const metadata = labels(complete(STATEFULSET.replace('  name: web\n', '  name: web\n  ‸\n').replace('serviceName: ‸', 'serviceName: nginx')));
    assert.ok(metadata.includes('labels') && metadata.includes('namespace') && metadata.includes('annotations'));
    for (const written of ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'name']) assert.ok(!metadata.includes(written), written);
  });

  it('can be turned off, and is not offered on a typed space, while values stay', () => {
    assert.deepEqual(complete(NEW_SPEC_LINE, { fields: false }), []);
    assert.deepEqual(complete(NEW_SPEC_LINE, { valuesOnly: true }), []);
    assert.deepEqual(labels(complete(STATEFULSET, { fields: false, valuesOnly: true })), ['nginx', 'aaa-metrics']);
  });
});

describe('completion in a document that is not yet an object', () => {
  it('offers apiVersion and kind, then the kinds and versions Kube Stateful knows', () => {
    assert.deepEqual(labels(complete('‸\n')), ['apiVersion', 'kind']);
    assert.deepEqual(labels(complete('apiVersion: apps/v1\nkind: ‸\n')), ['StatefulSet']);
    assert.ok(labels(complete('kind: ‸\n')).includes('PodDisruptionBudget'));
    assert.deepEqual(labels(complete('apiVersion: ‸\nkind: HorizontalPodAutoscaler\n')), ['autoscaling/v2']);
  });

  it('offers nothing for a kind outside the schema table', () => {
    assert.deepEqual(complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  ‸\n'), []);
  });
});

describe('value completion next to kustomize builds', () => {
  const base = {
    'file:///repo/base/kustomization.yaml': 'namespace: data\nresources:\n  - service.yaml\n',
    'file:///repo/base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n',
  };

  function completeNextToBuild(marked: string): string[] {
    const workspace = new Workspace();
    for (const [uri, text] of Object.entries(base)) workspace.set(uri, text);
    workspace.setBuild(buildKustomization(filesFromMap(new Map(Object.entries(base))), 'file:///repo/base'));
    const { text, position } = withCursor(marked);
    workspace.set(EDITED, text);
    return labels(completionsAt(workspace, workspace.get(EDITED)!, position, { fields: true, valuesOnly: false }));
  }

  it('offers a Service where its build puts it, not where its file alone would', () => {
    assert.deepEqual(completeNextToBuild(STATEFULSET), []);
    assert.deepEqual(completeNextToBuild(STATEFULSET.replace('  name: web\n', '  name: web\n  namespace: data\n')), ['db']);
  });
});
