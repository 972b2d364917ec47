// Installs what the editor tests drive, before any of them starts: Debian's Chromium, Neovim
// and Kerberos headers (with apt-get, as root), Node 24 and code-server (into .vscode-test/).
// `npm test` runs it first; it takes a few minutes once, then finds everything in place.
//   npx tsx scripts/prepare-editors.ts
import { prepareEditorEnvironment } from '../test/e2e/environment';

try {
  prepareEditorEnvironment((line) => console.log(line));
} catch (error) {
  console.error(`\nThe editor test set-up failed: ${(error as Error).message}`);
  console.error("Nothing half-installed is kept; run 'npx tsx scripts/prepare-editors.ts' or 'npm test' again to retry.");
  process.exitCode = 1;
}
