import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Resource } from '../document/resource';
import type { Workspace } from '../workspace/workspace';
import type { PathSegment } from '../document/yaml-nodes';
import { claimTemplatesHover } from './claim-templates';
import { identityHover } from './identity';
import { podManagementHover } from './pod-management';
import { retentionHover } from './retention';
import { maxUnavailableHover, minReadyHover, partitionHover, revisionHistoryHover, strategyHover } from './rollout';
import { factsOf, type StatefulSetFacts } from './statefulset-facts';

type Explain = (facts: StatefulSetFacts, workspace: Workspace, path: readonly PathSegment[]) => string;

/** The StatefulSet fields whose consequences a hover computes, by path (`[]` for a list index). */
const EXPLAINED: Record<string, Explain> = {
  'metadata.name': (facts) => identityHover(facts, 'name'),
  'spec.replicas': (facts) => identityHover(facts, 'replicas'),
  'spec.ordinals': (facts) => identityHover(facts, 'start'),
  'spec.ordinals.start': (facts) => identityHover(facts, 'start'),
  'spec.serviceName': (facts) => identityHover(facts, 'serviceName'),
  'spec.podManagementPolicy': (facts, workspace) => podManagementHover(facts, workspace.settings.kubernetesVersion),
  'spec.updateStrategy': (facts, workspace) => strategyHover(facts, workspace.settings.kubernetesVersion),
  'spec.updateStrategy.type': (facts, workspace) => strategyHover(facts, workspace.settings.kubernetesVersion),
  'spec.updateStrategy.rollingUpdate': (facts, workspace) => strategyHover(facts, workspace.settings.kubernetesVersion),
  'spec.updateStrategy.rollingUpdate.partition': (facts, workspace) => partitionHover(facts, workspace.settings.kubernetesVersion),
  'spec.updateStrategy.rollingUpdate.maxUnavailable': (facts, workspace) =>
    maxUnavailableHover(facts, workspace.settings.kubernetesVersion),
  'spec.minReadySeconds': (facts) => minReadyHover(facts),
  'spec.revisionHistoryLimit': (facts) => revisionHistoryHover(facts),
  'spec.persistentVolumeClaimRetentionPolicy': (facts) => retentionHover(facts, ['whenDeleted', 'whenScaled']),
  'spec.persistentVolumeClaimRetentionPolicy.whenDeleted': (facts) => retentionHover(facts, ['whenDeleted']),
  'spec.persistentVolumeClaimRetentionPolicy.whenScaled': (facts) => retentionHover(facts, ['whenScaled']),
  'spec.volumeClaimTemplates': (facts) => claimTemplatesHover(facts),
  'spec.volumeClaimTemplates.[].metadata': (facts, _, path) => claimTemplatesHover(facts, path[2] as number),
  'spec.volumeClaimTemplates.[].metadata.name': (facts, _, path) => claimTemplatesHover(facts, path[2] as number),
};

/** What this field does to the StatefulSet's pods and volumes, or undefined for other fields and kinds. */
export function computedHover(resource: Resource, path: readonly PathSegment[], workspace: Workspace): string | undefined {
  if (resource.apiVersion !== 'apps/v1' || !resource.is('StatefulSet')) return undefined;
  const explain = EXPLAINED[path.map((segment) => (typeof segment === 'number' ? '[]' : segment)).join('.')];
  return explain?.(factsOf(resource as Resource<StatefulSet>, workspace), workspace, path);
}
