import { fieldTree } from '../kustomization';
import type { Layer } from '../layer';
import { kindOf, namesOf, type BuildResource } from '../resource';
import { mapChild, put, scalar, textAt } from '../tree';

const SCALED = new Set(['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet']);

/**
 * `replicas:` sets `spec.replicas` of the workloads with that name, current or earlier. An entry
 * that matches nothing fails kustomize, so it is an error on the entry.
 */
export function applyReplicas(layer: Layer, resources: readonly BuildResource[]): void {
  const replicas = fieldTree(layer.kustomization, 'replicas');
  if (replicas?.type !== 'seq') return;
  for (const entry of replicas.items) {
    const name = textAt(entry, ['name']);
    const count = textAt(entry, ['count']);
    const span = entry.origin?.span;
    if (!name || count === undefined || !/^\d+$/.test(count)) {
      layer.problems.add(layer.kustomization.uri, span && [span.start, span.end], 'error', 'kustomize-invalid', "A 'replicas' entry needs a 'name' and a whole-number 'count'.");
      continue;
    }
    const origin = entry.origin && { ...entry.origin, kind: 'action' as const };
    const targets = resources.filter((resource) => SCALED.has(kindOf(resource)) && namesOf(resource).includes(name));
    if (targets.length === 0) {
      layer.problems.add(layer.kustomization.uri, span && [span.start, span.end], 'error', 'kustomize-invalid', `No Deployment, ReplicaSet, ReplicationController or StatefulSet named '${name}' is in the build; kustomize fails on this entry.`);
    }
    for (const resource of targets) put(mapChild(resource.tree, 'spec', origin), 'replicas', scalar(Number(count), origin), origin);
  }
}
