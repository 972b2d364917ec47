import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { scaleTargetKey } from '../workspace/dependencies';
import type { Resource } from '../document/resource';
import { defineResourceRule } from '../rule';

const REPLICAS_PATH = ['spec', 'replicas'];

export const replicasWithHpa = defineResourceRule({
  id: 'replicas-with-hpa',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'A HorizontalPodAutoscaler scales the StatefulSet, yet its manifest sets `spec.replicas`.',
  docs: {
    rationale:
      "Once a HorizontalPodAutoscaler scales a StatefulSet, it owns `spec.replicas`. A manifest that also sets it puts the count back to the written value on every `kubectl apply` or GitOps sync: pods are added or removed, with their start-up or shutdown, until the autoscaler corrects it again on its next pass. Leave `replicas` out of the manifest. On a live StatefulSet, removing the field with client-side `kubectl apply` deletes it and the count falls back to 1: first remove it from the last-applied configuration (`kubectl apply edit-last-applied`), or, with server-side apply, let the autoscaler's field manager take it over, as the Kubernetes documentation on migrating to autoscaling describes.",
    bad: 'kind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: 3\n---\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: StatefulSet\n    name: web',
    good: 'kind: StatefulSet\nmetadata:\n  name: web\nspec:\n  # replicas: set by the HorizontalPodAutoscaler\n---\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: StatefulSet\n    name: web',
  },
  check({ resource, namespace, workspace }) {
    const replicas = resource.object.spec?.replicas as unknown;
    const name = resource.name;
    if (typeof replicas !== 'number' || name === '') return [];
    const autoscaler = workspace
      .providersOf(scaleTargetKey('StatefulSet', name))
      .filter((candidate): candidate is Resource<HorizontalPodAutoscaler> => candidate.is('HorizontalPodAutoscaler'))
      .filter((candidate) => workspace.namespaceOf(candidate) === namespace && targets(candidate, name))
      .sort((a, b) => Number(b.uri === resource.uri) - Number(a.uri === resource.uri))[0];
    if (!autoscaler) return [];
    const location = resource.field(REPLICAS_PATH);
    const target = autoscaler.field(['spec', 'scaleTargetRef']);
    return [
      {
        range: location?.pair ?? resource.nearest(REPLICAS_PATH),
        message: `HorizontalPodAutoscaler '${autoscaler.name}' scales this StatefulSet, but the manifest sets replicas: ${replicas}, so each apply resets the count the autoscaler chose. Remove spec.replicas and let the autoscaler own it.`,
        related: [
          {
            uri: autoscaler.uri,
            range: target?.key ?? autoscaler.nearest(['spec', 'scaleTargetRef']),
            message: `HorizontalPodAutoscaler '${autoscaler.name}' targets StatefulSet '${name}' here`,
          },
        ],
      },
    ];
  },
});

function targets(autoscaler: Resource<HorizontalPodAutoscaler>, name: string): boolean {
  const ref = autoscaler.object.spec?.scaleTargetRef as unknown;
  if (typeof ref !== 'object' || ref === null) return false;
  const { apiVersion, kind, name: target } = ref as Record<string, unknown>;
  return kind === 'StatefulSet' && target === name && (apiVersion === undefined || apiVersion === 'apps/v1');
}
