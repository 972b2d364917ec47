import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { assertGrowsLinearly } from '../helpers/growth';
import { MAIN_URI } from './engine-check';
import { MAX_SCALED_BYTES, scaled, SCALED_BUILDERS } from './scaled';

/*
 * Each repeated construct of the fuzz, analysed at two sizes: work that grows with the square
 * of the input (every key against every other, every alias against every anchor) would take
 * a hundred times as long for ten times the text.
 */

const SIZES = { small: MAX_SCALED_BYTES / 10, large: MAX_SCALED_BYTES };

function analyseText(text: string): void {
  const workspace = new Workspace();
  workspace.set(MAIN_URI, text);
  const failures: string[] = [];
  analyze(workspace, MAIN_URI, { onRuleError: (ruleId) => failures.push(ruleId) });
  assert.deepEqual(failures, []);
}

describe('engine work grows linearly with repeated constructs', () => {
  for (const builder of SCALED_BUILDERS) {
    it(builder, () => {
      const texts = new Map([SIZES.small, SIZES.large].map((bytes) => [bytes, scaled(builder, bytes)]));
      assertGrowsLinearly(builder, (bytes) => analyseText(texts.get(bytes)!), SIZES);
    });
  }
});
