import type { KubernetesVersion } from '../config';
import { code, duration, nameList } from './markdown';
import { maxUnavailableOf } from './rollout';
import { podAt, type StatefulSetFacts } from './statefulset-facts';

/**
 * `podManagementPolicy`: the order in which this set's pods are created, scaled and deleted,
 * how it combines with `maxUnavailable`, and the stuck rollout that OrderedReady can cause.
 */
export function podManagementHover(facts: StatefulSetFacts, version: KubernetesVersion): string {
  const { replicas, podManagementPolicy: policy } = facts;
  const pods = replicas !== undefined && replicas > 0 ? nameList(replicas, (index) => podAt(facts, index)) : undefined;
  const last = replicas !== undefined && replicas > 0 ? code(podAt(facts, replicas - 1)) : 'the highest ordinal';
  const written = facts.context.resource.object.spec?.podManagementPolicy !== undefined;
  const immutable = 'It cannot be changed once the StatefulSet exists.';
  const batch = maxUnavailableOf(facts, version);
  if (policy === 'OrderedReady') {
    const ready = facts.minReadySeconds > 0 ? `Ready for ${duration(facts.minReadySeconds)} (\`minReadySeconds\`)` : 'Running and Ready';
    return [
      `**OrderedReady**${written ? '' : ' (the default)'}: ${pods ? `${pods} are` : 'pods are'} created one at a time in ordinal order, each once the one before is ${ready}. A scale-down removes them one at a time from ${last} down, each once the one above has terminated. ${immutable}`,
      batch.effective > 1
        ? `With \`maxUnavailable: ${batch.written}\`, a rolling update may take down several pods at once, but they still come back one at a time in ordinal order.`
        : `Rolling updates replace one pod at a time, highest ordinal first${droppedNote(batch, version)}.`,
      '**Stuck rollouts**: with OrderedReady and RollingUpdate, a template whose pod never becomes Ready stops the rollout at that pod. Reverting the template is not enough: also delete the pods already created from the broken template, so that the controller recreates them from the reverted one.',
      'Deleting the StatefulSet stops its pods in no particular order; scale it to 0 first when the order matters.',
    ].join('\n\n');
  }
  if (policy === 'Parallel') {
    return [
      `**Parallel**: ${pods ? `${pods} are` : 'pods are'} created together, and a scale-down removes pods together, without waiting for one another. ${immutable}`,
      batch.effective > 1
        ? `Rolling updates replace up to ${batch.effective} pods at a time (\`maxUnavailable\`), highest ordinal first, and they may become Ready in any order.`
        : batch.written !== undefined
          ? `Rolling updates still replace one pod at a time, highest ordinal first${droppedNote(batch, version)}.`
          : 'Rolling updates still replace one pod at a time, highest ordinal first; set `maxUnavailable` above 1 to replace several at once.',
    ].join('\n\n');
  }
  return `**${code(policy)} is not a pod management policy**: the API server accepts \`OrderedReady\` or \`Parallel\`, with that case.`;
}

/** Why a `maxUnavailable` that is written does not speed up the rollout. */
function droppedNote(batch: ReturnType<typeof maxUnavailableOf>, version: KubernetesVersion): string {
  if (batch.written === undefined) return '';
  if (!batch.honoured) {
    return `: \`maxUnavailable\` is dropped on Kubernetes ${version.major}.${version.minor} unless its feature gate is on`;
  }
  return `: \`maxUnavailable: ${batch.written}\` allows one pod at this scale`;
}
