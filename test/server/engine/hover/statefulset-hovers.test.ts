import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computedPart, markdownOf } from './hover-helper';

const WEB = ['hover/web-partition-3.yaml', 'hover/nginx-headless-service.yaml', 'hover/storage-class-standard.yaml'];
const START_ONE = ['hover/web-ordinals-start-1.yaml', 'hover/nginx-headless-service.yaml'];
const AT_REPLICAS = ['hover/web-partition-at-replicas.yaml', 'hover/nginx-headless-service.yaml'];
const KAFKA = ['hover/kafka-twelve-brokers.yaml'];
const POSTGRES = ['hover/postgres-ordered-ready.yaml'];

/** The pods a line of the partition hover names, such as the `**Updated**` one. */
function podsOn(markdown: string, label: string): string[] {
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(`- **${label}**`));
  return [...(line ?? '').matchAll(/`([a-z0-9-]+-\d+)`/g)].map((match) => match[1]);
}

describe('partition hover', () => {
  it('names the pods a template change updates, highest first, and those it leaves', () => {
    const markdown = markdownOf({ files: WEB, at: 'partition' });
    assert.deepEqual(podsOn(markdown, 'Updated'), ['web-4', 'web-3']);
    assert.deepEqual(podsOn(markdown, 'Untouched'), ['web-0', 'web-1', 'web-2']);
    assert.match(markdown, /lower the partition to 2 to update `web-2` next/);
  });

  it('compares the partition with positions when ordinals start at 1, and says so', () => {
    const markdown = markdownOf({ files: START_ONE, at: 'partition: 3', shift: 'partition: '.length });
    assert.deepEqual(podsOn(markdown, 'Updated'), ['web-5', 'web-4']);
    assert.deepEqual(podsOn(markdown, 'Untouched'), ['web-1', 'web-2', 'web-3']);
    assert.match(markdown, /ordinal minus `ordinals\.start` \(1\)/);
    assert.match(markdown, /"ordinal ≥ partition" only holds when the start is 0/);
  });

  it('says that no pod is updated when the partition reaches replicas', () => {
    for (const occurrence of [0, 1]) {
      const markdown = markdownOf({ files: AT_REPLICAS, at: 'partition', occurrence });
      assert.match(markdown, /\*\*No pod will be updated\*\*/);
      assert.deepEqual(podsOn(markdown, 'Updated'), []);
    }
    assert.match(markdownOf({ files: AT_REPLICAS, at: 'partition' }), /lower the partition to 4 to update `web-4` alone first/);
  });

  it('updates every pod with partition 0, in batches of maxUnavailable from 1.35', () => {
    const markdown = markdownOf({ files: ['hover/max-unavailable-percent.yaml'], at: 'partition', config: { kubernetesVersion: { major: 1, minor: 35 } } });
    assert.deepEqual(podsOn(markdown, 'Updated'), ['cassandra-8', 'cassandra-7', 'cassandra-6', 'cassandra-5', 'cassandra-4']);
    assert.match(markdown, /- \*\*Updated\*\*, highest ordinal first, up to 3 at a time \(`maxUnavailable`\).* … and 4 more/);
    assert.match(markdown, /- \*\*Untouched\*\*: none, every pod is updated/);
    assert.match(markdown, /set the partition to 8 before changing the template to update `cassandra-8` alone first/);
  });

  it('says partition has no effect with OnDelete', () => {
    const markdown = markdownOf({ files: ['hover/list-anchors-and-flow.yaml'], at: 'OnDelete' });
    assert.match(computedPart(markdown), /\*\*OnDelete\*\*: a change to the pod template replaces no running pod/);
    assert.match(computedPart(markdown), /kubectl delete pod zk-2/);
  });
});

describe('identity hovers: name, replicas, ordinals.start and serviceName', () => {
  it('lists pods, DNS names and PVC names for replicas', () => {
    const markdown = computedPart(markdownOf({ files: WEB, at: 'replicas' }));
    assert.match(markdown, /^\*\*5 pods\*\*, ordinals 0 to 4:/);
    assert.match(markdown, /- `web-0` · `web-0\.nginx\.default\.svc\.cluster\.local` · PVC `www-web-0`/);
    assert.match(markdown, /- `web-4` · `web-4\.nginx\.default\.svc\.cluster\.local` · PVC `www-web-4`/);
    assert.match(markdown, /DNS names come from the headless Service `nginx` \(in `nginx-headless-service\.yaml`\)/);
  });

  it('shows five pods, then how many more and the last one', () => {
    const markdown = computedPart(markdownOf({ files: KAFKA, at: 'replicas' }));
    assert.equal(markdown.match(/^- `kafka-\d+`/gm)?.length, 5);
    assert.match(markdown, /- … and 7 more, up to `kafka-11`/);
    assert.match(markdown, /PVCs `data-kafka-0`, `logs-kafka-0`/);
    assert.match(markdown, /`kafka-0\.kafka-headless\.streaming\.svc\.cluster\.local`/);
  });

  it('warns that DNS names will not resolve without the headless Service', () => {
    const markdown = markdownOf({ files: ['hover/web-partition-3.yaml'], at: 'serviceName' });
    assert.match(markdown, /⚠️ No headless Service `nginx` in namespace `default` in the workspace: these DNS names will not resolve/);
  });

  it('follows ordinals.start in names, DNS names and PVCs', () => {
    const markdown = computedPart(markdownOf({ files: START_ONE, at: 'start' }));
    assert.match(markdown, /^\*\*Ordinals start at 1\*\*, not 0\. 5 pods, ordinals 1 to 5:/);
    assert.match(markdown, /- `web-1` · `web-1\.nginx\.default\.svc\.cluster\.local`/);
    assert.match(markdown, /- `web-5` ·/);
    assert.doesNotMatch(markdown, /`web-0`/);
  });

  it('shows the naming pattern on metadata.name', () => {
    const markdown = computedPart(markdownOf({ files: WEB, at: 'name: web', shift: 'name: '.length }));
    assert.match(markdown, /^\*\*Pods are named `web-<ordinal>`\*\*, their PVCs `<template>-web-<ordinal>`/);
  });

  it('says on metadata.name that a rename gives new, empty PVCs', () => {
    const markdown = computedPart(markdownOf({ files: WEB, at: 'name: web', shift: 'name: '.length }));
    assert.match(markdown, /A rename is no update: the StatefulSet under the new name gets new, empty PVCs, and the old ones stay behind\./);
  });

  it('says when a HorizontalPodAutoscaler owns replicas', () => {
    const markdown = markdownOf({
      files: ['rules/replicas-with-hpa/statefulset.yaml', 'rules/replicas-with-hpa/hpa.yaml'],
      at: 'replicas',
    });
    assert.match(markdown, /HorizontalPodAutoscaler `\S+` scales this set between \d+ and \d+ replicas/);
  });
});

describe('podManagementPolicy, updateStrategy, maxUnavailable, minReadySeconds and revisionHistoryLimit hovers', () => {
  it('explains OrderedReady for this set, with the forced-rollback caveat', () => {
    const markdown = computedPart(markdownOf({ files: POSTGRES, at: 'podManagementPolicy' }));
    assert.match(markdown, /^\*\*OrderedReady\*\*: `postgres-0`, `postgres-1` and `postgres-2` are created one at a time in ordinal order/);
    assert.match(markdown, /removes them one at a time from `postgres-2` down/);
    assert.match(markdown, /\*\*Stuck rollouts\*\*.*Reverting the template is not enough: also delete the pods already created from the broken template/);
  });

  it('explains Parallel for this set', () => {
    const markdown = computedPart(markdownOf({ files: KAFKA, at: 'podManagementPolicy' }));
    assert.match(markdown, /^\*\*Parallel\*\*: `kafka-0`, `kafka-1`, `kafka-2`, `kafka-3`, `kafka-4` … and 7 more are created together/);
    assert.match(markdown, /cannot be changed once the StatefulSet exists/);
  });

  it('warns that maxUnavailable is dropped before 1.35, and explains it from 1.35', () => {
    const before = computedPart(markdownOf({ files: POSTGRES, at: 'maxUnavailable', config: { kubernetesVersion: { major: 1, minor: 34 } } }));
    assert.match(before, /⚠️ On Kubernetes 1\.34 .* silently drops it unless the `MaxUnavailableStatefulSet` feature gate is on/);
    const after = computedPart(markdownOf({ files: POSTGRES, at: 'maxUnavailable', config: { kubernetesVersion: { major: 1, minor: 35 } } }));
    assert.match(after, /^\*\*At most 2 pods may be unavailable at once during a rolling update\*\*/);
    assert.match(after, /OrderedReady`, the controller still brings replaced pods back one at a time/);
    assert.match(after, /Beta and on by default from Kubernetes 1\.35/);
  });

  it('rounds a percentage up against the replicas', () => {
    const markdown = computedPart(markdownOf({ files: ['hover/max-unavailable-percent.yaml'], at: 'maxUnavailable' }));
    assert.match(markdown, /At most 3 pods may be unavailable .*\(25% of 9 pods, rounded up\)/);
  });

  it('describes the rolling update order and pace', () => {
    const markdown = computedPart(markdownOf({ files: WEB, at: 'RollingUpdate' }));
    assert.match(markdown, /replaces the pods from `web-4` down to `web-0`, one at a time/);
    assert.match(markdown, /Only pods at positions 3 and up are replaced/);
  });

  it('adds up minReadySeconds over the pods', () => {
    const markdown = computedPart(markdownOf({ files: KAFKA, at: 'minReadySeconds' }));
    assert.match(markdown, /staying Ready for 30 s/);
    assert.match(markdown, /Replacing all 12 pods one at a time takes at least 6 min more/);
  });

  it('warns that revisionHistoryLimit 0 leaves nothing to roll back to', () => {
    const markdown = computedPart(markdownOf({ files: POSTGRES, at: 'revisionHistoryLimit' }));
    assert.match(markdown, /⚠️ \*\*No old revision is kept\*\*: `kubectl rollout undo statefulset\/postgres` has nothing to go back to/);
  });
});

describe('persistentVolumeClaimRetentionPolicy and volumeClaimTemplates hovers', () => {
  it('warns of data loss on delete, naming the PVCs', () => {
    const markdown = computedPart(markdownOf({ files: KAFKA, at: 'whenDeleted' }));
    assert.match(markdown, /^⚠️ \*\*`whenDeleted: Delete`: deleting the StatefulSet deletes its PVCs\*\* `data-kafka-0`, `logs-kafka-0`, `data-kafka-1`/);
    assert.match(markdown, /… and 19 more/);
    assert.match(markdown, /\*\*their data are lost\*\*/);
  });

  it('names the PVCs a scale-down deletes', () => {
    const markdown = computedPart(markdownOf({ files: KAFKA, at: 'whenScaled' }));
    assert.match(markdown, /scaling from 12 to 11 replicas removes `kafka-11` and deletes `data-kafka-11`, `logs-kafka-11`/);
  });

  it('lists what each claim template gives the pods, and how to resize although the list is immutable', () => {
    const markdown = computedPart(markdownOf({ files: WEB, at: 'volumeClaimTemplates' }));
    assert.match(markdown, /PVCs `www-web-0`, `www-web-1`, `www-web-2`, `www-web-3` and `www-web-4`/);
    assert.match(markdown, /`1Gi` each · `ReadWriteOnce` · StorageClass `standard`, which allows volume expansion/);
    assert.match(markdown, /mounted at `\/usr\/share\/nginx\/html` in `nginx`/);
    assert.match(markdown, /The list is immutable/);
    assert.match(markdown, /kubectl delete statefulset web --cascade=orphan/);
  });

  it('describes one template from its name', () => {
    const markdown = computedPart(markdownOf({ files: KAFKA, at: 'name: logs', shift: 'name: '.length, occurrence: 1 }));
    assert.match(markdown, /^\*\*Claim template\*\*: `logs` · PVCs `logs-kafka-0`/);
    assert.doesNotMatch(markdown, /`data-kafka-0`/);
  });
});
