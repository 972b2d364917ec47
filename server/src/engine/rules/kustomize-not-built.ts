import { defineFileRule } from '../rule';
import { buildProblemReports } from '../derived/render-problems';

export const kustomizeNotBuilt = defineFileRule({
  id: 'kustomize-not-built',
  severity: 'info',
  description: 'A kustomization uses a feature the in-process build leaves out (`vars`, `replacements`, plugins, remote resources).',
  docs: {
    rationale:
      'Kube Stateful builds kustomizations itself, without running `kustomize` or fetching anything. `vars`, `replacements`, `helmCharts`, transformer and generator plugins and remote resources are not built; each gives this finding once on its line, and the rest of the build is still checked. Values those features would set are missing from the checked objects, so findings about them may be wrong.',
  },
  check: ({ file, workspace }) => buildProblemReports(file, workspace, 'kustomize-not-built'),
});
