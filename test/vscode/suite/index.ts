import Mocha from 'mocha';

/**
 * Entry point VS Code calls in the extension host (`--extensionTestsPath`): runs the suite
 * with mocha and fails when a test fails.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'extension-host.suite', mocha);
  await import('./extension-host.suite');
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((failed) => {
      // One plain line that a runner without access to the exit code can read from the logs.
      console.log(`kube-stateful extension tests: ${runner.stats?.passes ?? 0} passed, ${failed} failed`);
      resolve(failed);
    });
  });
  if (failures > 0) throw new Error(`${failures} extension test(s) failed.`);
}
