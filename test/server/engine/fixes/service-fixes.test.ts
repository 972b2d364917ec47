import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureUri } from '../../../helpers/rule-tester';
import { applyFix, fixesOf, fixTitled, fixtureFiles, objectsOf, sessionOf } from '../../../helpers/fix-tester';

const MISSING = 'fixes/service-missing.yaml';
const NOT_HEADLESS = ['fixes/service-not-headless/statefulset.yaml', 'fixes/service-not-headless/service.yaml'];
const PEERS = 'fixes/service-not-headless/peers.yaml';
const SELECTOR = ['fixes/service-selector/statefulset.yaml', 'fixes/service-selector/service.yaml'];

describe('service-not-found fix', () => {
  it('creates the headless Service after the StatefulSet: its namespace, the pod labels, the named ports', () => {
    const session = sessionOf(fixtureFiles([MISSING]));
    const fix = fixTitled(fixesOf(session, 'service-not-found'), "Create headless Service 'orders-db'");
    assert.equal(fix.preferred, true);
    assert.equal(fix.safe, false);
    const text = applyFix(session, fix).files.get(fixtureUri(MISSING))!;
    assert.ok(
      text.includes(
        [
          '            - containerPort: 9187',
          '---',
          'apiVersion: v1',
          'kind: Service',
          'metadata:',
          '  name: orders-db',
          '  namespace: data',
          'spec:',
          '  clusterIP: None',
          '  selector:',
          '    app: orders-db',
          '    tier: "true"',
          '  ports:',
          '    - name: sql',
          '      port: 5432',
          '    - name: tcp-9187',
          '      port: 9187',
          '# The settings below belong to the ConfigMap.',
          '---',
          'apiVersion: v1',
          'kind: ConfigMap',
        ].join('\n'),
      ),
    );
    const result = sessionOf(new Map([[fixtureUri(MISSING), text]]));
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId).filter((rule) => rule.startsWith('service')),
      [],
      'the StatefulSet is governed now',
    );
  });

  it('writes the Service with the file\'s indentation and CRLF line endings', () => {
    const statefulSet = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '    name: kafka',
      'spec:',
      '    serviceName: kafka',
      '    selector:',
      '        matchLabels:',
      '            app: kafka',
      '    template:',
      '        metadata:',
      '            labels:',
      '                app: kafka',
      '        spec:',
      '            containers:',
      '            -   name: kafka',
      '                image: apache/kafka:4.0.0',
      '                ports:',
      '                -   name: broker',
      '                    containerPort: 9092',
      '',
    ].join('\r\n');
    const uri = 'file:///fixtures/fixes/kafka.yaml';
    const session = sessionOf(new Map([[uri, statefulSet]]));
    const text = applyFix(session, fixTitled(fixesOf(session, 'service-not-found'), /^Create/)).files.get(uri)!;
    assert.equal(
      text.slice(statefulSet.length),
      '---\r\napiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: kafka\r\nspec:\r\n    clusterIP: None\r\n    selector:\r\n        app: kafka\r\n    ports:\r\n    - name: broker\r\n      port: 9092\r\n',
    );
  });

  it('offers to switch to a headless Service of the namespace that selects the pods', () => {
    const files = fixtureFiles([MISSING]);
    files.set('file:///fixtures/fixes/peers.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: orders-peers\n  namespace: data\nspec:\n  clusterIP: None\n  selector:\n    app: orders-db\n');
    const session = sessionOf(files);
    const fixes = fixesOf(session, 'service-not-found').filter((fix) => !fix.id.startsWith('disable'));
    assert.deepEqual(
      fixes.map((fix) => [fix.title, fix.preferred]),
      [
        ["Create headless Service 'orders-db'", false],
        ["Change serviceName to 'orders-peers'", false],
      ],
    );
    const text = applyFix(session, fixes[1]).files.get(fixtureUri(MISSING))!;
    assert.ok(text.includes('  serviceName: orders-peers\n'));
  });
});

describe('service-not-headless fix', () => {
  it('sets clusterIP: None in the Service file, in its quoting, with clusterIPs to match', () => {
    const session = sessionOf(fixtureFiles(NOT_HEADLESS));
    const fix = fixTitled(fixesOf(session, 'service-not-headless'), /^Make Service 'mysql' headless/);
    assert.match(fix.title, /immutable/);
    assert.equal(fix.preferred, false);
    const service = applyFix(session, fix).files.get(fixtureUri(NOT_HEADLESS[1]))!;
    assert.equal(
      service,
      '# Client-facing address of MySQL.\napiVersion: v1\nkind: Service\nmetadata:\n  name: mysql\nspec:\n    clusterIP: "None"\n    clusterIPs: [None]\n    ports:\n        - name: mysql\n          port: 3306\n    selector:\n        app: mysql\n',
    );
  });

  it('adds clusterIP first in the spec when the Service has none', () => {
    const session = sessionOf(fixtureFiles(['workspaces/mysql-split/statefulset.yaml', 'workspaces/mysql-split/service.yaml']));
    const service = applyFix(session, fixTitled(fixesOf(session, 'service-not-headless'), /^Make/)).files.get(fixtureUri('workspaces/mysql-split/service.yaml'))!;
    assert.ok(service.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n  name: mysql\nspec:\n  clusterIP: None\n  ports:\n'));
  });

  it('offers serviceName alternatives, and no clusterIP change for a NodePort or LoadBalancer Service', () => {
    const files = fixtureFiles([...NOT_HEADLESS, PEERS]);
    const session = sessionOf(files);
    assert.ok(fixTitled(fixesOf(session, 'service-not-headless'), "Change serviceName to 'mysql-peers'"));
    files.set(fixtureUri(NOT_HEADLESS[1]), files.get(fixtureUri(NOT_HEADLESS[1]))!.replace('spec:\n', 'spec:\n    type: LoadBalancer\n'));
    const titles = fixesOf(sessionOf(files), 'service-not-headless').map((fix) => fix.title);
    assert.ok(!titles.some((title) => title.startsWith('Make')));
    assert.ok(titles.includes("Change serviceName to 'mysql-peers'"));
  });
});

describe('service-selector-mismatch fix', () => {
  it('sets the selector to the pod labels, in flow style as it was written', () => {
    const session = sessionOf(fixtureFiles(SELECTOR));
    const fix = fixTitled(fixesOf(session, 'service-selector-mismatch'), 'Set the Service selector to the pod labels (app=web, role=store)');
    assert.equal(fix.preferred, true);
    const service = applyFix(session, fix).files.get(fixtureUri(SELECTOR[1]))!;
    assert.ok(service.endsWith('  selector: {app: web, role: store}  # copied from the nginx example\n'));
  });

  it('writes a block selector in place of one, and adds one where there is none', () => {
    const files = fixtureFiles(SELECTOR);
    files.set(fixtureUri(SELECTOR[1]), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: nginx\n  ports:\n    - port: 80\n');
    let session = sessionOf(files);
    let service = applyFix(session, fixTitled(fixesOf(session, 'service-selector-mismatch'), /^Set/)).files.get(fixtureUri(SELECTOR[1]))!;
    assert.ok(service.includes('  selector:\n    app: web\n    role: store\n  ports:\n'));
    files.set(fixtureUri(SELECTOR[1]), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n');
    session = sessionOf(files);
    service = applyFix(session, fixTitled(fixesOf(session, 'service-selector-mismatch'), /^Set/)).files.get(fixtureUri(SELECTOR[1]))!;
    assert.ok(service.endsWith('spec:\n  clusterIP: None\n  selector:\n    app: web\n    role: store\n'));
    assert.deepEqual(objectsOf(new Map([['x', service]]), 'Service')[0].spec.selector, { app: 'web', role: 'store' });
  });
});
