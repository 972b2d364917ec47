// The long fuzz run. Each input that fails is kept under test/fixtures/fuzz-regressions, where
// every `npm test` replays it.
//   npm run fuzz                               100,000 engine cases, then 1,000 server sessions
//   npm run fuzz -- ../shared/corpus           the same, editing that folder's files as well
//   npm run fuzz -- --truncate ../shared/corpus   every file cut at every 97th byte (--step N)
//   npm run fuzz -- --helm                     10,000 Helm template and chart cases only (--cases N)
//   --cases N, --sessions N, --seed N          other run counts, or a run to reproduce
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkEngine, FuzzFailure, HANG_BOUND_MS } from '../test/fuzz/engine-check';
import { keepEngineCase, keepSession } from '../test/fuzz/regressions';
import { MAX_SCALED_BYTES } from '../test/fuzz/scaled';
import { fixtureSeeds, neighboursOf, seedsIn, type Seed } from '../test/fuzz/seeds';
import { PLAIN_CAPABILITIES, runSession, SessionServer, sessionArbitrary } from '../test/fuzz/sessions';
import { engineSuites } from '../test/fuzz/suites';
import { fuzzHelm } from '../test/fuzz/helm-long';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    truncate: { type: 'boolean', default: false },
    helm: { type: 'boolean', default: false },
    step: { type: 'string', default: '97' },
    cases: { type: 'string' },
    sessions: { type: 'string', default: '1000' },
    seed: { type: 'string' },
  },
});
const seed = values.seed === undefined ? undefined : Number(values.seed);

async function main(): Promise<number> {
  const folders = positionals.map((folder) => path.resolve(folder));
  if (values.helm) return fuzzHelm(Number(values.cases ?? '10000'), seed);
  if (values.truncate) return truncateAll(folders.length > 0 ? folders : [path.join(__dirname, '..', 'test', 'fixtures')], Number(values.step));
  const seeds = [...fixtureSeeds(), ...folders.flatMap((folder) => seedsIn(folder))];
  const engineFailed = fuzzEngine(seeds, Number(values.cases ?? '100000'));
  const serverFailed = await fuzzServer(seeds, Number(values.sessions));
  return engineFailed || serverFailed ? 1 : 0;
}

/** Runs each family of inputs for its share of the cases; keeps the first failure of each. */
function fuzzEngine(seeds: readonly Seed[], cases: number): boolean {
  let failed = false;
  console.log(`Engine: ${cases} cases over ${seeds.length} seed files, a step hung after ${HANG_BOUND_MS / 1000} s of CPU.`);
  // Large repeated constructs take seconds each: a few hundred of them find what is quadratic.
  for (const suite of engineSuites(seeds, { bytes: MAX_SCALED_BYTES, share: 0.003 })) {
    const runs = Math.round(cases * suite.share);
    const started = performance.now();
    const result = fc.check(
      fc.property(suite.cases, (testCase) => checkEngine(testCase)),
      { numRuns: runs, seed, endOnFailure: false },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    if (!result.failed) {
      console.log(`  ${suite.name}: ${runs} cases passed in ${seconds} s`);
      continue;
    }
    failed = true;
    const [testCase] = result.counterexample!;
    const kind = result.errorInstance instanceof FuzzFailure ? result.errorInstance.kind : 'failure';
    console.log(`  ${suite.name}: FAILED after ${result.numRuns} cases (seed ${result.seed}): ${String(result.errorInstance)}`);
    console.log(`    kept as ${path.relative(process.cwd(), keepEngineCase(kind, testCase))}`);
  }
  return failed;
}

/** Sessions against two servers: one like VS Code checking at once, one with a typing delay and a plain client. */
async function fuzzServer(seeds: readonly Seed[], sessions: number): Promise<boolean> {
  let failed = false;
  const arbitrary = sessionArbitrary(seeds);
  for (const [label, server, share] of [
    ['editor like VS Code', new SessionServer(), 0.7],
    ['debounced, plain client', new SessionServer({ validation: { delay: 30 } }, PLAIN_CAPABILITIES), 0.3],
  ] as const) {
    const runs = Math.round(sessions * share);
    const started = performance.now();
    const result = await fc.check(
      fc.asyncProperty(arbitrary, (operations) => runSession(server, operations)),
      { numRuns: runs, seed },
    );
    const rss = server.pid ? residentMemory(server.pid) : 'unknown';
    await server.dispose();
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    if (!result.failed) {
      console.log(`Server, ${label}: ${runs} sessions passed in ${seconds} s; the server ended at ${rss} resident.`);
      continue;
    }
    failed = true;
    console.log(`Server, ${label}: FAILED after ${result.numRuns} sessions (seed ${result.seed}): ${String(result.errorInstance)}`);
    console.log(`  kept as ${path.relative(process.cwd(), keepSession(result.counterexample![0]))}`);
  }
  return failed;
}

/**
 * Cuts every file at every `step`th byte, as a file saved half-written or a download broken
 * off, and checks each cut with the rest of its folder as the workspace.
 */
function truncateAll(folders: readonly string[], step: number): number {
  let cases = 0;
  let failures = 0;
  let slowest = { milliseconds: 0, where: '' };
  const started = performance.now();
  for (const folder of folders) {
    const seeds = seedsIn(folder, Infinity);
    for (const seed of seeds) {
      const bytes = readFileSync(path.join(folder, seed.name));
      const neighbours = neighboursOf(seed, seeds).map((other) => ({ name: path.basename(other.name), text: other.text }));
      for (let cut = 0; cut <= bytes.length; cut += step) {
        const text = bytes.subarray(0, cut).toString('utf8');
        const testCase = { text, neighbours, positions: [cut, cut >> 1, cut * 7] };
        const caseStarted = process.cpuUsage();
        cases++;
        try {
          checkEngine(testCase);
        } catch (error) {
          failures++;
          const kind = error instanceof FuzzFailure ? error.kind : 'failure';
          console.log(`${seed.name} cut at byte ${cut}: ${String(error)}`);
          console.log(`  kept as ${path.relative(process.cwd(), keepEngineCase(kind, testCase))}`);
        }
        const used = process.cpuUsage(caseStarted);
        const milliseconds = (used.user + used.system) / 1000;
        if (milliseconds > slowest.milliseconds) slowest = { milliseconds, where: `${seed.name} cut at byte ${cut}` };
      }
    }
    console.log(`${folder}: ${seeds.length} files`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`${cases} truncated files checked in ${seconds} s: ${failures} failures (exceptions, rule errors, stray ranges, or hangs).`);
  console.log(`Slowest case: ${slowest.milliseconds.toFixed(0)} ms of CPU for analysis, hovers, completions and fixes (${slowest.where}).`);
  return failures > 0 ? 1 : 0;
}

function residentMemory(pid: number): string {
  try {
    return /VmRSS:\s*(\d+ kB)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
