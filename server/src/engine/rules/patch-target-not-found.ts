import { appliedPatchesIn } from '../kustomize/applied-patches';
import type { Target } from '../kustomize/selector';
import { defineFileRule } from '../rule';

export const patchTargetNotFound = defineFileRule({
  id: 'patch-target-not-found',
  severity: 'warning',
  description: "A kustomization patch's `target` selects no object of the build, so the patch does nothing.",
  docs: {
    rationale:
      'kustomize applies a patch with a `target` to every object the target selects, and to none when it selects nothing, without a word. A target with a misspelled name, the name before a `namePrefix`, or a label the objects do not carry leaves the overlay without the change it was written for. The finding is on the patch entry; it is given when no build that applies the patch finds an object for it.',
    bad: 'patches:\n  - path: storage.yaml\n    target:\n      kind: StatefulSet\n      name: postgress',
    good: 'patches:\n  - path: storage.yaml\n    target:\n      kind: StatefulSet\n      name: postgres',
  },
  check: ({ file, workspace }) =>
    appliedPatchesIn(workspace, file.uri, (patch) => (patch.target ? patch.uri : undefined))
      .filter((applications) => applications.every((patch) => patch.matched.length === 0))
      .map(([patch]) => ({
        range: file.rangeOf(patch.start, patch.end),
        message: `The patch's target (${describeTarget(patch.target!)}) selects no object of the build, so kustomize skips the patch silently.`,
      })),
});

function describeTarget(target: Target): string {
  const parts = Object.entries(target).filter(([, value]) => value !== undefined).map(([key, value]) => `${key} ${value}`);
  return parts.length > 0 ? parts.join(', ') : 'empty';
}
