import 'mocha/mocha.js';

/** Mocha's browser build, which sets itself on the global object; its types describe the Node API. */
interface BrowserMocha {
  setup(options: { ui: 'tdd'; reporter?: undefined; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): { stats?: { passes: number } };
}

/**
 * Entry point the web extension host calls (test-web's `extensionTestsPath`): runs the suite
 * with mocha's browser build and fails when a test fails.
 */
export async function run(): Promise<void> {
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 60_000, color: false });
  await import('./web.suite');
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((failed) => {
      console.log(`kube-stateful web extension tests: ${runner.stats?.passes ?? 0} passed, ${failed} failed`);
      resolve(failed);
    });
  });
  if (failures > 0) throw new Error(`${failures} web extension test(s) failed.`);
}
