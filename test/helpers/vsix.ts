import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/**
 * A copy of the extension as the Marketplace would package it, in a temporary folder, so that
 * the production build does not replace dist/ under tests that use it.
 */
export function stageExtension(): { folder: string; vsce: (...args: string[]) => string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-package-'));
  for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'snippets', 'media']) {
    cpSync(path.join(ROOT, file), path.join(folder, file), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  delete manifest.scripts['vscode:prepublish'];
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', path.join(folder, 'dist')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stderr);
  const vsce = (...args: string[]) => {
    const run = spawnSync(process.execPath, [VSCE, ...args], { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  return { folder, vsce };
}

/** Builds the .vsix in a staging folder and returns its path. */
export function packageExtension(): string {
  const { folder, vsce } = stageExtension();
  vsce('package', '--no-dependencies', '--out', 'kube-stateful.vsix');
  return path.join(folder, 'kube-stateful.vsix');
}
