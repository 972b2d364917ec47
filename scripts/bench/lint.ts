// Measurement 4: the command line checker on the whole workspace, as CI would run it.
import { spawnSync } from 'node:child_process';
import type { LintResults } from './results';
import { CLI } from './servers';
import { sample, type Repetitions, type Sample } from './timing';

export async function measureLint(folder: string, files: number, parse: Sample, repetitions: Repetitions): Promise<LintResults> {
  let exitCode = 0;
  const wall = await sample(repetitions, () => {
    const start = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'lint', folder], { stdio: 'ignore' });
    const time = performance.now() - start;
    exitCode = run.status ?? -1;
    if (exitCode !== 0 && exitCode !== 1) throw new Error(`kube-stateful lint ${folder} failed with exit code ${exitCode}.`);
    return time;
  });
  return { files, wall, parse, exitCode };
}
