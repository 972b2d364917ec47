import type { ContainerPort } from 'kubernetes-types/core/v1';
import { containersOf, entriesOf, volumesOf, type Entry } from '../kubernetes/pod-template';
import type { Resource } from '../document/resource';
import { defineResourceRule } from '../rule';
import { describeContainer, envOf, nameOf, positionOf } from '../kubernetes/template-parts';
import type { Report } from '../types';

export const duplicateName = defineResourceRule({
  id: 'duplicate-name',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'Two containers, volumes, ports of a container or env vars of a container share a name.',
  docs: {
    rationale:
      'Names identify containers (for logs, `kubectl exec` and restarts), volumes (for mounts), ports (for probes and Service `targetPort`) and env vars, so each must be unique in its list; containers and init containers share one set of names. Since Kubernetes 1.34 the API server validates the pod template when a StatefulSet is created and rejects duplicate container, volume and port names; older servers accepted them, and every pod then failed to be created, visible only as `FailedCreate` events. A duplicate env var is accepted with a warning ("hides previous definition"): the container sees only the later value, and `kubectl apply` may drop one of the two entries on a later change.',
    bad: 'containers:\n  - name: web\n    image: nginx:1.27\n  - name: web\n    image: example/exporter:1.0',
    good: 'containers:\n  - name: web\n    image: nginx:1.27\n  - name: exporter\n    image: example/exporter:1.0',
  },
  check({ resource }) {
    const containers = containersOf(resource);
    return [
      ...duplicatesAmong(
        resource,
        containers,
        (first) => `${first.init ? 'init container' : 'container'} ${positionOf(first)}`,
        (entry, name, first) =>
          `${entry.init ? 'Init container' : 'Container'} name '${name}' is also the name of ${first}; containers and init containers of a pod need unique names. Rename one of them.`,
      ),
      ...duplicatesAmong(
        resource,
        volumesOf(resource),
        (first) => `volume ${positionOf(first)}`,
        (_, name, first) =>
          `Volume name '${name}' is also the name of ${first}; the volumes of a pod need unique names. Rename one of them, and the mounts that use it.`,
      ),
      ...containers.flatMap((container) => [
        ...duplicatesAmong(
          resource,
          entriesOf<ContainerPort>(container.value.ports, [...container.path, 'ports']),
          (first) => `port ${positionOf(first)} of ${describeContainer(container)}`,
          (_, name, first) =>
            `Port name '${name}' is also the name of ${first}; the ports of a container need unique names. Rename one of them.`,
        ),
        ...duplicatesAmong(
          resource,
          envOf(container),
          (first) => `env var ${positionOf(first)} of ${describeContainer(container)}`,
          (_, name, first) =>
            `Env var '${name}' is also the name of ${first}; the container sees only the later value, and kubectl apply may drop one of them. Remove or rename one of them.`,
        ),
      ]),
    ];
  },
});

/** One report per entry whose name an earlier entry of the same list already has. */
function duplicatesAmong<E extends Entry<object>>(
  resource: Resource,
  entries: readonly E[],
  describeFirst: (first: E) => string,
  message: (entry: E, name: string, first: string) => string,
): Report[] {
  const firstByName = new Map<string, E>();
  const reports: Report[] = [];
  for (const entry of entries) {
    const name = nameOf(entry.value);
    if (name === undefined) continue;
    const first = firstByName.get(name);
    if (!first) {
      firstByName.set(name, entry);
      continue;
    }
    const path = [...entry.path, 'name'];
    reports.push({ range: resource.field(path)?.value ?? resource.nearest(path), message: message(entry, name, describeFirst(first)) });
  }
  return reports;
}
