import { defineFileRule } from '../rule';

export const helmTemplate = defineFileRule({
  id: 'helm-template',
  severity: 'info',
  description: 'The file is a Helm (Go) template and is not checked.',
  docs: {
    rationale:
      'Helm templates only become YAML once rendered, so checking their text would report errors that are not there. Kube Stateful recognises a manifest containing `{{ … }}` template actions and leaves it alone, saying so once. Render the chart (`helm template`) and lint the output to check it. GitHub Actions expressions (`${{ … }}`) and Jinja in files that are not manifests do not count.',
    bad: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}-db',
  },
  check: ({ file }) =>
    file.skipped?.kind === 'helm-template'
      ? [
          {
            range: file.skipped.range,
            message:
              'This file contains Helm template actions ({{ … }}), so Kube Stateful does not check it. Lint the rendered output of `helm template` instead.',
          },
        ]
      : [],
});
