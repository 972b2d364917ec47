/** What a chart or a kustomization keeps of its runs: how many were started, and the one under way. */
export interface Runs {
  generation: number;
  pending?: Promise<void>;
}

/**
 * Starts another run of a job that may overlap its earlier runs (a render, a build): `work` is
 * told its generation, to drop its result when a later run has started meanwhile. Failures go to
 * `failed`; `runs.pending` is the run under way, for requests that wait for the latest result.
 */
export function startRun(runs: Runs, work: (generation: number) => Promise<void>, failed: (error: unknown) => void): Promise<void> {
  const generation = ++runs.generation;
  const pending = work(generation).catch(failed);
  runs.pending = pending;
  void pending.finally(() => {
    if (runs.pending === pending) runs.pending = undefined;
  });
  return pending;
}
