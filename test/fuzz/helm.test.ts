import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkChartCase, checkTemplateCase, SMALL_LIMITS } from './helm-check';
import { chartCaseArbitrary, templateCaseArbitrary } from './helm-inputs';
import { HELM_REGRESSIONS } from './helm-regressions';

/** Cases per test run, kept small for `npm test`; `npm run fuzz -- --helm` runs 10,000. */
export const TEMPLATE_CASES = 200;
export const CHART_CASES = 60;

describe('Helm fuzz: templates and charts render to text or errors, never an exception, overflow or hang', () => {
  for (const regression of HELM_REGRESSIONS) {
    it(`regression: ${regression.why}`, () => checkTemplateCase(regression, SMALL_LIMITS));
  }
  it('random templates with random values', () => {
    fc.assert(fc.property(templateCaseArbitrary, (testCase) => checkTemplateCase(testCase, SMALL_LIMITS)), { numRuns: TEMPLATE_CASES });
  });
  it('random small charts', () => {
    fc.assert(fc.property(chartCaseArbitrary, (testCase) => checkChartCase(testCase)), { numRuns: CHART_CASES });
  });
});
