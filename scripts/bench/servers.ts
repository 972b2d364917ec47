// The two language servers the benchmark times, and what each needs to run: ours from dist/,
// yaml-language-server from node_modules on the Node 24 that the editor tests cache.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigurationItem } from 'vscode-languageserver-protocol/node';
import { CODE_SERVER_VERSION } from '../../test/e2e/environment';
import { fileUri, type ServerCommand } from './lsp-session';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** The Node 24 that test/e2e/environment.ts installs for code-server; yaml-language-server needs Node 22 or later. */
export const NODE_24 = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node', 'node_modules', 'node', 'bin', 'node');
const YAML_LANGUAGE_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

/**
 * yaml-language-server waits this long after each open or change before validating, and has
 * no setting for it (`validationDelayMs` in its SettingsState); ours is set to wait 0 ms.
 */
export const YAML_LANGUAGE_SERVER_DELAY_MS = 200;

export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

export function ourServer(): ServerCommand {
  return {
    name: 'kube-stateful',
    executable: process.execPath,
    args: [SERVER, '--stdio'],
    configuration: (item) => (item.section === 'kubeStateful' ? { validation: { delay: 0 } } : null),
  };
}

/** Why yaml-language-server cannot be timed here, or undefined when it can. */
export function yamlLanguageServerMissing(): string | undefined {
  if (!existsSync(NODE_24)) {
    return `Node 24 is not at ${path.relative(ROOT, NODE_24)}: run the editor tests once (node scripts/run-tests.mjs --e2e) to install it.`;
  }
  if (!existsSync(YAML_LANGUAGE_SERVER)) return 'yaml-language-server is not installed: run npm install.';
  return undefined;
}

export function nodeVersion(executable: string): string {
  return execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim();
}

/**
 * yaml-language-server with our exported schema for the files matching `fileGlobs`, validation
 * on, hover and completion at their defaults, and nothing fetched from the network: no schema
 * store, no Kubernetes CRD store.
 */
export function yamlLanguageServer(schemaFile: string, fileGlobs: string[]): ServerCommand {
  const yaml = {
    schemas: { [fileUri(schemaFile)]: fileGlobs },
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    format: { enable: false },
  };
  const sections: Record<string, unknown> = {
    yaml,
    http: { proxy: '', proxyStrictSSL: false },
    '[yaml]': {},
    editor: { tabSize: 2, insertSpaces: true, detectIndentation: true },
  };
  return {
    name: 'yaml-language-server',
    executable: NODE_24,
    args: [YAML_LANGUAGE_SERVER, '--stdio'],
    configuration: (item: ConfigurationItem) => sections[item.section ?? ''] ?? null,
  };
}

/** Writes our JSON Schema with `kube-stateful schema`, as a user would to give it to other tools. */
export function exportSchema(file: string): void {
  execFileSync(process.execPath, [CLI, 'schema', '--out', file], { stdio: 'ignore' });
}
