import { isMapping } from '../document/values';
import { code, nameList, plural } from './markdown';
import { claimAt, podAt, type StatefulSetFacts } from './statefulset-facts';

export type RetentionField = 'whenDeleted' | 'whenScaled';

/**
 * `persistentVolumeClaimRetentionPolicy`: which PVCs, by name, survive deleting the set and
 * scaling it down, with the data-loss warning for `Delete`.
 */
export function retentionHover(facts: StatefulSetFacts, fields: readonly RetentionField[]): string {
  if (facts.claimTemplates.length === 0) {
    return '**No `volumeClaimTemplates`**: this StatefulSet creates no PVCs, so the policy has nothing to act on.';
  }
  const lines = fields.map((field) => (field === 'whenDeleted' ? whenDeleted(facts) : whenScaled(facts)));
  lines.push(
    'The policy only acts on deletion and scale-down: a pod replaced for another reason (node failure, eviction, update) keeps its PVCs.',
  );
  return lines.join('\n\n');
}

function policyOf(facts: StatefulSetFacts, field: RetentionField): string {
  const policy = facts.context.resource.object.spec?.persistentVolumeClaimRetentionPolicy as unknown;
  const value = isMapping(policy) ? policy[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : 'Retain';
}

/** Every PVC of the set, template by template, or a pattern when the replicas are not known. */
function allClaims(facts: StatefulSetFacts): string {
  const { replicas, claimTemplates } = facts;
  if (replicas === undefined) return claimTemplates.map((template) => code(`${template}-${facts.name ?? '<name>'}-<ordinal>`)).join(', ');
  const count = replicas * claimTemplates.length;
  return nameList(count, (index) => claimAt(facts, claimTemplates[index % claimTemplates.length], Math.floor(index / claimTemplates.length)));
}

function whenDeleted(facts: StatefulSetFacts): string {
  const policy = policyOf(facts, 'whenDeleted');
  if (policy === 'Delete') {
    return `⚠️ **\`whenDeleted: Delete\`: deleting the StatefulSet deletes its PVCs** ${allClaims(facts)}, each once its pod has terminated. Unless their StorageClass retains volumes (\`reclaimPolicy: Retain\`), the volumes and **their data are lost**.`;
  }
  if (policy !== 'Retain') return invalid('whenDeleted', policy);
  return `**\`whenDeleted: Retain\`**${written(facts, 'whenDeleted') ? '' : ' (the default)'}: deleting the StatefulSet keeps its PVCs ${allClaims(facts)} and their data; a StatefulSet of the same name and claim templates picks them up again.`;
}

function whenScaled(facts: StatefulSetFacts): string {
  const policy = policyOf(facts, 'whenScaled');
  const { replicas } = facts;
  if (policy !== 'Retain' && policy !== 'Delete') return invalid('whenScaled', policy);
  if (replicas === undefined || replicas === 0) {
    return policy === 'Delete'
      ? '⚠️ **`whenScaled: Delete`: a scale-down deletes the PVCs of the pods it removes**, and their data with them unless the StorageClass retains volumes.'
      : `**\`whenScaled: Retain\`**${written(facts, 'whenScaled') ? '' : ' (the default)'}: a scale-down keeps the PVCs of the pods it removes, and scaling back up reattaches them.`;
  }
  const removed = podAt(facts, replicas - 1);
  const claims = facts.claimTemplates.map((template) => code(claimAt(facts, template, replicas - 1))).join(', ');
  const step = `scaling from ${replicas} to ${plural(replicas - 1, 'replica')} removes ${code(removed)}`;
  if (policy === 'Delete') {
    return `⚠️ **\`whenScaled: Delete\`: a scale-down deletes the PVCs of the pods it removes**: ${step} and deletes ${claims}. Unless their StorageClass retains volumes, **that data is lost**, and scaling back up starts ${code(removed)} on an empty volume.`;
  }
  return `**\`whenScaled: Retain\`**${written(facts, 'whenScaled') ? '' : ' (the default)'}: a scale-down keeps the PVCs of the pods it removes: ${step} and keeps ${claims}, which ${code(removed)} gets back when you scale up again.`;
}

function written(facts: StatefulSetFacts, field: RetentionField): boolean {
  const policy = facts.context.resource.object.spec?.persistentVolumeClaimRetentionPolicy as unknown;
  return isMapping(policy) && policy[field] !== undefined;
}

function invalid(field: RetentionField, value: string): string {
  return `**${code(value)} is not a valid \`${field}\`**: the API server accepts \`Retain\` or \`Delete\`, with that case.`;
}
