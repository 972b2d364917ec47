import type { StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { looksLikePatch } from '../kustomize/patch-files';
import { claimTemplatesOf } from '../kubernetes/pod-template';
import type { Resource } from '../document/resource';
import type { ResourceContext } from '../rule';
import { isMapping } from '../document/values';
import type { Workspace } from '../workspace/workspace';

/**
 * The numbers that decide a StatefulSet's pods, read from its manifest with the API server's
 * defaults filled in. Values the server would reject are kept apart (`undefined` or the
 * `invalid` flags), so that no hover computes with them.
 */
export interface StatefulSetFacts {
  context: ResourceContext<StatefulSet>;
  /** `metadata.name`, or undefined when missing. */
  name: string | undefined;
  namespace: string;
  /** The replica count, or undefined when it is not a whole number ≥ 0 or comes from a kustomize base. */
  replicas: number | undefined;
  /** `spec.replicas` is written in the manifest (not defaulted). */
  replicasWritten: boolean;
  /** The first ordinal: `spec.ordinals.start`, 0 when unset or invalid. */
  start: number;
  claimTemplates: string[];
  /** Resolved `podManagementPolicy`, as written or defaulted. */
  podManagementPolicy: string;
  /** Resolved `updateStrategy.type`. */
  strategy: string;
  /** Resolved partition, or undefined when not a whole number ≥ 0. */
  partition: number | undefined;
  minReadySeconds: number;
}

export function factsOf(resource: Resource<StatefulSet>, workspace: Workspace): StatefulSetFacts {
  const spec = (isMapping(resource.object.spec) ? resource.object.spec : {}) as Partial<StatefulSetSpec>;
  const partial = workspace.isPatch(resource.uri) || looksLikePatch(resource);
  const written = spec.replicas as unknown;
  const replicas = written === undefined ? (partial ? undefined : 1) : wholeNumber(written);
  const start = wholeNumber((spec.ordinals as { start?: unknown } | undefined)?.start) ?? 0;
  const rollingUpdate = spec.updateStrategy?.rollingUpdate as { partition?: unknown } | undefined;
  const partitionWritten = isMapping(rollingUpdate) ? rollingUpdate.partition : undefined;
  const namespace = workspace.namespaceOf(resource);
  return {
    context: { resource, namespace, partial, workspace },
    name: resource.name === '' ? undefined : resource.name,
    namespace,
    replicas,
    replicasWritten: written !== undefined,
    start,
    claimTemplates: claimTemplatesOf(resource)
      .map((entry) => entry.value.metadata?.name as unknown)
      .filter((name): name is string => typeof name === 'string' && name !== ''),
    podManagementPolicy: textOr(spec.podManagementPolicy, 'OrderedReady'),
    strategy: textOr(spec.updateStrategy?.type, 'RollingUpdate'),
    partition: partitionWritten === undefined ? 0 : wholeNumber(partitionWritten),
    minReadySeconds: wholeNumber(spec.minReadySeconds) ?? 0,
  };
}

/** `web-3`, for the pod at a position (0 for the first pod, whatever `ordinals.start`). */
export function podAt(facts: StatefulSetFacts, position: number): string {
  return `${facts.name ?? '<name>'}-${facts.start + position}`;
}

/** `www-web-3`: the PVC a claim template gives the pod at a position. */
export function claimAt(facts: StatefulSetFacts, template: string, position: number): string {
  return `${template}-${podAt(facts, position)}`;
}

/** A HorizontalPodAutoscaler of the namespace whose target is this StatefulSet. */
export function autoscalerOf(facts: StatefulSetFacts): Resource<HorizontalPodAutoscaler> | undefined {
  const { workspace, resource } = facts.context;
  return workspace.ofKind('HorizontalPodAutoscaler').find((autoscaler) => {
    if (workspace.namespaceOf(autoscaler) !== facts.namespace) return false;
    const target = autoscaler.object.spec?.scaleTargetRef as unknown;
    return isMapping(target) && target.kind === 'StatefulSet' && target.name === resource.name;
  });
}

export function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
