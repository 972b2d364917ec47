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

/**
 * The engine inputs: arbitrary text, YAML of arbitrary values, generated manifests, edited
 * seed files (with the rest of their folder as the workspace) and repeated constructs of up to
 * `scaledBytes` characters.
 */
export function engineSuites(seeds: readonly Seed[], scaledBytes: number): EngineSuite[] {
  const withPositions = (texts: fc.Arbitrary<string>) => fc.tuple(texts, positions).map(([text, at]) => ({ text, positions: at }));
  return [
    { name: 'arbitrary text', share: 0.2, cases: withPositions(arbitraryText) },
    { name: 'YAML of arbitrary values', share: 0.15, cases: withPositions(yamlValueText) },
    { name: 'generated manifests', share: 0.25, cases: withPositions(manifestText) },
    {
      name: 'edited seed files',
      share: 0.36,
      cases: fc.tuple(mutatedSeed(seeds), positions).map(([{ seed, text }, at]) => ({
        text,
        neighbours: neighboursOf(seed, seeds).map((other) => ({ name: other.name.split('/').pop()!, text: other.text })),
        positions: at,
      })),
    },
    {
      name: 'repeated constructs',
      share: 0.04,
      cases: fc
        .tuple(fc.constantFrom(...SCALED_BUILDERS), fc.integer({ min: 200, max: scaledBytes }), positions)
        .map(([builder, bytes, at]) => ({ text: scaled(builder, bytes), positions: at })),
    },
  ];
}
