import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildKustomization } from '../../../../server/src/engine/kustomize/build';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { renderedUri } from '../../../../server/src/engine/derived/chart-uris';
import { BLOCK_TEXT } from '../../../../server/src/engine/document/light-scan';
import { conformanceCases } from '../kustomize/conformance-cases';

/** `light` with each block scalar, which the light reader leaves unread on purpose, taken from `full` when that is text. */
function filledIn(light: unknown, full: unknown): unknown {
  if (light === BLOCK_TEXT && typeof full === 'string') return full;
  if (Array.isArray(light) && Array.isArray(full)) return light.map((item, index) => filledIn(item, full[index]));
  if (light && typeof light === 'object' && full && typeof full === 'object') {
    return Object.fromEntries(Object.entries(light).map(([key, value]) => [key, filledIn(value, (full as Record<string, unknown>)[key])]));
  }
  return light;
}

/*
 * A build's output joins the index through the light reader, like a file no editor shows, and is
 * parsed when a check needs its objects. What the light reader takes from the printed text must
 * be what the full parse gives, for every output kustomize's own cases make.
 */
describe('Light index of kustomize build outputs', () => {
  it('reads each output as the full parse does, and reads most of them without parsing', () => {
    let light = 0;
    const cases = conformanceCases();
    for (const conformance of cases) {
      const workspace = new Workspace();
      const build = buildKustomization(conformance.files, conformance.buildFolder, { order: 'legacy' });
      workspace.setBuild(build);
      const output = workspace.get(renderedUri(build.uri))!;
      const read = output.lightObjects?.map((object) => object.object);
      if (!read) continue;
      light++;
      const parsed = output.resources.map((resource) => resource.object);
      assert.deepEqual(filledIn(read, parsed), parsed, conformance.name);
    }
    assert.ok(light > cases.length / 2, `${light} of ${cases.length} outputs read by the light reader`);
  });
});
