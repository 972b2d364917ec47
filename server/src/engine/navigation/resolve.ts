import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Resource } from '../document/resource';
import { looksLikePatch } from '../kustomize/patch-files';
import { governingService } from '../kubernetes/governing-service';
import { labelSelectorSelects, labelsOf } from '../kubernetes/label-selector';
import { labelSelectorKeys, selectionKeys } from '../workspace/dependencies';
import { proximity } from '../workspace/proximity';
import type { Workspace } from '../workspace/workspace';
import { CLUSTER_SCOPED_KINDS, referencesOf, type ObjectReference, type RefersTo } from './object-references';
import { hasKey, volumeDeclarations, type Target } from './targets';

/** Where a reference leads. */
export interface Resolution {
  /** Every candidate, nearest first: the reader's namespace before others, then the nearest folder. */
  targets: Target[];
  /** The candidates the reference means, by the rule the checks use; empty when none is found. */
  meant: Target[];
}

/** The targets of one reference of `reader`. */
export function resolve(workspace: Workspace, reader: Resource, reference: ObjectReference): Resolution {
  const to = reference.to;
  switch (to.type) {
    case 'object':
      return asObjects(objectCandidates(workspace, reader, to, reference));
    case 'key': {
      const objects = objectCandidates(workspace, reader, to, reference);
      const withKey = (list: Resource[]) => list.filter((object) => hasKey(object, to.key)).map((resource): Target => ({ type: 'key', resource, key: to.key }));
      // With no candidate defining the key, the objects themselves are the nearest thing to show.
      const targets = withKey(objects.ordered);
      return targets.length > 0 ? { targets, meant: withKey(objects.meant) } : asObjects({ ordered: objects.ordered, meant: [] });
    }
    case 'volume': {
      const targets: Target[] = reader.is('StatefulSet') && volumeDeclarations(reader, to.name).length > 0 ? [{ type: 'volume', resource: reader, name: to.name }] : [];
      return { targets, meant: targets };
    }
    case 'selector': {
      const targets = selectedStatefulSets(workspace, reader, to).map((resource): Target => ({ type: 'object', resource }));
      return { targets, meant: targets };
    }
  }
}

/** The StatefulSets of the selector's namespace whose pod template labels it selects, found through the index of pod labels. */
export function selectedStatefulSets(workspace: Workspace, reader: Resource, to: Extract<RefersTo, { type: 'selector' }>): Resource<StatefulSet>[] {
  const namespace = workspace.namespaceOf(reader);
  const candidates = new Set(labelSelectorKeys(to.selector as Record<string, unknown>, !to.map).flatMap((key) => workspace.readersOfKey(key)));
  return [...candidates].filter(
    (object): object is Resource<StatefulSet> =>
      object.is('StatefulSet') && workspace.namespaceOf(object) === namespace && labelSelectorSelects(to.selector, podLabelsOf(object)),
  );
}

/** The budgets and Services of a StatefulSet's namespace whose selector picks its pods, found through the index of selected labels. */
export function selectorsOf(workspace: Workspace, statefulSet: Resource<StatefulSet>): Resource[] {
  const namespace = workspace.namespaceOf(statefulSet);
  const labels = podLabelsOf(statefulSet);
  const candidates = new Set(selectionKeys(labels).flatMap((key) => workspace.referrersOf(key)));
  return [...candidates].filter((object) => {
    if (!(object.is('PodDisruptionBudget') || object.is('Service')) || workspace.namespaceOf(object) !== namespace) return false;
    const to = referencesOf(object).find((reference) => reference.to.type === 'selector')?.to;
    return to?.type === 'selector' && labelSelectorSelects(to.selector, labels);
  });
}

export function podLabelsOf(statefulSet: Resource<StatefulSet>): Record<string, string> {
  return labelsOf(statefulSet.object.spec?.template?.metadata?.labels);
}

interface ObjectCandidates {
  ordered: Resource[];
  meant: Resource[];
}

function asObjects({ ordered, meant }: ObjectCandidates): Resolution {
  const target = (resource: Resource): Target => ({ type: 'object', resource });
  return { targets: ordered.map(target), meant: meant.map(target) };
}

/**
 * The objects of a kind and name, nearest first. The reference means those of the reader's
 * namespace (any, for a cluster-scoped kind) in the nearest folder; a StatefulSet's
 * `serviceName` means the Service that `governingService` settles on, as the service-* rules do.
 */
function objectCandidates(workspace: Workspace, reader: Resource, to: { kind: string; name: string }, reference: ObjectReference): ObjectCandidates {
  const namespace = workspace.namespaceOf(reader);
  const anyNamespace = CLUSTER_SCOPED_KINDS.has(to.kind);
  const ranked = workspace
    .providersOf(`${to.kind}/${to.name}`)
    .map((object) => ({ object, here: anyNamespace || workspace.namespaceOf(object) === namespace, near: proximity(reader.uri, object.uri) }))
    .sort((a, b) => Number(b.here) - Number(a.here) || b.near - a.near);
  const ordered = ranked.map((entry) => entry.object);
  const top = ranked[0];
  const meant = top?.here ? ranked.filter((entry) => entry.here && entry.near === top.near).map((entry) => entry.object) : [];
  if (reader.is('StatefulSet') && reference.path.join('.') === 'spec.serviceName') {
    const governing = governingService({ resource: reader, namespace, partial: workspace.isPatch(reader.uri) || looksLikePatch(reader), workspace });
    if (governing.state === 'found') return { ordered: [governing.service, ...ordered.filter((object) => object !== governing.service)], meant: [governing.service] };
    // The Services of that name select another StatefulSet's pods: they are that set's, not this one's.
    if (governing.state === 'not-found') return { ordered, meant: [] };
  }
  return { ordered, meant };
}
