import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { helmValuesUndefined } from '../../../../../server/src/engine/rules/helm-values-undefined';
import { Workspace } from '../../../../../server/src/engine/workspace/workspace';

const ROOT = 'file:///work/chart';
const TEMPLATE = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n  image: {{ .Values.image.repository }}:{{ .Values.image.tag }}\n';

function check(files: Record<string, string>, uri: string) {
  const workspace = new Workspace();
  for (const [path, text] of Object.entries(files)) workspace.set(path, text);
  const file = workspace.get(uri)!;
  return helmValuesUndefined.check({ file, workspace }).map((report) => ({ line: report.range.start.line, message: report.message }));
}

describe('helm-values-undefined', () => {
  it('warns for paths the chart values.yaml does not define', () => {
    const findings = check(
      {
        [`${ROOT}/Chart.yaml`]: 'apiVersion: v2\nname: chart\nversion: 1.0.0\n',
        [`${ROOT}/values.yaml`]: 'replicas: 1\nimage:\n  repository: nginx\n',
        [`${ROOT}/templates/statefulset.yaml`]: TEMPLATE,
      },
      `${ROOT}/templates/statefulset.yaml`,
    );
    assert.deepEqual(findings, [
      { line: 6, message: '`.Values.image.tag` is not defined in values.yaml. Add it there, or guard the read with `default` or `if`.' },
    ]);
  });

  it('names the missing prefix', () => {
    const findings = check(
      {
        [`${ROOT}/Chart.yaml`]: 'apiVersion: v2\nname: chart\nversion: 1.0.0\n',
        [`${ROOT}/values.yaml`]: 'replicas: 1\n',
        [`${ROOT}/templates/statefulset.yaml`]: TEMPLATE,
      },
      `${ROOT}/templates/statefulset.yaml`,
    );
    assert.equal(findings.length, 2);
    assert.match(findings[0].message, /which has no `image`/);
  });

  it('says nothing without a Chart.yaml and values.yaml, for subcharts, or for values that do not parse', () => {
    const files = { [`${ROOT}/values.yaml`]: 'replicas: 1\n', [`${ROOT}/templates/statefulset.yaml`]: TEMPLATE };
    assert.deepEqual(check(files, `${ROOT}/templates/statefulset.yaml`), []);
    const sub = `${ROOT}/charts/sub`;
    assert.deepEqual(
      check({ [`${sub}/Chart.yaml`]: 'name: sub\n', [`${sub}/values.yaml`]: 'a: 1\n', [`${sub}/templates/s.yaml`]: TEMPLATE }, `${sub}/templates/s.yaml`),
      [],
    );
    assert.deepEqual(
      check({ [`${ROOT}/Chart.yaml`]: 'name: c\n', [`${ROOT}/values.yaml`]: 'a: [\n', [`${ROOT}/templates/s.yaml`]: TEMPLATE }, `${ROOT}/templates/s.yaml`),
      [],
    );
    assert.deepEqual(check({ [`${ROOT}/Chart.yaml`]: 'name: c\n', [`${ROOT}/values.yaml`]: 'a: 1\n' }, `${ROOT}/values.yaml`), []);
  });
});
