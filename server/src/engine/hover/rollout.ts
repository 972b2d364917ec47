import { versionAtLeast, type KubernetesVersion } from '../config';
import { isMapping } from '../document/values';
import { code, duration, nameList, plural } from './markdown';
import { podAt, type StatefulSetFacts } from './statefulset-facts';

/** The version from which the MaxUnavailableStatefulSet feature gate is on by default. */
const MAX_UNAVAILABLE_DEFAULT_ON = { major: 1, minor: 35 };

/**
 * What a change to the pod template does with this set's partition: which pods are replaced,
 * in which order, and which stay on the current revision.
 */
export function partitionHover(facts: StatefulSetFacts, version: KubernetesVersion): string {
  const { replicas, partition, start } = facts;
  if (facts.strategy !== 'RollingUpdate') {
    return `**\`partition\` has no effect** with \`updateStrategy.type: ${facts.strategy}\`: it only applies to \`RollingUpdate\`.`;
  }
  if (partition === undefined) return '**`partition` must be a whole number of at least 0.**';
  if (replicas === undefined) {
    return `**Rollout with \`partition: ${partition}\`**: the pods at positions ${partition} and up are updated, highest ordinal first; the others keep the current revision. (The replica count is not known here, so the pods cannot be named.)`;
  }
  const updated = Math.max(replicas - partition, 0);
  const lines = [`**Rollout with \`partition: ${partition}\`** (${plural(replicas, 'pod')})`];
  if (updated === 0) {
    lines.push(
      `**No pod will be updated** by a change to the pod template: the partition is not below \`replicas\` (${replicas}), so ${replicas === 1 ? 'the pod keeps' : `all ${replicas} pods keep`} the current revision.`,
    );
  } else {
    const highest = (index: number) => podAt(facts, replicas - 1 - index);
    lines.push(
      [
        `On a change to the pod template:`,
        `- **Updated**, highest ordinal first, ${pace(facts, version)}: ${nameList(updated, highest)}`,
        partition > 0
          ? `- **Untouched**, kept on the current revision even when deleted and recreated: ${nameList(Math.min(partition, replicas), (index) => podAt(facts, index))}`
          : '- **Untouched**: none, every pod is updated.',
      ].join('\n'),
    );
  }
  if (start !== 0) {
    lines.push(
      `The partition counts positions, not ordinals: a pod's position is its ordinal minus \`ordinals.start\` (${start}), which is how the StatefulSet controller compares them. kubernetes.io's "ordinal ≥ partition" only holds when the start is 0.`,
    );
  }
  if (replicas > 1) lines.push(stagedRollout(facts, replicas, partition));
  return lines.join('\n\n');
}

function stagedRollout(facts: StatefulSetFacts, replicas: number, partition: number): string {
  const canary = podAt(facts, replicas - 1);
  if (partition >= replicas) {
    return `Staged rollout: lower the partition to ${replicas - 1} to update ${code(canary)} alone first, check it, then keep lowering it; 0 updates every pod.`;
  }
  if (partition === 0) {
    return `Staged rollout: set the partition to ${replicas - 1} before changing the template to update ${code(canary)} alone first, then lower it step by step to 0.`;
  }
  const next = partition - 1;
  return `Staged rollout: once the updated pods are healthy, lower the partition to ${next} to update ${code(podAt(facts, next))} next, and so on down to 0.`;
}

/** How fast a rolling update replaces pods: how many at once, and what it waits for. */
export function pace(facts: StatefulSetFacts, version: KubernetesVersion): string {
  const batch = maxUnavailableOf(facts, version);
  const wait =
    facts.minReadySeconds > 0
      ? `to stay Ready for ${duration(facts.minReadySeconds)} (\`minReadySeconds\`)`
      : 'to be Running and Ready';
  return batch.effective > 1
    ? `up to ${batch.effective} at a time (\`maxUnavailable\`), waiting for each new pod ${wait}`
    : `one at a time, waiting for each new pod ${wait}`;
}

interface MaxUnavailable {
  /** The value written, when it is valid. */
  written?: number | string;
  /** How many pods the value allows for the current replica count. */
  allowed?: number;
  /** How many pods a rolling update may take down at once, given the target version. */
  effective: number;
  /** The target version honours the field by default. */
  honoured: boolean;
}

export function maxUnavailableOf(facts: StatefulSetFacts, version: KubernetesVersion): MaxUnavailable {
  const honoured = versionAtLeast(version, MAX_UNAVAILABLE_DEFAULT_ON.major, MAX_UNAVAILABLE_DEFAULT_ON.minor);
  const rollingUpdate = facts.context.resource.object.spec?.updateStrategy?.rollingUpdate as unknown;
  const value = isMapping(rollingUpdate) ? rollingUpdate.maxUnavailable : undefined;
  let written: number | string | undefined;
  let allowed: number | undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    written = value;
    allowed = value;
  } else if (typeof value === 'string' && /^\d+%$/.test(value)) {
    const percent = Number(value.slice(0, -1));
    if (percent > 0 && percent <= 100) {
      written = value;
      // The controller rounds a percentage up, so any non-zero percentage allows at least one pod.
      if (facts.replicas !== undefined) allowed = Math.max(Math.ceil((facts.replicas * percent) / 100), 1);
    }
  }
  return { written, allowed, honoured, effective: honoured && allowed !== undefined ? allowed : 1 };
}

/** `maxUnavailable`: how many pods may be down during an update, and whether the target cluster honours it. */
export function maxUnavailableHover(facts: StatefulSetFacts, version: KubernetesVersion): string {
  const batch = maxUnavailableOf(facts, version);
  const lines: string[] = [];
  if (batch.written === undefined) {
    lines.push('**Not a valid `maxUnavailable`**: the API server only accepts a whole number of at least 1 or a percentage from `1%` to `100%`.');
  } else {
    const count = batch.allowed === undefined ? String(batch.written) : plural(batch.allowed, 'pod');
    const rounded =
      typeof batch.written === 'string' && batch.allowed !== undefined && facts.replicas !== undefined
        ? ` (${batch.written} of ${plural(facts.replicas, 'pod')}, rounded up)`
        : '';
    lines.push(
      `**At most ${count} may be unavailable at once during a rolling update**${rounded}. Pods that are already unavailable for any reason count too, not only those being replaced.`,
    );
    lines.push(
      facts.podManagementPolicy === 'Parallel'
        ? 'With `podManagementPolicy: Parallel`, the controller replaces that many pods at a time, and they may become Ready in any order.'
        : 'With `podManagementPolicy: OrderedReady`, the controller still brings replaced pods back one at a time in ordinal order, so a higher value speeds up less than with `Parallel`.',
    );
  }
  lines.push(
    batch.honoured
      ? `Beta and on by default from Kubernetes 1.35 (the \`MaxUnavailableStatefulSet\` feature gate), which \`kubeStateful.kubernetesVersion\` (${version.major}.${version.minor}) targets.`
      : `⚠️ On Kubernetes ${version.major}.${version.minor} (\`kubeStateful.kubernetesVersion\`) the field is alpha and off by default: the API server silently drops it unless the \`MaxUnavailableStatefulSet\` feature gate is on, and pods are then replaced one at a time. It is on by default from 1.35.`,
  );
  return lines.join('\n\n');
}

/** `updateStrategy.type`: what a template change does to running pods. */
export function strategyHover(facts: StatefulSetFacts, version: KubernetesVersion): string {
  const { replicas } = facts;
  const all = replicas !== undefined && replicas > 0;
  if (facts.strategy === 'OnDelete') {
    return [
      '**OnDelete**: a change to the pod template replaces no running pod.',
      `Each pod picks up the new template only when you delete it${all ? ` (for example \`kubectl delete pod ${podAt(facts, replicas - 1)}\`)` : ''}, and the controller recreates it from the current template. Useful when the application must decide the upgrade order itself.`,
    ].join('\n\n');
  }
  if (facts.strategy !== 'RollingUpdate') {
    return `**${code(facts.strategy)} is not an update strategy**: the API server accepts \`RollingUpdate\` or \`OnDelete\`.`;
  }
  const order = all ? `from ${code(podAt(facts, replicas - 1))} down to ${code(podAt(facts, 0))}` : 'from the highest ordinal down';
  const partition = facts.partition !== undefined && facts.partition > 0 ? ` Only pods at positions ${facts.partition} and up are replaced (\`partition\`).` : '';
  return `**RollingUpdate**${written(facts) ? '' : ' (the default)'}: a change to the pod template replaces the pods ${order}, ${pace(facts, version)}.${partition}`;
}

function written(facts: StatefulSetFacts): boolean {
  const strategy = facts.context.resource.object.spec?.updateStrategy as unknown;
  return isMapping(strategy) && strategy.type !== undefined;
}

/** `minReadySeconds`: how long a pod must stay Ready to count, and what that adds to a rollout. */
export function minReadyHover(facts: StatefulSetFacts): string {
  const seconds = facts.minReadySeconds;
  if (seconds === 0) return '**Pods count as available as soon as they are Ready** (`minReadySeconds` is 0).';
  const lines = [
    `**A new or replaced pod counts as available only after staying Ready for ${duration(seconds)}** with no container crashing.`,
    `Rolling updates${facts.podManagementPolicy === 'OrderedReady' ? ' and ordered scaling' : ''} wait that long before moving on to the next pod.`,
  ];
  if (facts.replicas !== undefined && facts.replicas > 1) {
    lines.push(`Replacing all ${facts.replicas} pods one at a time takes at least ${duration(seconds * facts.replicas)} more than without it.`);
  }
  return lines.join(' ');
}

/** `revisionHistoryLimit`: what `kubectl rollout undo` can go back to. */
export function revisionHistoryHover(facts: StatefulSetFacts): string {
  const value = facts.context.resource.object.spec?.revisionHistoryLimit as unknown;
  const limit = value === undefined ? 10 : value;
  const target = `statefulset/${facts.name ?? '<name>'}`;
  if (typeof limit !== 'number' || !Number.isInteger(limit)) return '**`revisionHistoryLimit` must be a whole number.**';
  if (limit < 0) {
    return '**A negative limit keeps every old revision**: the API server accepts it with a warning, and the ControllerRevisions pile up. Use a value from 0 up; 5 to 10 is usual.';
  }
  if (limit === 0) {
    return `⚠️ **No old revision is kept**: \`kubectl rollout undo ${target}\` has nothing to go back to.`;
  }
  return `**Keeps the last ${plural(limit, 'old revision')}** of the pod template${value === undefined ? ' (the default)' : ''} as ControllerRevisions, so \`kubectl rollout undo ${target}\` can go back up to ${plural(limit, 'revision')}.`;
}
