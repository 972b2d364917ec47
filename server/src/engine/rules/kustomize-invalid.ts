import { defineFileRule } from '../rule';
import { buildProblemReports } from '../derived/render-problems';

export const kustomizeInvalid = defineFileRule({
  id: 'kustomize-invalid',
  severity: 'error',
  description: 'A kustomization, resource or patch that `kustomize build` rejects.',
  docs: {
    rationale:
      'Some mistakes stop `kustomize build` even when every path exists: two objects with the same kind, name and namespace, an object without `kind` or `metadata.name`, a strategic-merge patch for an object that is not in the build, a JSON patch that does not apply, a cycle of kustomizations. The finding is on the entry at fault, with what kustomize would complain about.',
    bad: 'resources:\n  - statefulset.yaml\n  - statefulset-copy.yaml # the same StatefulSet again',
    good: 'resources:\n  - statefulset.yaml',
  },
  check: ({ file, workspace }) => buildProblemReports(file, workspace, 'kustomize-invalid'),
});
