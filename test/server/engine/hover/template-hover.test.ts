import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { RenderOptions } from '../../../../server/src/engine/helm/chart/chart-render';
import { renderChart } from '../../../../server/src/engine/helm/chart/render-chart';
import { hoverAt, type HoverAnswer } from '../../../../server/src/engine/hover/hover';
import { HIDDEN } from '../../../../server/src/engine/hover/shown-output';
import { Workspace } from '../../../../server/src/engine/workspace';
import { readChartFiles } from '../../../../server/src/files/chart-files';
import { positionOf } from '../../../helpers/positions';

/*
 * Hovers in a chart's templates and helpers come from the chart's last render: an action shows
 * what it wrote, a branch which way it went, and a literal key the hover the rendered manifest
 * has there. The chart renders with its own values.yaml.
 */

const CHART = path.join(__dirname, '..', '..', '..', 'fixtures', 'helm', 'action-hovers');
const OPTIONS: RenderOptions = { releaseName: 'release-name', namespace: 'default', kubernetesVersion: { major: 1, minor: 34 }, valuesFiles: [], setValues: [] };

let rendered: Workspace;
let unrendered: Workspace;
let rootUri: string;

before(async () => {
  const files = await readChartFiles(CHART);
  rootUri = files.rootUri;
  rendered = new Workspace();
  unrendered = new Workspace();
  for (const [relative, text] of files.files) {
    rendered.set(`${rootUri}/${relative}`, text);
    unrendered.set(`${rootUri}/${relative}`, text);
  }
  rendered.setChartRender(renderChart(files, OPTIONS));
});

function hover(relative: string, at: string, { shift = 0, occurrence = 0, workspace = rendered } = {}): HoverAnswer | undefined {
  const file = workspace.get(`${rootUri}/${relative}`)!;
  return hoverAt(workspace, file, positionOf(file.text, at, shift, occurrence), { fieldDocs: false });
}

function markdown(relative: string, at: string, options: Parameters<typeof hover>[2] = {}): string {
  const answer = hover(relative, at, options);
  if (!answer) throw new Error(`no hover at '${at}'`);
  return answer.markdown;
}

const STS = 'templates/statefulset.yaml';

describe('hovers on chart templates', () => {
  it('shows what an include renders to, over the whole action', () => {
    const answer = hover(STS, '{{ include "db.fullname" . }}', { shift: 5 })!;
    assert.match(answer.markdown, /\*\*Renders to\*\*\n\n```yaml\nrelease-name-db\n```/);
    assert.deepEqual(answer.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 37 } });
  });

  it('shows a values read as it was written, and a default where the value is missing', () => {
    assert.match(markdown(STS, '{{ .Values.replicaCount }}', { shift: 3 }), /```yaml\n3\n```/);
    assert.match(markdown(STS, '{{ .Values.mode', { shift: 4 }), /```yaml\nprimary\n```/);
  });

  it('shows the block an include writes through nindent, line by line', () => {
    assert.match(markdown(STS, 'include "db.labels" . | nindent 4'), /```yaml\n\n? *app: db\n *release: release-name\n```/);
  });

  it('hides the value of an action that reads a credential', () => {
    const text = markdown(STS, '{{ .Values.auth.password', { shift: 4 });
    assert.ok(text.includes(HIDDEN), text);
    assert.ok(!text.includes('s3cr3t-Value'), 'the password never shows');
  });

  it('hides a value that lands in a Secret, whatever the action reads', () => {
    const text = markdown('templates/secret.yaml', '{{ printf', { shift: 4 });
    assert.ok(text.includes(HIDDEN), text);
    assert.ok(!text.includes('release-name-conn'));
  });

  it('says that a branch renders nothing when its condition is false', () => {
    assert.match(markdown(STS, '{{- if .Values.persistence.enabled }}', { shift: 6 }), /Neither branch renders anything/);
  });

  it('shows, in a helper, what its action wrote in each template that calls it', () => {
    const text = markdown('templates/_helpers.tpl', '{{ .Release.Name }}-db', { shift: 4 });
    assert.match(text, /^\*\*Renders to\*\* in `templates\/secret\.yaml` and in `templates\/statefulset\.yaml` \(2 times\)\n\n```yaml\nrelease-name\n```$/);
  });

  it('gives a literal key the hover of the rendered manifest, on the template line', () => {
    const answer = hover(STS, 'partition', { shift: 2 })!;
    assert.match(answer.markdown, /release-name-db-2/);
    assert.match(answer.markdown, /release-name-db-0/);
    assert.equal(answer.range.start.line, 10);
    assert.equal(answer.range.start.character, 6);
  });

  it('has no hover on an action before the chart rendered', () => {
    assert.equal(hover(STS, '{{ .Values.replicaCount }}', { shift: 3, workspace: unrendered }), undefined);
  });
});
