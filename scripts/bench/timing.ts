/** How many times each figure is taken: untimed warm-up runs first, then the timed runs. */
export interface Repetitions {
  warmUp: number;
  runs: number;
}

/** The runs of one measurement and their median, the figure the results report. */
export interface Sample {
  median: number;
  runs: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('The median of no values is undefined.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(runs: number[]): Sample {
  return { median: median(runs), runs };
}

/**
 * A short operation is still interpreted after one warm-up run: V8 optimises a function only
 * after many calls. So the warm-up goes on for this long, when it is asked for at all…
 */
export const WARM_UP_MS = 1000;
/** …but never for more runs than this. */
export const MAX_WARM_UP_RUNS = 200;
/**
 * A short operation is also timed more often than asked, for this long, since a few runs of a
 * few milliseconds give a median at the mercy of one garbage collection or one busy core…
 */
export const TIMED_MS = 1000;
/** …but never more than this many times. */
export const MAX_TIMED_RUNS = 100;

/**
 * Runs `run`, which measures itself and returns its figure: the warm-up runs, more of them for a
 * short operation, then the timed runs, more of them too for a short operation when warm-up runs
 * are asked for (a run without warm-up, such as a smoke run, takes exactly the runs asked).
 */
export async function sample(repetitions: Repetitions, run: () => number | Promise<number>): Promise<Sample> {
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let index = 0; index < repetitions.warmUp || (repetitions.warmUp > 0 && index < MAX_WARM_UP_RUNS && performance.now() < warmUntil); index++) {
    await run();
  }
  const runs: number[] = [];
  const timeUntil = performance.now() + TIMED_MS;
  const extend = repetitions.warmUp > 0;
  while (runs.length < repetitions.runs || (extend && runs.length < MAX_TIMED_RUNS && performance.now() < timeUntil)) runs.push(await run());
  return summarize(runs);
}

/** Milliseconds `work` takes. */
export function elapsed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}
