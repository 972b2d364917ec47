import { renderChart } from '../../server/src/engine/helm/chart/render-chart';
import { printManifest } from '../../server/src/engine/helm/chart/manifest';
import { helmFunctions } from '../../server/src/engine/helm/functions/index';
import { Rope } from '../../server/src/engine/helm/go/rope';
import { TemplateSet, type TemplateLimits } from '../../server/src/engine/helm/template/template-set';
import { FuzzFailure, HANG_BOUND_MS } from './engine-check';
import type { ChartCase, TemplateCase } from './helm-inputs';

/*
 * What must hold for any template and any values: adding and rendering return errors and never
 * throw, nothing overflows the stack, no step hangs, and the output is always a Rope. A hang is
 * only what runs past the shared 60 s bound of CPU, far above any real render.
 */

/** One table for every case, as the server keeps one; building it per case would dominate the run. */
const FUNCTIONS = helmFunctions();
const OPTIONS = { releaseName: 'release-name', namespace: 'default', kubernetesVersion: { major: 1, minor: 34 }, valuesFiles: [], setValues: [] };

function attempt<T>(step: string, work: () => T): T {
  const started = process.cpuUsage();
  let result: T;
  try {
    result = work();
  } catch (error) {
    // A RangeError from V8's stack check is the overflow this fuzz looks for; name it so.
    const overflow = error instanceof RangeError && /call stack/i.test(error.message);
    throw new FuzzFailure('exception', `${step} threw${overflow ? ' (stack overflow)' : ''}: ${error instanceof Error ? error.stack : String(error)}`);
  }
  const used = process.cpuUsage(started);
  const milliseconds = (used.user + used.system) / 1000;
  if (milliseconds > HANG_BOUND_MS) throw new FuzzFailure('hang', `${step} used ${milliseconds.toFixed(0)} ms of CPU`);
  return result;
}

/**
 * Limits small enough that a case which reaches them (a range over a huge count, a string
 * doubled in a loop) ends in a fraction of a second; the property is the same, since what is
 * checked is that the limit stops it. `npm run fuzz -- --helm` runs with the real limits.
 */
export const SMALL_LIMITS: Partial<TemplateLimits> = { maxSteps: 100_000, maxOutputChars: 1 << 20, maxRangeItems: 10_000 };

export function checkTemplateCase(testCase: TemplateCase, limits?: Partial<TemplateLimits>): void {
  const set = new TemplateSet(FUNCTIONS, limits ? { limits } : {});
  testCase.files.forEach((text, index) => {
    const error = attempt(`add t${index}`, () => set.add(`t${index}`, `file:///fuzz/t${index}.yaml`, text));
    if (error !== undefined && typeof error.message !== 'string') throw new FuzzFailure('exception', `add t${index} gave an error without a message`);
  });
  const name = `t${testCase.render % testCase.files.length}`;
  const result = attempt(`render ${name}`, () => set.render(name, testCase.data));
  if (!(result.output instanceof Rope)) throw new FuzzFailure('exception', `render ${name} gave ${String(result.output)}, not a Rope`);
  if (typeof result.output.text !== 'string') throw new FuzzFailure('exception', `render ${name} gave a Rope without text`);
  if (result.error && typeof result.error.message !== 'string') throw new FuzzFailure('exception', `render ${name} gave an error without a message`);
}

export function checkChartCase(testCase: ChartCase): void {
  const files = { rootUri: 'file:///fuzz/chart', files: testCase.files };
  const options = {
    ...OPTIONS,
    valuesFiles: testCase.valuesFile === undefined ? [] : [{ uri: 'file:///fuzz/extra.yaml', text: testCase.valuesFile }],
    setValues: testCase.setValues,
  };
  const render = attempt('renderChart', () => renderChart(files, options, FUNCTIONS));
  for (const template of render.templates) {
    if (!(template.output instanceof Rope)) throw new FuzzFailure('exception', `${template.name} rendered to something not a Rope`);
  }
  for (const problem of render.problems) {
    if (typeof problem.message !== 'string' || problem.start > problem.end) throw new FuzzFailure('range', `problem ${JSON.stringify(problem)}`);
  }
  attempt('printManifest', () => printManifest(render));
}
