import { containersOf, POD_SPEC_PATH } from '../kubernetes/pod-template';
import { compareQuantities, parseQuantity } from '../kubernetes/quantity';
import { textOf, type Resource } from '../document/resource';
import { defineResourceRule } from '../rule';
import { describeContainer } from '../kubernetes/template-parts';
import { isMapping } from '../document/values';
import type { Report } from '../types';
import type { PathSegment } from '../document/yaml-nodes';

export const resourcesRequestExceedsLimit = defineResourceRule({
  id: 'resources-request-exceeds-limit',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A container requests more of a resource than its limit allows.',
  docs: {
    rationale:
      'The scheduler places a pod by its requests and the kubelet enforces its limits, so a request above the limit of the same resource (`cpu`, `memory`, `ephemeral-storage`, `hugepages-*` or any other) can never be honoured, and the API server rejects it. Quantities are compared by value, whatever their suffix: `500m` is below `1`, `1Gi` is above `1000Mi`, `0.5` equals `500m`. Since Kubernetes 1.34 the API server validates the pod template when a StatefulSet is created; older servers accepted the mistake, and every pod then failed to be created, visible only as `FailedCreate` events. Pod-level `resources` are checked the same way.',
    bad: 'resources:\n  requests:\n    memory: 2Gi\n  limits:\n    memory: 1500Mi',
    good: 'resources:\n  requests:\n    memory: 1Gi\n  limits:\n    memory: 1500Mi',
  },
  check({ resource }) {
    // Pod-level resources (beta and on by default since 1.34) are newer than kubernetes-types.
    const podSpec = resource.object.spec?.template?.spec as { resources?: unknown } | undefined;
    return [
      ...containersOf(resource).flatMap((container) =>
        requestsAboveLimits(resource, container.value.resources, [...container.path, 'resources'], describeContainer(container)),
      ),
      ...requestsAboveLimits(resource, podSpec?.resources, [...POD_SPEC_PATH, 'resources'], 'the pod'),
    ];
  },
});

function requestsAboveLimits(resource: Resource, resources: unknown, path: PathSegment[], owner: string): Report[] {
  if (!isMapping(resources) || !isMapping(resources.requests) || !isMapping(resources.limits)) return [];
  const { requests, limits } = resources;
  return Object.entries(requests).flatMap(([name, requested]) => {
    const request = parseQuantity(requested);
    const limit = parseQuantity(limits[name]);
    if (!request || !limit || compareQuantities(request, limit) <= 0) return [];
    const requestPath = [...path, 'requests', name];
    return [
      {
        range: resource.field(requestPath)?.value ?? resource.nearest(requestPath),
        message: `The ${name} request of ${owner} (${textOf(requested)}) is above its limit (${textOf(limits[name])}); the API server rejects a request larger than the limit. Lower the request or raise the limit.`,
      },
    ];
  });
}
