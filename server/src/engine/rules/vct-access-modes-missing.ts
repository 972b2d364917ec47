import { claimTemplatesOf } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import { describeClaimTemplate } from '../kubernetes/template-parts';
import { isMapping } from '../document/values';

export const vctAccessModesMissing = defineResourceRule({
  id: 'vct-access-modes-missing',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A volumeClaimTemplate has no `accessModes`.',
  docs: {
    rationale:
      'Every PersistentVolumeClaim states how its volume may be mounted, such as `ReadWriteOnce` (one node at a time) or `ReadWriteOncePod`, and the API server requires at least one access mode. Since Kubernetes 1.34 it validates the volumeClaimTemplates when a StatefulSet is created and rejects a template without them; older servers accepted the StatefulSet, and then the controller failed to create each claim ("at least 1 access mode is required"), so the pods never started and only `FailedCreate` events told why. The templates cannot be changed on a live StatefulSet, so get them right before the first apply.',
    bad: 'volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      resources:\n        requests:\n          storage: 10Gi',
    good: 'volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 10Gi',
  },
  check({ resource, partial }) {
    // A patch leaves what it does not set to its base.
    if (partial) return [];
    return claimTemplatesOf(resource).flatMap((claim) => {
      const spec = claim.value.spec as unknown;
      if (spec !== undefined && spec !== null && !isMapping(spec)) return [];
      const accessModes = isMapping(spec) ? spec.accessModes : undefined;
      // A value that is not a list is a type error, left to the schema checks.
      if (Array.isArray(accessModes) ? accessModes.length > 0 : accessModes !== undefined && accessModes !== null) return [];
      const where =
        resource.field([...claim.path, 'spec'])?.key ??
        resource.field([...claim.path, 'metadata', 'name'])?.value ??
        resource.nearest([...claim.path, 'spec']);
      return [
        {
          range: where,
          message: `${describeClaimTemplate(claim)} has no accessModes; the API server requires at least one. Add accessModes: [ReadWriteOnce], or the mode your storage supports.`,
          fix: { insert: 'accessModes', value: ['ReadWriteOnce'], claimIndex: claim.path[claim.path.length - 1] },
        },
      ];
    });
  },
});
