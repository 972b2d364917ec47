// Runs the tests with node's test runner, TypeScript loaded through tsx: first every
// test/**/*.test.ts file (unit and protocol tests), then the editor scenarios in
// test/**/*.e2e.ts, which drive the packaged extension in a real VS Code (test/e2e) and the
// browser build in VS Code's web extension host (test/web). When editor tests are
// among them (those and test/editors/), scripts/prepare-editors.ts first installs what they
// drive, outside any test's timeout.
//   node scripts/run-tests.mjs            both stages
//   node scripts/run-tests.mjs --e2e      the editor scenarios only
//   node scripts/run-tests.mjs <part…>    the unit and protocol test files whose path contains a part
//   --update-screenshots                  also copies the README's screenshots to media/screenshots/
// Node 20 has no glob support in `node --test`, hence the listing here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e');
const parts = args.filter((arg) => !arg.startsWith('--'));
if (args.includes('--update-screenshots')) process.env.KUBE_STATEFUL_UPDATE_SCREENSHOTS = '1';

function testFiles(folder, suffix) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

function run(files, extra = []) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files.sort()],
    { cwd: root, stdio: 'inherit' },
  );
  return result.status ?? 1;
}

const unit = testFiles(path.join(root, 'test'), '.test.ts').filter(
  (file) => parts.length === 0 || parts.some((part) => file.includes(part)),
);
const e2e = parts.length === 0 ? testFiles(path.join(root, 'test'), '.e2e.ts') : [];

const drivesEditors = e2e.length > 0 || (!e2eOnly && unit.some((file) => file.includes(`${path.sep}editors${path.sep}`)));
if (drivesEditors) {
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-editors.ts'], { cwd: root, stdio: 'inherit' });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
}

let status = e2eOnly ? 0 : run(unit);
// Each editor scenario runs its own code-server and browser page; one at a time fits two cores.
if (status === 0 && e2e.length > 0) status = run(e2e, ['--test-concurrency=1']);
process.exit(status);
