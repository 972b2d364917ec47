import assert from 'node:assert/strict';

/** A sample shorter than this is mostly timer and scheduling noise; short work is repeated up to it. */
const MIN_SAMPLE_MICROSECONDS = 5_000;

/**
 * Checks that work grows no faster than its input, by comparing two sizes in this process: a
 * claim about growth, never a bound on time. The slack is wide (a tenfold input may take at
 * most `maxRatio` times as long, where quadratic work would take a hundred times). Each size is
 * measured in CPU time, which a busy machine does not inflate the way it inflates elapsed time,
 * and keeps its fastest of several samples.
 */
export function assertGrowsLinearly(
  what: string,
  work: (size: number) => void,
  sizes: { small: number; large: number },
  maxRatio = (sizes.large / sizes.small) * 4,
): void {
  const cpuMicroseconds = (size: number, repeats: number) => {
    const started = process.cpuUsage();
    for (let repeat = 0; repeat < repeats; repeat++) work(size);
    const used = process.cpuUsage(started);
    return used.user + used.system;
  };
  // The first runs also compile the code they go through, which would count against either size.
  const once = Math.max(cpuMicroseconds(sizes.small, 1), cpuMicroseconds(sizes.small, 1), 1);
  cpuMicroseconds(sizes.large, 1);
  const repeats = Math.min(Math.ceil(MIN_SAMPLE_MICROSECONDS / once), 1_000);
  const fastest = (size: number) => Math.min(...Array.from({ length: 5 }, () => cpuMicroseconds(size, repeats)));
  const [small, large] = [fastest(sizes.small), fastest(sizes.large)];
  const ratio = large / Math.max(small, 1);
  assert.ok(
    ratio <= maxRatio,
    `${what}: ${sizes.large.toLocaleString('en')} took ${ratio.toFixed(1)} times as long as ${sizes.small.toLocaleString('en')}, more than the ${maxRatio}× linear growth allows`,
  );
}
