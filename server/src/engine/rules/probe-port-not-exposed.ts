import type { Container, ContainerPort } from 'kubernetes-types/core/v1';
import { containersOf, entriesOf, PROBE_FIELDS } from '../kubernetes/pod-template';
import type { Resource } from '../document/resource';
import { defineResourceRule } from '../rule';
import type { Report } from '../types';
import type { PathSegment } from '../document/yaml-nodes';
import { isMapping } from '../document/values';

const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export const probePortNotExposed = defineResourceRule({
  id: 'probe-port-not-exposed',
  kind: 'StatefulSet',
  severity: 'warning',
  description: "A probe targets a port that is not among its container's ports.",
  docs: {
    rationale:
      "The kubelet resolves a probe's port in the container it belongs to. A port given by name must be the name of one of that container's `ports`, or the probe cannot run and fails every time: the container is restarted (liveness), never becomes ready (readiness), or never starts (startup), and with the default `OrderedReady` policy the next pods are not created. A port given by number reaches whatever the process listens on, declared or not, so there a missing entry usually means that the probe or the port list is out of date. The API server checks only that the port is a valid number or name, not that the container has it.",
    bad: 'containers:\n  - name: web\n    ports:\n      - name: http\n        containerPort: 8080\n    readinessProbe:\n      httpGet:\n        path: /ready\n        port: metrics',
    good: 'containers:\n  - name: web\n    ports:\n      - name: http\n        containerPort: 8080\n    readinessProbe:\n      httpGet:\n        path: /ready\n        port: http',
  },
  check({ resource, partial }) {
    // The container's ports may come from the base that the patch is merged into.
    if (partial) return [];
    return containersOf(resource).flatMap(({ value: container, path }) => checkContainer(resource, container, path));
  },
});

function checkContainer(resource: Resource, container: Container, path: PathSegment[]): Report[] {
  const ports = entriesOf<ContainerPort>(container.ports, [...path, 'ports']).map(({ value }) => value);
  const numbers = new Set(ports.map((port) => portNumber(port.containerPort)).filter((port) => port !== undefined));
  const names = new Set(ports.map((port) => port.name).filter((name) => typeof name === 'string'));
  const reports: Report[] = [];
  for (const probe of PROBE_FIELDS) {
    for (const handler of HANDLERS) {
      const action: unknown = (container[probe] as Record<string, unknown> | undefined)?.[handler];
      if (!isMapping(action)) continue;
      // A probe sent to another host does not use this container's ports.
      if (typeof action.host === 'string' && action.host !== '') continue;
      const port = action.port;
      const number = portNumber(port);
      // Any other type or an empty name is a format error, which the schema checks report.
      const exposed = number !== undefined ? numbers.has(number) : typeof port !== 'string' || port === '' || names.has(port);
      if (exposed) continue;
      const portPath = [...path, probe, handler, 'port'];
      reports.push({
        range: resource.field(portPath)?.value ?? resource.nearest(portPath),
        message: messageFor(probe, containerLabel(container), number ?? String(port), ports),
      });
    }
  }
  return reports;
}

function messageFor(probe: string, container: string, port: number | string, ports: ContainerPort[]): string {
  const listed = ports.map(describePort).filter((text) => text !== '');
  const declared = listed.length === 0 ? 'it declares no ports' : `its ports: ${listed.join(', ')}`;
  if (typeof port === 'number') {
    return `The ${probe} of container ${container} targets port ${port}, which is not among the container's ports (${declared}). The probe reaches the port only if the process listens on it: declare it under ports, or correct the probe's port.`;
  }
  return `The ${probe} of container ${container} targets the port named '${port}', but the container has no port of that name (${declared}). The kubelet cannot resolve the name, so the probe always fails. Use the name of one of the container's ports, or a port number.`;
}

function describePort(port: ContainerPort): string {
  const number = portNumber(port.containerPort);
  const name = typeof port.name === 'string' && port.name !== '' ? port.name : undefined;
  return [name, number].filter((part) => part !== undefined).join(' ');
}

function containerLabel(container: Container): string {
  return typeof container.name === 'string' ? `'${container.name}'` : '(unnamed)';
}

/** A port written as a number, or as a string of digits. */
function portNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

