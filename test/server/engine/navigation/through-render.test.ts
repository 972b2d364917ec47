import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { RenderOptions } from '../../../../server/src/engine/helm/chart/chart-render';
import { renderChart } from '../../../../server/src/engine/helm/chart/render-chart';
import { definitionsAt, referencesAt } from '../../../../server/src/engine/navigation/navigate';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { readChartFiles } from '../../../../server/src/files/chart-files';
import { positionOf } from '../../../helpers/positions';

/*
 * Navigation in chart templates goes through the chart's render: the name under the cursor is
 * looked up in the rendered objects, and what is found is shown on the template lines that wrote it.
 */

const CHART = path.join(__dirname, '..', '..', '..', 'fixtures', 'helm', 'x');
const OPTIONS: RenderOptions = { releaseName: 'release-name', namespace: 'default', kubernetesVersion: { major: 1, minor: 34 }, valuesFiles: [], setValues: [] };

let workspace: Workspace;
let rootUri: string;
const uriOf = (relative: string) => `${rootUri}/${relative}`;
const at = (relative: string, needle: string, shift = 0) => {
  const file = workspace.get(uriOf(relative))!;
  return { file, position: positionOf(file.text, needle, shift) };
};
const lineOf = (relative: string, needle: string) => positionOf(workspace.get(uriOf(relative))!.text, needle).line;

before(async () => {
  const files = await readChartFiles(CHART);
  rootUri = files.rootUri;
  workspace = new Workspace();
  for (const [relative, text] of files.files) workspace.set(uriOf(relative), text);
  workspace.setChartRender(renderChart(files, OPTIONS));
});

describe('navigation through a chart render', () => {
  it("goes from a templated serviceName to the line of the Service template that writes the Service's name", () => {
    const { file, position } = at('templates/statefulset.yaml', 'serviceName: {{', 'serviceName: '.length + 3);
    const found = definitionsAt(workspace, file, position)!;
    assert.equal(found.origin.uri, uriOf('templates/statefulset.yaml'));
    assert.equal(found.origin.range.start.line, lineOf('templates/statefulset.yaml', 'serviceName:'));
    assert.deepEqual(
      found.targets.map((target) => [target.uri, target.range.start.line]),
      [[uriOf('templates/service.yaml'), lineOf('templates/service.yaml', 'name: {{')]],
    );
    assert.ok(found.targets.every((target) => target.nameRange === undefined), 'a computed name offers nothing to rename');
  });

  it('finds, from the Service template, the StatefulSet template lines that name it and that name the set it selects', () => {
    const { file, position } = at('templates/service.yaml', 'name: {{', 'name: '.length + 3);
    const places = referencesAt(workspace, file, position, false)!;
    const statefulSet = uriOf('templates/statefulset.yaml');
    assert.deepEqual(
      places.map((place) => [place.uri, place.range.start.line]).sort(),
      [
        [statefulSet, lineOf('templates/statefulset.yaml', 'name: {{')],
        [statefulSet, lineOf('templates/statefulset.yaml', 'serviceName:')],
      ],
    );
  });

  it('finds nothing once the template changed after its render, until the chart renders again', () => {
    const relative = 'templates/statefulset.yaml';
    const edited = new Workspace();
    for (const uri of workspace.uris()) edited.set(uri, workspace.get(uri)!.text);
    edited.setChartRender({ ...renderChartOf(workspace), rootUri });
    edited.set(uriOf(relative), `# moved down\n${workspace.get(uriOf(relative))!.text}`);
    const file = edited.get(uriOf(relative))!;
    assert.equal(definitionsAt(edited, file, positionOf(file.text, 'serviceName: {{', 'serviceName: '.length + 3)), undefined);
  });
});

/** The render the shared workspace holds, as a ChartRender to give another workspace. */
function renderChartOf(source: Workspace) {
  const templates = source.chartOutputsOf(uriOf('templates/statefulset.yaml'));
  return {
    rootUri,
    chartName: 'x',
    problems: [],
    templates: templates.map((output) => ({ name: output.templateUri, uri: output.templateUri, source: output.source, output: output.output })),
  };
}
