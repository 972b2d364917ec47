import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manifestDocuments, printManifest } from '../../../../../server/src/engine/helm/chart/manifest';
import type { ChartRender } from '../../../../../server/src/engine/helm/chart/chart-render';
import { Rope } from '../../../../../server/src/engine/helm/go/rope';

const render = (outputs: Record<string, string>): ChartRender => ({
  rootUri: 'file:///c',
  chartName: 'c',
  problems: [],
  templates: Object.entries(outputs).map(([name, output]) => ({ name, uri: `file:///${name}`, source: '', output: Rope.of(output) })),
});

describe('printManifest', () => {
  it('splits at --- lines, drops empty documents, sorts by install order with unknown kinds and hooks last', () => {
    const text = printManifest(
      render({
        'c/templates/b.yaml': '\n---\nkind: StatefulSet\nmetadata: {name: s}\n---   \n\n---\nkind: Zeta\n',
        'c/templates/a.yaml': 'kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install\n---\nkind: Service\n---\nkind: Alpha\n',
      }),
    );
    assert.equal(
      text,
      [
        '---\n# Source: c/templates/a.yaml\nkind: Service\n\n',
        '---\n# Source: c/templates/b.yaml\nkind: StatefulSet\nmetadata: {name: s}\n\n',
        '---\n# Source: c/templates/a.yaml\nkind: Alpha\n\n',
        '---\n# Source: c/templates/b.yaml\nkind: Zeta\n\n',
        '---\n# Source: c/templates/a.yaml\nkind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install\n',
      ].join(''),
    );
  });

  it('keeps where each document starts in its output', () => {
    const [document] = manifestDocuments(render({ 'c/templates/a.yaml': '---\nkind: Service\n' }));
    assert.equal(document!.offset, 4);
    assert.equal(document!.kind, 'Service');
  });
});
