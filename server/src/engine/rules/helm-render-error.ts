import { defineFileRule } from '../rule';
import { renderProblemReports } from '../derived/render-problems';

export const helmRenderError = defineFileRule({
  id: 'helm-render-error',
  severity: 'error',
  description: 'The chart does not render: a template, a values file or `Chart.yaml` stops it.',
  docs: {
    rationale:
      'Kube Stateful renders each chart it finds, as `helm template` would, and checks the objects that come out. When an action fails (a `required` value left out, a `fail` call, a missing helper, a values file that is not YAML, values that break the `values.schema.json` of the chart), Helm installs nothing, and the objects of that template cannot be checked. The finding is on the action or key at fault, with the message Helm prints.',
    bad: 'metadata:\n  name: {{ required "name is required" .Values.name }}',
    good: '# values.yaml\nname: web',
  },
  check: ({ file, workspace }) => renderProblemReports(file, workspace, 'helm-render-error'),
});
