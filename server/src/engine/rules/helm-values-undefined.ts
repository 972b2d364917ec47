import { undefinedValuesReferences } from '../helm/authoring/undefined-values';
import { readValuesShared } from '../helm/values/read-values';
import { defineFileRule } from '../rule';
import type { SourceFile } from '../document/source-file';
import type { Workspace } from '../workspace/workspace';

export const helmValuesUndefined = defineFileRule({
  id: 'helm-values-undefined',
  severity: 'warning',
  description: 'A chart template reads a `.Values` path that values.yaml does not define.',
  docs: {
    rationale:
      'A template that reads `.Values.image.tag` when values.yaml has no `image.tag` renders an empty string or fails with a nil pointer, usually because of a typo or a key renamed in one place only. Kube Stateful compares the paths each template under a chart\'s `templates/` folder reads with the chart\'s values.yaml. Reads that are already guarded are left alone: inside `if`/`with` on the path or a prefix, and through `default`, `hasKey`, `empty`, `required`, `coalesce` or `ternary`. So are reads inside `define`s, reads below a value that is not a map, and templates of subcharts, whose values the parent chart may set.',
    bad: '# values.yaml\nimage:\n  repository: nginx\n# templates/statefulset.yaml\n        image: {{ .Values.image.repository }}:{{ .Values.image.tag }}',
    good: '# values.yaml\nimage:\n  repository: nginx\n  tag: "1.25"\n# templates/statefulset.yaml\n        image: {{ .Values.image.repository }}:{{ .Values.image.tag }}',
  },
  check: ({ file, workspace }) => {
    if (file.skipped?.kind !== 'helm-template' && file.skipped?.kind !== 'chart-template') return [];
    const valuesFile = chartValuesFile(file, workspace);
    if (!valuesFile) return [];
    const { values, problems } = readValuesShared(valuesFile.uri, valuesFile.text);
    // Values that do not read say nothing about which keys exist; yaml-syntax reports them.
    if (problems.length > 0) return [];
    return undefinedValuesReferences(file.text, [values]).map((found) => ({
      range: file.rangeOf(found.start, found.end),
      message:
        found.missing === found.path
          ? `\`.Values.${found.path}\` is not defined in values.yaml. Add it there, or guard the read with \`default\` or \`if\`.`
          : `\`.Values.${found.path}\` is not defined in values.yaml, which has no \`${found.missing}\`. Add it there, or guard the read with \`default\` or \`if\`.`,
      related: [{ uri: valuesFile.uri, range: valuesFile.rangeOf(0, 0), message: 'The chart\'s values.yaml' }],
    }));
  },
});

/**
 * The values.yaml of the chart whose `templates/` folder holds the file: the folder above the
 * nearest `templates` segment, with a Chart.yaml and a values.yaml the workspace knows. None for
 * a subchart (under a `charts/` folder), whose values the parent may set.
 */
function chartValuesFile(file: SourceFile, workspace: Workspace): SourceFile | undefined {
  const parts = file.uri.split('/');
  const templates = parts.lastIndexOf('templates', parts.length - 2);
  if (templates < 1) return undefined;
  const root = parts.slice(0, templates).join('/');
  if (parts[templates - 2] === 'charts') return undefined;
  if (!workspace.get(`${root}/Chart.yaml`)) return undefined;
  return workspace.get(`${root}/values.yaml`);
}
