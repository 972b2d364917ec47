import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

/*
 * Neovim, a real LSP client written by others, runs the configuration the README gives for its
 * version against the built server, opens a broken StatefulSet whose Service is in another
 * file, and reports the diagnostics it holds (vim.diagnostic.get).
 */

const ROOT = path.join(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'editors', 'broken-statefulset');
/** The README's configuration turns this rule off: its absence shows the settings arrived. */
const DISABLED_RULE = 'pdb-missing';
const EXPECTED_RULES = ['anti-affinity-missing', 'inline-secret', 'service-not-headless'];

interface Version {
  major: number;
  minor: number;
}

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
}

/** Neovim is installed by scripts/prepare-editors.ts, which npm test runs first. */
function expectNeovim(): void {
  if (spawnSync('nvim', ['--version']).status !== 0) {
    throw new Error("The Neovim test needs Debian's neovim, which is not installed: run 'npx tsx scripts/prepare-editors.ts' (npm test runs it first).");
  }
}

function neovimVersion(): Version {
  const output = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout;
  const match = /^NVIM v(\d+)\.(\d+)/.exec(output);
  assert.ok(match, `a version in: ${output.split('\n')[0]}`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

const atLeast = (version: Version, major: number, minor: number) =>
  version.major > major || (version.major === major && version.minor >= minor);

/**
 * The Lua block of the README's Neovim section for this version: each block follows a line
 * naming the versions it is for, `Neovim 0.11 or later` or `Neovim 0.7 to 0.10`.
 */
function readmeConfigurationFor(version: Version): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Neovim'), readme.indexOf('### Helix'));
  const blocks = [...section.matchAll(/^Neovim (\d+)\.(\d+) (?:or later|to (\d+)\.(\d+))\b.*\n\n```lua\n([\s\S]*?)```/gm)];
  assert.ok(blocks.length >= 2, 'the README has a Neovim configuration per range of versions');
  const fitting = blocks.find(([, major, minor, lastMajor, lastMinor]) => {
    const last = lastMajor === undefined ? undefined : { major: Number(lastMajor), minor: Number(lastMinor) };
    return atLeast(version, Number(major), Number(minor)) && (!last || atLeast(last, version.major, version.minor));
  });
  assert.ok(fitting, `the README has a configuration for Neovim ${version.major}.${version.minor}`);
  return fitting[5];
}

/** Waits for the server's diagnostics to settle on the expected rules, then writes them out and quits. */
const HARNESS = `
local expected = vim.split(os.getenv('KUBE_STATEFUL_EXPECTED'), ',')
local result = os.getenv('KUBE_STATEFUL_RESULT')
local function ours()
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
    if diagnostic.source == 'kube-stateful' then table.insert(found, diagnostic) end
  end
  return found
end
local function codes()
  local list = {}
  for _, diagnostic in ipairs(ours()) do table.insert(list, tostring(diagnostic.code)) end
  table.sort(list)
  return table.concat(list, ',')
end
local settled = vim.wait(120000, function() return codes() == table.concat(expected, ',') end, 100)
local diagnostics = {}
for _, d in ipairs(ours()) do
  table.insert(diagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, message = d.message, source = d.source, code = tostring(d.code) })
end
local clients = {}
for _, client in pairs(vim.lsp.buf_get_clients(0)) do table.insert(clients, client.name) end
local file = io.open(result, 'w')
file:write(vim.fn.json_encode({ settled = settled, clients = clients, diagnostics = diagnostics }))
file:close()
vim.cmd('qa!')
`;

describe('Neovim with the README configuration', () => {
  let folder: string;
  let workspace: string;
  let version: Version;
  let outcome: { settled: boolean; clients: string[]; diagnostics: NeovimDiagnostic[] };
  let log: string;

  before(() => {
    assert.ok(existsSync(SERVER), `${path.relative(ROOT, SERVER)} is missing: run 'npm run build' first.`);
    expectNeovim();
    version = neovimVersion();
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-neovim-'));
    workspace = path.join(folder, 'workspace');
    cpSync(FIXTURE, workspace, { recursive: true });
    mkdirSync(path.join(workspace, '.git'));
    // The name the README uses, as `npm install --global` would put it on the PATH.
    const bin = path.join(folder, 'bin');
    mkdirSync(bin);
    const command = path.join(bin, 'kube-stateful-language-server');
    writeFileSync(command, `#!/bin/sh\nexec "${process.execPath}" "${SERVER}" "$@"\n`);
    chmodSync(command, 0o755);
    writeFileSync(path.join(folder, 'init.lua'), readmeConfigurationFor(version));
    writeFileSync(path.join(folder, 'harness.lua'), HARNESS);
    const result = path.join(folder, 'result.json');
    const args = ['--headless', '-n', '-i', 'NONE', '-u', path.join(folder, 'init.lua')];
    const run = spawnSync(
      'nvim',
      [...args, '-c', `luafile ${path.join(folder, 'harness.lua')}`, 'statefulset.yaml'],
      {
        cwd: workspace,
        encoding: 'utf8',
        // A guard against a hung editor, not a measure of speed.
        timeout: 300_000,
        env: {
          ...process.env,
          PATH: `${bin}${path.delimiter}${process.env.PATH}`,
          XDG_CONFIG_HOME: path.join(folder, 'config'),
          XDG_DATA_HOME: path.join(folder, 'data'),
          XDG_STATE_HOME: path.join(folder, 'state'),
          XDG_CACHE_HOME: path.join(folder, 'cache'),
          KUBE_STATEFUL_EXPECTED: EXPECTED_RULES.join(','),
          KUBE_STATEFUL_RESULT: result,
        },
      },
    );
    log = `nvim exited with ${run.status ?? run.signal}${run.error ? ` (${run.error.message})` : ''}\n${run.stdout}\n${run.stderr}`;
    assert.ok(existsSync(result), `Neovim wrote no result. ${log}`);
    outcome = JSON.parse(readFileSync(result, 'utf8'));
  });

  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('attaches the kube_stateful client to the YAML buffer', () => {
    assert.deepEqual(outcome.clients, ['kube_stateful'], log);
  });

  it('receives the diagnostics of the StatefulSet, found with the Service of the other file', () => {
    assert.ok(outcome.settled, `last diagnostics: ${JSON.stringify(outcome.diagnostics)} ${log}`);
    assert.deepEqual(outcome.diagnostics.map((diagnostic) => diagnostic.code).sort(), EXPECTED_RULES);
    assert.ok(outcome.diagnostics.every((diagnostic) => diagnostic.source === 'kube-stateful'));
  });

  it('applies the settings of the configuration: the rule it turns off is not reported', () => {
    assert.ok(!outcome.diagnostics.some((diagnostic) => diagnostic.code === DISABLED_RULE));
  });

  it('places each diagnostic on its text, with its severity', () => {
    const lines = readFileSync(path.join(FIXTURE, 'statefulset.yaml'), 'utf8').split('\n');
    const at = (code: string) => {
      const diagnostic = outcome.diagnostics.find((candidate) => candidate.code === code)!;
      return { text: lines[diagnostic.lnum].slice(diagnostic.col, diagnostic.end_col), severity: diagnostic.severity };
    };
    // vim.diagnostic.severity: 1 ERROR, 2 WARN, 3 INFO.
    assert.deepEqual(at('service-not-headless'), { text: 'orders-db', severity: 1 });
    assert.deepEqual(at('inline-secret'), { text: 'hunter2-hunter2', severity: 2 });
    assert.equal(at('anti-affinity-missing').severity, 3);
    const headless = outcome.diagnostics.find((diagnostic) => diagnostic.code === 'service-not-headless')!;
    assert.match(headless.message, /^Service 'orders-db' \(namespace 'default'\) is not headless/);
  });

  it('uses the configuration the README gives for this version', () => {
    const configuration = readmeConfigurationFor(version);
    assert.match(configuration, /'kube-stateful-language-server', '--stdio'/);
    assert.match(configuration, atLeast(version, 0, 11) ? /vim\.lsp\.enable/ : /vim\.lsp\.start_client/);
  });
});
