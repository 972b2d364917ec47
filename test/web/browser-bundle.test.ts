import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { ROOT } from '../helpers/vsix';

/*
 * The browser build as it ships (minified): a browser has none of Node's modules, and one
 * `require` of them fails the extension's activation on vscode.dev and github.dev.
 */

let folder: string;
let bundle: string;

before(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-web-bundle-'));
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', folder], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  bundle = readFileSync(path.join(folder, 'extension-web.js'), 'utf8');
});

after(() => rmSync(folder, { recursive: true, force: true }));

/** Every module a CommonJS bundle loads at run time: by `require(…)` or `import(…)`. */
function loadedModules(code: string): string[] {
  const patterns = [/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g, /\bimport\(\s*(["'`])([^"'`]+)\1\s*\)/g];
  return [...new Set(patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[2]!)))].sort();
}

const isNodeBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name) || builtinModules.includes(name.split('/')[0]!);

/**
 * Ajv names its runtime helpers in the source it writes for standalone validators: text it
 * keeps, not a call the bundle makes, as it compiles validators in memory.
 */
const AJV_STANDALONE_TEXT = /^ajv\/dist\/runtime\//;

it('loads no module of Node in the browser build, only the vscode API', () => {
  const modules = loadedModules(bundle);
  assert.deepEqual(modules.filter(isNodeBuiltin), []);
  assert.deepEqual(modules.filter((name) => !AJV_STANDALONE_TEXT.test(name)), ['vscode']);
});

it('tells a Node module apart in the scan, as it appears in the desktop build', () => {
  const desktop = loadedModules(readFileSync(path.join(folder, 'extension.js'), 'utf8'));
  assert.ok(desktop.some(isNodeBuiltin), desktop.join(', '));
});
