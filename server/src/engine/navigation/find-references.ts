import type { Resource } from '../document/resource';
import type { Workspace } from '../workspace/workspace';
import { referencesOf, type ObjectReference } from './object-references';
import { keyPlace, valuePlace, type Place } from './places';
import { resolve, selectedStatefulSets, selectorsOf } from './resolve';
import { sameTarget, type Target } from './targets';

/**
 * A place that points at a target. `names`: it writes the target's name, and a rename changes
 * it. `selects`: a selector picking a StatefulSet's pods, or the StatefulSet a selector picks;
 * related by labels, not by name.
 */
export interface FoundReference {
  place: Place;
  relation: 'names' | 'selects';
}

/** Everything in the workspace that points at a target, found through the index of who names what. */
export function referencesTo(workspace: Workspace, target: Target): FoundReference[] {
  const found: FoundReference[] = [];
  const readers = target.type === 'volume' ? [target.resource] : workspace.referrersOf(`${target.resource.kind}/${target.resource.name}`);
  for (const reader of readers) {
    for (const reference of referencesOf(reader)) {
      if (!mayName(reference, target) || !resolve(workspace, reader, reference).meant.some((meant) => sameTarget(meant, target))) continue;
      const place = valuePlace(reader, reference.path);
      if (place) found.push({ place, relation: 'names' });
    }
  }
  if (target.type === 'object') found.push(...selections(workspace, target.resource));
  return found;
}

/** Whether a reference is of the kind that could name the target, before it is resolved. */
function mayName({ to }: ObjectReference, target: Target): boolean {
  switch (target.type) {
    case 'object':
      return to.type === 'object' && to.kind === target.resource.kind && to.name === target.resource.name;
    case 'key':
      return to.type === 'key' && to.kind === target.resource.kind && to.name === target.resource.name && to.key === target.key;
    case 'volume':
      return to.type === 'volume' && to.name === target.name;
  }
}

/** For a StatefulSet, the selectors picking its pods; for a budget or Service, the StatefulSets it picks. */
function selections(workspace: Workspace, object: Resource): FoundReference[] {
  if (object.is('StatefulSet')) {
    return selectorsOf(workspace, object).flatMap((selector) => asSelection(keyPlace(selector, ['spec'], 'selector')));
  }
  const to = referencesOf(object).find((reference) => reference.to.type === 'selector')?.to;
  if (to?.type !== 'selector') return [];
  return selectedStatefulSets(workspace, object, to).flatMap((statefulSet) => asSelection(valuePlace(statefulSet, ['metadata', 'name'])));
}

function asSelection(place: Place | undefined): FoundReference[] {
  return place ? [{ place, relation: 'selects' }] : [];
}
