import { describeContainer, nameOf, volumeMountsOf } from '../kubernetes/template-parts';
import { claimTemplatesOf, containersOf, volumesOf } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';

export const volumeMountNotFound = defineResourceRule({
  id: 'volume-mount-not-found',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A volume mount names neither a pod volume nor a volumeClaimTemplate.',
  docs: {
    rationale:
      'A container mounts a volume by name: one of `spec.template.spec.volumes`, or a `volumeClaimTemplates` entry, which the StatefulSet turns into one PersistentVolumeClaim per pod. A mount whose name matches neither has nothing to mount. Since Kubernetes 1.34 the API server validates the pod template when a StatefulSet is created and rejects it; older servers accepted it, and every pod then failed to be created, visible only as `FailedCreate` events.',
    bad: 'spec:\n  template:\n    spec:\n      containers:\n        - name: db\n          image: postgres:17.2\n          volumeMounts:\n            - name: data\n              mountPath: /var/lib/postgresql/data\n  volumeClaimTemplates:\n    - metadata:\n        name: pgdata',
    good: 'spec:\n  template:\n    spec:\n      containers:\n        - name: db\n          image: postgres:17.2\n          volumeMounts:\n            - name: data\n              mountPath: /var/lib/postgresql/data\n  volumeClaimTemplates:\n    - metadata:\n        name: data',
  },
  check({ resource, partial }) {
    // A patch may mount a volume its base defines.
    if (partial) return [];
    const known = [
      ...volumesOf(resource).map((volume) => nameOf(volume.value)),
      ...claimTemplatesOf(resource).map((claim) => nameOf(claim.value.metadata)),
    ].filter((name): name is string => name !== undefined);
    const names = new Set(known);
    const existing =
      names.size === 0
        ? 'the StatefulSet defines no volumes and no volumeClaimTemplates'
        : `the names that exist are ${[...names].map((name) => `'${name}'`).join(', ')}`;
    return containersOf(resource).flatMap((container) =>
      volumeMountsOf(container).flatMap((mount) => {
        const name = nameOf(mount.value);
        if (name === undefined || names.has(name)) return [];
        const path = [...mount.path, 'name'];
        return [
          {
            range: resource.field(path)?.value ?? resource.nearest(path),
            message: `Volume mount '${name}' of ${describeContainer(container)} names no volume or volumeClaimTemplate; ${existing}. Fix the name, or add a volume or volumeClaimTemplate named '${name}'.`,
          },
        ];
      }),
    );
  },
});
