import { defineResourceRule } from '../rule';

export const serviceNameMissing = defineResourceRule({
  id: 'service-name-missing',
  kind: 'StatefulSet',
  severity: 'warning',
  description: '`spec.serviceName` is absent or empty, so pods get no stable DNS names.',
  docs: {
    rationale:
      'Each pod of a StatefulSet gets a stable DNS name, `<pod>.<serviceName>.<namespace>.svc.cluster.local`, through the headless Service named in `spec.serviceName`. Without it the pods are only reachable by IP, which changes whenever a pod is recreated, and clustered databases that find their peers by name cannot form. The field is immutable after creation, so it has to be right the first time.',
    bad: 'kind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: 3',
    good: 'kind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  replicas: 3',
  },
  check({ resource, partial }) {
    if (partial) return [];
    const serviceName = resource.object.spec?.serviceName;
    if (typeof serviceName === 'string' && serviceName !== '') return [];
    const empty = resource.field(['spec', 'serviceName']);
    const name = resource.name || 'this StatefulSet';
    return [
      {
        range: empty?.pair ?? resource.nearest(['spec']),
        message: `StatefulSet '${name}' has ${empty ? 'an empty' : 'no'} spec.serviceName, so its pods get no stable DNS names. Set it to a headless Service (clusterIP: None) that selects the pods.`,
      },
    ];
  },
});
