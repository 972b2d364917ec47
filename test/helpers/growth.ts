import assert from 'node:assert/strict';

/**
 * Checks that work grows no faster than its input, by timing two sizes in this process and
 * comparing them: a claim about growth, never a bound on time. The slack is wide (a tenfold
 * input may take at most `maxRatio` times as long, where quadratic work would take a hundred
 * times), and each size keeps its fastest of a few runs, so a loaded machine slows both sides
 * alike instead of failing the test.
 */
export function assertGrowsLinearly(
  what: string,
  work: (size: number) => void,
  sizes: { small: number; large: number },
  maxRatio = (sizes.large / sizes.small) * 4,
): void {
  const fastest = (size: number, runs: number) => {
    let best = Infinity;
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      work(size);
      best = Math.min(best, Number(process.hrtime.bigint() - started));
    }
    return best;
  };
  // The first runs also compile the code they go through, which would count against the small size.
  fastest(sizes.small, 2);
  const small = fastest(sizes.small, 3);
  const large = fastest(sizes.large, 2);
  const ratio = large / small;
  assert.ok(
    ratio <= maxRatio,
    `${what}: ${sizes.large.toLocaleString('en')} took ${ratio.toFixed(1)} times as long as ${sizes.small.toLocaleString('en')}, more than the ${maxRatio}× linear growth allows`,
  );
}
