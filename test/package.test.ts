import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..');
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const MAX_VSIX_BYTES = 1024 * 1024;

/**
 * Packages the extension as a Marketplace user would get it, in a staging copy so that the
 * production build does not replace dist/ under the other tests.
 */
describe('the .vsix package', () => {
  let staging: string;
  let vsce: (...args: string[]) => string;

  before(() => {
    staging = mkdtempSync(path.join(tmpdir(), 'kube-stateful-package-'));
    for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'snippets']) {
      cpSync(path.join(ROOT, file), path.join(staging, file), { recursive: true });
    }
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    delete manifest.scripts['vscode:prepublish'];
    writeFileSync(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', path.join(staging, 'dist')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, build.stderr);
    vsce = (...args) => {
      const run = spawnSync(process.execPath, [VSCE, ...args], { cwd: staging, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      return run.stdout;
    };
  });

  after(() => rmSync(staging, { recursive: true, force: true }));

  it('holds only the bundles, the manifest, the docs and the snippets', () => {
    const files = vsce('ls', '--no-dependencies').trim().split('\n').sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/extension.js',
      'dist/server.js',
      'package.json',
      'snippets/statefulsets.json',
    ]);
  });

  it('is under 1 MB', () => {
    vsce('package', '--no-dependencies', '--out', 'kube-stateful.vsix');
    const bytes = statSync(path.join(staging, 'kube-stateful.vsix')).size;
    assert.ok(bytes < MAX_VSIX_BYTES, `${bytes} bytes`);
  });
});
