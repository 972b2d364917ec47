import { claimTemplatesOf, volumesOf } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import type { PathSegment } from '../document/yaml-nodes';

export const vctShadowsVolume = defineResourceRule({
  id: 'vct-shadows-volume',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'A pod template volume has the name of a volumeClaimTemplate, which replaces it.',
  docs: {
    rationale:
      'The controller adds one volume per volumeClaimTemplate to each pod, and where the template already has a volume of that name, the claim replaces it without a word. The `emptyDir`, `configMap` or other source written in `volumes` is then never used: the mounts of that name get the persistent claim instead. The API server accepts the manifest. Usually one of the two was meant to have another name; rename it, or delete the template volume if the claim is what you want. A `persistentVolumeClaim` volume whose `claimName` is its own name or empty, a common way of spelling out the claim template\'s volume (operators write it so), is not reported: the replacement is what it asks for.',
    bad: 'spec:\n  template:\n    spec:\n      volumes:\n        - name: data\n          emptyDir: {}\n  volumeClaimTemplates:\n    - metadata:\n        name: data',
    good: 'spec:\n  template:\n    spec:\n      volumes:\n        - name: scratch\n          emptyDir: {}\n  volumeClaimTemplates:\n    - metadata:\n        name: data',
  },
  check({ resource }) {
    const claims = new Map<string, PathSegment[]>();
    for (const { value: claim, path } of claimTemplatesOf(resource)) {
      const name = claim.metadata?.name;
      if (typeof name === 'string' && name !== '' && !claims.has(name)) claims.set(name, [...path, 'metadata', 'name']);
    }
    return volumesOf(resource).flatMap(({ value: volume, path }) => {
      const name = volume.name;
      const claimPath = typeof name === 'string' ? claims.get(name) : undefined;
      if (typeof name !== 'string' || !claimPath || spellsOutClaim(volume.persistentVolumeClaim, name)) return [];
      const namePath = [...path, 'name'];
      return [
        {
          range: resource.field(namePath)?.value ?? resource.nearest(namePath),
          message: `The volume '${name}' has the name of a volumeClaimTemplate, so the claim replaces it in every pod and this volume's source is never used. Rename the volume or the claim template, or remove the volume.`,
          related: [
            {
              uri: resource.uri,
              range: resource.field(claimPath)?.value ?? resource.nearest(claimPath),
              message: `volumeClaimTemplate '${name}'`,
            },
          ],
        },
      ];
    });
  },
});

/**
 * A claim volume that names the template's claim, or no claim, only spells out what the
 * controller adds anyway: the replacement is what its author wants.
 */
function spellsOutClaim(source: unknown, name: string): boolean {
  if (typeof source !== 'object' || source === null) return false;
  const claimName = (source as { claimName?: unknown }).claimName;
  return claimName === undefined || claimName === '' || claimName === name;
}
