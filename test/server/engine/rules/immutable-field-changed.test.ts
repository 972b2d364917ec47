import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { analyze } from '../../../../server/src/engine/analyze';

const DIR = 'rules/immutable-field-changed';
const STS = `${DIR}/committed-statefulset.yaml`;
const ORPHAN =
  'The API server refuses this on a live StatefulSet ("updates to statefulset spec for fields other than … are forbidden"). To apply it, run `kubectl delete statefulset db --cascade=orphan`, which keeps the pods and volumes, then apply.';
const SERVICE = (name: string) =>
  `A Service's cluster IP may not change once set. To apply it, delete the Service (\`kubectl delete service ${name}\`) and apply it again; it is unreachable in between.`;
const IMMUTABLE = (kind: string) =>
  `The ${kind} is immutable, and the API server refuses any change to its data and to immutable itself. Create it under a new name (kustomize generators add a content hash) and refer to that.`;
const at = (file: string, range: string) => ({ file: `${DIR}/${file}.yaml`, range });

testRule('immutable-field-changed', {
  valid: [
    { name: 'replicas, template, minReadySeconds, labels, defaults written out and 1Gi as 1024Mi', files: [`${DIR}/mutable-changes.yaml`], base: STS },
    { name: 'a renamed StatefulSet is a new object', files: [`${DIR}/renamed-statefulset.yaml`], base: STS },
    { name: 'a grown claim, a Secret value moved from stringData to data, metadata changes', files: [`${DIR}/claim-and-secret-same.yaml`], base: `${DIR}/committed-claim-and-secret.yaml` },
    { name: 'no committed version: the file is new', files: [`${DIR}/refused-changes.yaml`] },
  ],
  invalid: [
    {
      name: 'serviceName, podManagementPolicy, selector and claim storage',
      files: [`${DIR}/refused-changes.yaml`],
      base: STS,
      findings: [
        { range: '6:3-6:14', message: `spec.serviceName changed from db at HEAD to db-headless. ${ORPHAN}`, related: [at('committed-statefulset', '6:3-6:14')] },
        { range: '7:3-7:22', message: `spec.podManagementPolicy changed from OrderedReady at HEAD to Parallel. ${ORPHAN}`, related: [at('committed-statefulset', '5:1-5:5')] },
        { range: '11:7-11:10', message: `spec.selector.matchLabels.app changed from db at HEAD to database. ${ORPHAN}`, related: [at('committed-statefulset', '11:7-11:10')] },
        {
          range: '30:13-30:20',
          message: `spec.volumeClaimTemplates[0].spec.resources.requests.storage changed from 1Gi at HEAD to 2Gi. ${ORPHAN} Existing PersistentVolumeClaims keep their old spec: resize each one with kubectl patch pvc.`,
          related: [at('committed-statefulset', '30:13-30:20')],
        },
      ],
    },
    {
      name: "a new clusterIP: None where the server assigned one, a changed cluster IP; leaving None out is fine",
      files: [`${DIR}/service-cluster-ips.yaml`],
      base: `${DIR}/committed-service.yaml`,
      findings: [
        {
          range: '6:3-6:12',
          message: `spec.clusterIP is set to None, but the Service had no cluster IP at HEAD: the API server assigned it one when it was created. ${SERVICE('db')}`,
          related: [at('committed-service', '5:1-5:5')],
        },
        { range: '17:3-17:12', message: `spec.clusterIP changed from 10.0.0.12 at HEAD to 10.0.0.13. ${SERVICE('cache')}`, related: [at('committed-service', '16:3-16:12')] },
      ],
    },
    {
      name: "a claim's class and smaller request, an immutable Secret and ConfigMap, a Secret's type",
      files: [`${DIR}/claim-and-secret-changes.yaml`],
      base: `${DIR}/committed-claim-and-secret.yaml`,
      findings: [
        {
          range: '7:3-7:19',
          message: "spec.storageClassName changed from standard at HEAD to fast. A PersistentVolumeClaim's spec is immutable after creation, except resources.requests and volumeAttributesClassName. Create a new claim and move the data to it.",
          related: [at('committed-claim-and-secret', '7:3-7:19')],
        },
        {
          range: '10:7-10:14',
          message: "spec.resources.requests.storage changed from 10Gi at HEAD to 5Gi. A claim's storage request cannot be lowered. Keep the committed size.",
          related: [at('committed-claim-and-secret', '10:7-10:14')],
        },
        { range: '13:1-13:13', message: `immutable was true at HEAD, and is no longer set. ${IMMUTABLE('Secret')}`, related: [at('committed-claim-and-secret', '16:1-16:10')] },
        {
          range: '16:1-16:5',
          message: "type changed from Opaque at HEAD to kubernetes.io/basic-auth. A Secret's type cannot change. Delete the Secret and apply it again, or create it under a new name.",
          related: [at('committed-claim-and-secret', '13:1-13:13')],
        },
        { range: '18:3-18:11', message: `stringData.password changed since HEAD. ${IMMUTABLE('Secret')}`, related: [at('committed-claim-and-secret', '18:3-18:11')] },
        { range: '26:3-26:18', message: `data.max_connections changed from 100 at HEAD to 200. ${IMMUTABLE('ConfigMap')}`, related: [at('committed-claim-and-secret', '26:3-26:18')] },
      ],
    },
  ],
});

it('never quotes a Secret value, in the message or the fix data', () => {
  const findings = findingsOf('immutable-field-changed', { files: [`${DIR}/claim-and-secret-changes.yaml`], base: `${DIR}/committed-claim-and-secret.yaml` });
  assert.ok(findings.length > 0);
  assert.doesNotMatch(JSON.stringify(findings), /secret-value/);
});

it('carries the committed value, or the removal of a field it did not write, as fix data', () => {
  const findings = findingsOf('immutable-field-changed', { files: [`${DIR}/refused-changes.yaml`], base: STS });
  assert.deepEqual(
    findings.map((finding) => finding.fix),
    [
      { path: ['spec', 'serviceName'], committed: 'db' },
      { path: ['spec', 'podManagementPolicy'], remove: true },
      { path: ['spec', 'selector', 'matchLabels', 'app'], committed: 'db' },
      { path: ['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage'], committed: '1Gi' },
    ],
  );
});

it('gives one information finding when the committed version could not be read', () => {
  const workspace = new Workspace();
  workspace.set('file:///a.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n');
  workspace.setBase('file:///a.yaml', { kind: 'unavailable', message: 'No git repository holds /a.yaml.' });
  const findings = analyze(workspace, 'file:///a.yaml').filter((finding) => finding.ruleId === 'immutable-field-changed');
  assert.deepEqual(
    findings.map(({ severity, message, range }) => ({ severity, message, line: range.start.line })),
    [{ severity: 'info', message: 'Not compared with the committed version, so changes the API server refuses are not checked: No git repository holds /a.yaml.', line: 0 }],
  );
});
