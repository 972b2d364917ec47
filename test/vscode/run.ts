// Runs the extension-host suite in a VS Code downloaded by @vscode/test-electron, for machines
// that can download it: `npm run test:vscode`.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.join(__dirname, '..', '..');

async function main(): Promise<void> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'kube-stateful-vscode-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'vscode-suite'), workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist-test', 'vscode-suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
