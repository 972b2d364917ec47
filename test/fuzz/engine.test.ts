import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkEngine } from './engine-check';
import { fixtureSeeds } from './seeds';
import { engineSuites } from './suites';

/** Cases per test run, shared among the suites; `npm run fuzz` runs 100,000, with larger constructs. */
const CASES = 2_100;
const SCALED = { bytes: 6_000, share: 0.02 };

describe('engine fuzz: no exception, rule failure, stray range or hang on any input', () => {
  for (const suite of engineSuites(fixtureSeeds(), SCALED)) {
    it(suite.name, () => {
      fc.assert(
        fc.property(suite.cases, (testCase) => checkEngine(testCase)),
        { numRuns: Math.round(CASES * suite.share) },
      );
    });
  }
});
