import { POD_SPEC_PATH } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import { isMapping } from '../document/values';

const CONTAINERS_PATH = [...POD_SPEC_PATH, 'containers'];

export const containersMissing = defineResourceRule({
  id: 'containers-missing',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'The pod template has no containers.',
  docs: {
    rationale:
      'A pod runs at least one container, so `spec.template.spec.containers` must list one or more, each with a name and an image. Since Kubernetes 1.34 the API server validates the pod template when a StatefulSet is created and rejects it without containers; older servers accepted it, and every pod then failed to be created, visible only as `FailedCreate` events on the StatefulSet. Init containers do not count: they run before the containers, not instead of them.',
    bad: 'spec:\n  template:\n    spec:\n      initContainers:\n        - name: setup\n          image: busybox:1.37',
    good: 'spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27',
  },
  check({ resource, partial }) {
    // A patch leaves the containers to its base, and a missing template is required-field-missing's.
    const template = resource.object.spec?.template as unknown;
    if (partial || !isMapping(template)) return [];
    const podSpec = template.spec;
    if (podSpec !== undefined && podSpec !== null && !isMapping(podSpec)) return [];
    const containers = isMapping(podSpec) ? podSpec.containers : undefined;
    if (Array.isArray(containers) ? containers.length > 0 : containers !== undefined && containers !== null) return [];
    const name = resource.name === '' ? 'This StatefulSet' : `StatefulSet '${resource.name}'`;
    const problem = Array.isArray(containers) ? 'an empty containers list' : 'no spec.template.spec.containers';
    return [
      {
        range: resource.field(CONTAINERS_PATH)?.pair ?? resource.nearest(CONTAINERS_PATH),
        message: `${name} has ${problem}; its pods need at least one container. Add one with a name and an image.`,
      },
    ];
  },
});
