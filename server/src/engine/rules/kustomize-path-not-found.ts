import { defineFileRule } from '../rule';
import { buildProblemReports } from '../derived/render-problems';

export const kustomizePathNotFound = defineFileRule({
  id: 'kustomize-path-not-found',
  severity: 'error',
  description: "A path in a kustomization's `resources`, `components`, `patches` or generator files does not exist.",
  docs: {
    rationale:
      '`kustomize build` (and `kubectl apply -k`) stops at the first path it cannot find, so nothing of the kustomization is applied. Kube Stateful builds every kustomization in the workspace and reports each missing file or folder on the line that names it; a folder must hold a `kustomization.yaml`. The rest of the build is still checked.',
    bad: 'resources:\n  - statefulset.yaml\n  - servce.yaml',
    good: 'resources:\n  - statefulset.yaml\n  - service.yaml',
  },
  check: ({ file, workspace }) => buildProblemReports(file, workspace, 'kustomize-path-not-found'),
});
