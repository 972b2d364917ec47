import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverOf, markdownOf } from './hover-helper';

const FIELDS = ['hover/pod-template-fields.yaml'];
const REFERENCE = 'https://kubernetes.io/docs/reference/kubernetes-api/';

describe('field docs in hovers', () => {
  it('shows type, presence, description and the API reference link of a field', () => {
    const markdown = markdownOf({ files: FIELDS, at: 'clusterIP' });
    assert.match(markdown, /^\*\*`clusterIP`\*\* · `string` · optional\n\nclusterIP is the IP address of the service/);
    assert.ok(markdown.endsWith(`[ServiceSpec in the Kubernetes API reference](${REFERENCE}service-resources/service-v1/#ServiceSpec)`));
  });

  it('says what the API server fills in for a field left out, and which fields are required', () => {
    assert.match(markdownOf({ files: FIELDS, at: 'containerPort' }), /^\*\*`containerPort`\*\* · `integer` · required/);
    assert.match(markdownOf({ files: FIELDS, at: 'protocol' }), /^\*\*`protocol`\*\* · `string` · optional, defaults to `TCP`/);
    assert.match(markdownOf({ files: FIELDS, at: 'imagePullPolicy' }), /optional, defaults to `IfNotPresent` \(`Always` when the image tag is `:latest` or missing\)/);
    assert.match(markdownOf({ files: FIELDS, at: 'containers' }), /^\*\*`containers`\*\* · `\[\]Container` · required/);
  });

  it('answers on values too: what an accepted word means, or that a word is not accepted', () => {
    assert.match(markdownOf({ files: FIELDS, at: 'TCP' }), /^\*\*`TCP`\*\*: The default\.\n\n---\n\n\*\*`protocol`\*\*/);
    assert.match(markdownOf({ files: FIELDS, at: 'Sometimes' }), /^⚠️ `Sometimes` is not one of the values this field accepts\./);
    assert.match(markdownOf({ files: FIELDS, at: 'Sometimes' }), /Values: `IfNotPresent`, `Always`, `Never`/);
  });

  it('documents list items and map entries by the field holding them', () => {
    const item = markdownOf({ files: FIELDS, at: 'ReadWriteOncePod' });
    assert.match(item, /^\*\*`ReadWriteOncePod`\*\*: Read-write by a single pod\./);
    assert.match(item, /Item of `accessModes` · `string`/);
    assert.match(item, new RegExp(`persistent-volume-claim-v1/#PersistentVolumeClaimSpec\\)$`));
    assert.match(markdownOf({ files: FIELDS, at: 'app: redis' }), /^`app` · entry of `labels` · `string`/);
  });

  it('keeps placeholders such as <hostname> visible instead of letting Markdown take them for tags', () => {
    assert.match(markdownOf({ files: FIELDS, at: 'subdomain' }), /"\\<hostname\\>\.\\<subdomain\\>\.\\<pod namespace\\>\.svc\.\\<cluster domain\\>"/);
  });

  it('warns about a field newer than the targeted Kubernetes version', () => {
    const older = markdownOf({ files: FIELDS, at: 'hostnameOverride', config: { kubernetesVersion: { major: 1, minor: 33 } } });
    assert.match(older, /⚠️ Added in Kubernetes 1\.34; `kubeStateful\.kubernetesVersion` targets 1\.33/);
    assert.match(markdownOf({ files: FIELDS, at: 'hostnameOverride' }), /\n\nAdded in Kubernetes 1\.34\.\n\n/);
  });

  it('links nested types to their anchor on the page that describes them', () => {
    assert.match(markdownOf({ files: ['hover/web-partition-3.yaml'], at: 'partition' }), new RegExp(`\\(${REFERENCE}workload-resources/stateful-set-v1/#RollingUpdateStatefulSetStrategy\\)$`));
    assert.match(markdownOf({ files: FIELDS, at: 'containerPort' }), new RegExp(`\\(${REFERENCE}workload-resources/pod-v1/#ContainerPort\\)$`));
    assert.match(markdownOf({ files: FIELDS, at: 'storage: 1Gi' }), new RegExp(`\\(${REFERENCE}config-and-storage-resources/persistent-volume-claim-v1/#VolumeResourceRequirements\\)$`));
  });

  it('never shows the value of a Secret', () => {
    const markdown = markdownOf({ files: ['completion/secrets-and-config-maps.yaml'], at: 's3cr3t' });
    assert.match(markdown, /^`password` · entry of `stringData` · `string`/);
    assert.doesNotMatch(markdown, /s3cr3t/);
  });

  it('has nothing to say about kinds outside the schema table, or with field docs turned off', () => {
    assert.equal(hoverOf({ files: FIELDS, at: 'replicas: 2' }), undefined);
    assert.equal(hoverOf({ files: FIELDS, at: 'clusterIP', fieldDocs: false }), undefined);
  });

  it('keeps the computed explanation when field docs are turned off', () => {
    const markdown = markdownOf({ files: ['hover/web-partition-3.yaml'], at: 'partition', fieldDocs: false });
    assert.match(markdown, /^\*\*Rollout with `partition: 3`\*\*/);
    assert.doesNotMatch(markdown, /---|Kubernetes API reference/);
  });
});
