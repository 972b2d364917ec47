import { claimTemplatesOf } from '../kubernetes/pod-template';
import { parseQuantity } from '../kubernetes/quantity';
import { defineResourceRule } from '../rule';
import { describeClaimTemplate } from '../kubernetes/template-parts';
import { isMapping } from '../document/values';

const WRONG_TYPE = Symbol('wrong type');

export const vctStorageMissing = defineResourceRule({
  id: 'vct-storage-missing',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A volumeClaimTemplate requests no storage, or a size that is not above zero.',
  docs: {
    rationale:
      'A PersistentVolumeClaim must say how much storage it needs in `spec.resources.requests.storage`, as a quantity greater than zero such as `10Gi`; the provisioner creates a volume of that size. Since Kubernetes 1.34 the API server validates the volumeClaimTemplates when a StatefulSet is created and rejects a missing, zero or malformed size; older servers accepted the StatefulSet, and then the controller failed to create each claim, so the pods never started and only `FailedCreate` events told why. The templates cannot be changed on a live StatefulSet, so get them right before the first apply. Note the suffixes: `Gi` is 2^30 bytes, `G` is 10^9, and `GB` is not a quantity at all.',
    bad: 'volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 10GB',
    good: 'volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 10Gi',
  },
  check({ resource, partial }) {
    return claimTemplatesOf(resource).flatMap((claim) => {
      const path = [...claim.path, 'spec', 'resources', 'requests', 'storage'];
      const storage = storageOf(claim.value.spec);
      if (storage === WRONG_TYPE) return [];
      const claimName = describeClaimTemplate(claim);
      if (storage === undefined || storage === null) {
        // A patch leaves what it does not set to its base.
        if (partial) return [];
        // Without a spec, the template's name is the nearest thing that says which one it is.
        const range = resource.field([...claim.path, 'spec'])
          ? resource.nearest(path)
          : (resource.field([...claim.path, 'metadata', 'name'])?.value ?? resource.nearest(path));
        return [
          {
            range,
            message: `${claimName} requests no storage (spec.resources.requests.storage); the API server requires a size. Add one, such as storage: 1Gi.`,
            fix: { insert: 'storage', value: '1Gi', claimIndex: claim.path[claim.path.length - 1] },
          },
        ];
      }
      // Anything but text or a number is a type error, left to the schema checks.
      if (typeof storage !== 'string' && typeof storage !== 'number') return [];
      const text = String(storage);
      const quantity = parseQuantity(storage);
      if (quantity && quantity.mantissa > 0n) return [];
      const range = resource.field(path)?.value ?? resource.nearest(path);
      return [
        {
          range,
          message: quantity
            ? `${claimName} requests storage '${text}'; the size must be greater than zero. Set a size such as 1Gi.`
            : `Storage size '${text}' of ${claimName} is not a Kubernetes quantity: write a number with a suffix such as 10Gi, 500Mi or 10G.`,
        },
      ];
    });
  },
});

/** The storage request, or WRONG_TYPE when a level above it is not a mapping (a schema error). */
function storageOf(spec: unknown): unknown {
  let value: unknown = spec;
  for (const key of ['resources', 'requests', 'storage']) {
    if (value === undefined || value === null) return undefined;
    if (!isMapping(value)) return WRONG_TYPE;
    value = value[key];
  }
  return value;
}
