import fc from 'fast-check';
import { checkChartCase, checkTemplateCase } from './helm-check';
import { chartCaseArbitrary, templateCaseArbitrary } from './helm-inputs';
import { HELM_REGRESSIONS } from './helm-regressions';

/**
 * The long Helm run of `npm run fuzz -- --helm`: the regressions, then templates and charts
 * with the renderer's real limits, so that a limit reached late still stops what it should.
 * A failure prints its seed and the shrunk case, to be added to helm-regressions.ts.
 */
export function fuzzHelm(cases: number, seed: number | undefined): number {
  let failed = false;
  for (const regression of HELM_REGRESSIONS) checkTemplateCase(regression);
  console.log(`Helm: ${HELM_REGRESSIONS.length} regressions passed.`);
  for (const [label, arbitrary, check, share] of [
    ['templates', templateCaseArbitrary, checkTemplateCase, 0.8],
    ['charts', chartCaseArbitrary, checkChartCase, 0.2],
  ] as const) {
    const runs = Math.round(cases * share);
    const started = performance.now();
    const result = fc.check(fc.property(arbitrary as fc.Arbitrary<never>, (testCase) => (check as (value: never) => void)(testCase)), { numRuns: runs, seed });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    if (!result.failed) {
      console.log(`  Helm ${label}: ${runs} cases passed in ${seconds} s`);
      continue;
    }
    failed = true;
    console.log(`  Helm ${label}: FAILED after ${result.numRuns} cases (seed ${result.seed}): ${String(result.errorInstance)}`);
    console.log(`    case: ${JSON.stringify(result.counterexample, (_key, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : typeof value === 'bigint' ? `${value}n` : value))}`);
  }
  return failed ? 1 : 0;
}
