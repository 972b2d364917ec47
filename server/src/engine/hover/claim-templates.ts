import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { claimTemplatesOf, containersOf, type Entry } from '../kubernetes/pod-template';
import type { Resource } from '../document/resource';
import { volumeMountsOf } from '../kubernetes/template-parts';
import { isMapping } from '../document/values';
import { code, nameList } from './markdown';
import { claimAt, type StatefulSetFacts } from './statefulset-facts';

/**
 * `volumeClaimTemplates`, or one template: the PVCs each gives the pods, what they ask for,
 * where they are mounted, and how to change them although the list is immutable.
 */
export function claimTemplatesHover(facts: StatefulSetFacts, index?: number): string {
  const resource = facts.context.resource;
  const templates = claimTemplatesOf(resource);
  const chosen = index === undefined ? templates : templates.filter((entry) => entry.path[entry.path.length - 1] === index);
  if (chosen.length === 0) return '**No claim templates**: the pods get no PVCs of their own.';
  const lines: string[] = [];
  if (index === undefined) {
    lines.push(`**${chosen.length === 1 ? 'One claim template' : `${chosen.length} claim templates`}**: each gives every pod a PVC of its own.`);
    lines.push(chosen.map((entry) => `- ${describeTemplate(facts, entry)}`).join('\n'));
  } else {
    lines.push(`**Claim template**: ${describeTemplate(facts, chosen[0])}`);
  }
  lines.push(
    `The list is immutable: the API server rejects any change to it once the StatefulSet exists. To grow a volume, raise \`spec.resources.requests.storage\` on each PVC (its StorageClass must allow volume expansion), then recreate the StatefulSet without its pods: \`kubectl delete statefulset ${facts.name ?? '<name>'} --cascade=orphan\`, and apply the manifest with the new size.`,
  );
  return lines.join('\n\n');
}

function describeTemplate(facts: StatefulSetFacts, entry: Entry<PersistentVolumeClaim>): string {
  const name = entry.value.metadata?.name as unknown;
  if (typeof name !== 'string' || name === '') return 'a template without `metadata.name`, which the pods cannot mount.';
  const spec: Record<string, unknown> = isMapping(entry.value.spec) ? entry.value.spec : {};
  const parts = [code(name)];
  parts.push(
    facts.replicas === undefined
      ? `PVCs ${code(`${name}-${facts.name ?? '<name>'}-<ordinal>`)}`
      : facts.replicas === 0
        ? 'no PVCs while `replicas` is 0'
        : `${facts.replicas === 1 ? 'PVC' : 'PVCs'} ${nameList(facts.replicas, (position) => claimAt(facts, name, position))}`,
  );
  const storage = isMapping(spec.resources) && isMapping(spec.resources.requests) ? spec.resources.requests.storage : undefined;
  if (typeof storage === 'string' || typeof storage === 'number') parts.push(`${code(String(storage))} each`);
  if (Array.isArray(spec.accessModes) && spec.accessModes.length > 0) parts.push(spec.accessModes.map((mode) => code(String(mode))).join(', '));
  parts.push(storageClassOf(facts, spec.storageClassName));
  parts.push(mountsOf(facts.context.resource, name));
  return parts.join(' · ');
}

function storageClassOf(facts: StatefulSetFacts, written: unknown): string {
  if (typeof written !== 'string') return "the cluster's default StorageClass";
  if (written === '') return 'no StorageClass (binds to a pre-created volume)';
  const storageClass = facts.context.workspace.named('StorageClass', written)[0];
  const expansion = storageClass ? (storageClass.object.allowVolumeExpansion === true ? ', which allows volume expansion' : ', which does not allow volume expansion') : '';
  return `StorageClass ${code(written)}${expansion}`;
}

function mountsOf(resource: Resource<StatefulSet>, name: string): string {
  const mounts = containersOf(resource).flatMap((container) =>
    volumeMountsOf(container)
      .filter((mount) => mount.value.name === name)
      .map((mount) => `${code(String(mount.value.mountPath ?? '?'))} in ${code(String(container.value.name ?? '?'))}`),
  );
  return mounts.length > 0 ? `mounted at ${mounts.join(', ')}` : '⚠️ mounted by no container';
}
