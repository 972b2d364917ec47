import fc from 'fast-check';
import type { EngineCase } from './engine-check';
import { arbitraryText, manifestText, mutatedSeed, yamlValueText } from './inputs';
import { scaled, SCALED_BUILDERS } from './scaled';
import { neighboursOf, type Seed } from './seeds';

/** One family of engine inputs, and its share of the runs. */
export interface EngineSuite {
  name: string;
  share: number;
  cases: fc.Arbitrary<EngineCase>;
}

const positions = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });

/** How large repeated constructs grow, and their share of the runs: a large one takes seconds. */
export interface ScaledInputs {
  bytes: number;
  share: number;
}

/**
 * The engine inputs: arbitrary text, YAML of arbitrary values, generated manifests, edited
 * seed files (with the rest of their folder as the workspace) and repeated constructs.
 */
export function engineSuites(seeds: readonly Seed[], scaledInputs: ScaledInputs): EngineSuite[] {
  const withPositions = (texts: fc.Arbitrary<string>) => fc.tuple(texts, positions).map(([text, at]) => ({ text, positions: at }));
  const rest = 1 - scaledInputs.share;
  const suites: EngineSuite[] = [
    { name: 'arbitrary text', share: 0.2, cases: withPositions(arbitraryText) },
    { name: 'YAML of arbitrary values', share: 0.15, cases: withPositions(yamlValueText) },
    { name: 'generated manifests', share: 0.25, cases: withPositions(manifestText) },
    {
      name: 'edited seed files',
      share: 0.4,
      cases: fc.tuple(mutatedSeed(seeds), positions).map(([{ seed, text }, at]) => ({
        text,
        neighbours: neighboursOf(seed, seeds).map((other) => ({ name: other.name.split('/').pop()!, text: other.text })),
        positions: at,
      })),
    },
  ];
  return [
    ...suites.map((suite) => ({ ...suite, share: suite.share * rest })),
    {
      name: 'repeated constructs',
      share: scaledInputs.share,
      cases: fc
        .tuple(fc.constantFrom(...SCALED_BUILDERS), fc.integer({ min: 200, max: scaledInputs.bytes }), positions)
        .map(([builder, bytes, at]) => ({ text: scaled(builder, bytes), positions: at })),
    },
  ];
}
