import { defineFileRule } from '../rule';
import { renderProblemReports } from '../derived/render-problems';

export const helmSubchartPacked = defineFileRule({
  id: 'helm-subchart-packed',
  severity: 'info',
  description: 'A subchart is a packed `.tgz` archive, whose templates are not rendered.',
  docs: {
    rationale:
      'A chart can carry its dependencies as archives under `charts/`. Kube Stateful reads chart folders, not archives, so the objects of a packed subchart are left out of the checks, and the checks that pair objects (a StatefulSet and its Service) may miss their partner. Unpack the archive (`helm dependency build`, then `tar -xzf` in `charts/`) to have it checked.',
  },
  check: ({ file, workspace }) => renderProblemReports(file, workspace, 'helm-subchart-packed'),
});
