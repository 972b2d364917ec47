import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOSTILE_INPUTS } from '../../../helpers/hostile-inputs';
import { buildOf } from './build-fixture';

/** Each hostile text as a resource, as a patch and as the kustomization itself: problems, never an exception. */
describe('kustomize build on hostile input', () => {
  const { huge: _tooLargeForTheWorkspace, ...inputs } = HOSTILE_INPUTS;
  for (const [name, input] of Object.entries(inputs)) {
    it(input.title, () => {
      const text = input.text();
      const asResource = buildOf({ 'kustomization.yaml': 'resources: [input.yaml]\n', 'input.yaml': text });
      const asPatch = buildOf({ 'kustomization.yaml': 'resources: [input.yaml]\npatchesStrategicMerge: [input.yaml]\npatches:\n- {path: input.yaml, target: {kind: StatefulSet}}\n', 'input.yaml': text });
      const asKustomization = buildOf({ 'kustomization.yaml': text });
      for (const build of [asResource, asPatch, asKustomization]) {
        assert.equal(typeof build.text.text, 'string', name);
        assert.ok(build.problems.every((problem) => problem.start <= problem.end), name);
      }
    });
  }
});
