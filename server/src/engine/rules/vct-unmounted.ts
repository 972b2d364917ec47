import type { VolumeDevice, VolumeMount } from 'kubernetes-types/core/v1';
import { claimTemplatesOf, containersOf } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';

export const vctUnmounted = defineResourceRule({
  id: 'vct-unmounted',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'A volumeClaimTemplate is mounted by no container.',
  docs: {
    rationale:
      'Each volumeClaimTemplate becomes one PersistentVolumeClaim per pod, named `<template>-<statefulset>-<ordinal>`, and a pod volume of the template\'s name. A container only sees it through a `volumeMounts` (or, for a raw block volume, `volumeDevices`) entry with that name. Without one the claims are still created and bound, so storage is provisioned and paid for, while the application writes to the container\'s own filesystem and loses its data with every restart. The usual cause is a typo or a renamed template. `volumeClaimTemplates` cannot be changed on a live StatefulSet, so get the name right before the first apply.',
    bad: 'spec:\n  template:\n    spec:\n      containers:\n        - name: db\n          volumeMounts:\n            - name: data\n              mountPath: /var/lib/db\n  volumeClaimTemplates:\n    - metadata:\n        name: datadir',
    good: 'spec:\n  template:\n    spec:\n      containers:\n        - name: db\n          volumeMounts:\n            - name: data\n              mountPath: /var/lib/db\n  volumeClaimTemplates:\n    - metadata:\n        name: data',
  },
  check({ resource, partial }) {
    // A patch may add the claim template while the containers that mount it stay in the base.
    if (partial) return [];
    const used = new Set<string>();
    for (const { value: container } of containersOf(resource)) {
      for (const list of [container.volumeMounts, container.volumeDevices]) {
        for (const entry of Array.isArray(list) ? (list as (VolumeMount | VolumeDevice)[]) : []) {
          if (typeof entry?.name === 'string') used.add(entry.name);
        }
      }
    }
    return claimTemplatesOf(resource).flatMap(({ value: claim, path }) => {
      const name = claim.metadata?.name;
      if (typeof name !== 'string' || name === '' || used.has(name)) return [];
      const namePath = [...path, 'metadata', 'name'];
      return [
        {
          range: resource.field(namePath)?.value ?? resource.nearest(namePath),
          message: `No container mounts the volumeClaimTemplate '${name}': each pod still gets a claim, but nothing in the pod writes to it. Add a volumeMounts entry with name: ${name} to the container that stores the data, or remove the template.`,
        },
      ];
    });
  },
});
