import type { VolumeMount } from 'kubernetes-types/core/v1';
import { describeContainer, positionOf, volumeMountsOf } from '../kubernetes/template-parts';
import { containersOf, type Entry } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import type { Report } from '../types';

export const duplicateMountPath = defineResourceRule({
  id: 'duplicate-mount-path',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A container mounts two volumes at the same `mountPath`.',
  docs: {
    rationale:
      'Each mount of a container needs a path of its own: a second mount at the same path would hide the first, so the API server requires `mountPath` to be unique among the `volumeMounts` of a container. Since Kubernetes 1.34 it validates the pod template when a StatefulSet is created and rejects the duplicate; older servers accepted it, and every pod then failed to be created, visible only as `FailedCreate` events. Nested paths (`/data` and `/data/logs`) are fine, and so is the same path in two different containers.',
    bad: 'volumeMounts:\n  - name: data\n    mountPath: /var/lib/app\n  - name: cache\n    mountPath: /var/lib/app',
    good: 'volumeMounts:\n  - name: data\n    mountPath: /var/lib/app\n  - name: cache\n    mountPath: /var/cache/app',
  },
  check({ resource }) {
    const reports: Report[] = [];
    for (const container of containersOf(resource)) {
      const firstByPath = new Map<string, Entry<VolumeMount>>();
      for (const mount of volumeMountsOf(container)) {
        const mountPath = mount.value.mountPath as unknown;
        if (typeof mountPath !== 'string' || mountPath === '') continue;
        const first = firstByPath.get(mountPath);
        if (!first) {
          firstByPath.set(mountPath, mount);
          continue;
        }
        const path = [...mount.path, 'mountPath'];
        reports.push({
          range: resource.field(path)?.value ?? resource.nearest(path),
          message: `mountPath '${mountPath}' is also the path of volume mount ${positionOf(first)} of ${describeContainer(container)}; each mount of a container needs its own path. Mount this volume elsewhere or remove the duplicate.`,
        });
      }
    }
    return reports;
  },
});
