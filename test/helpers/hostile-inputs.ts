import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './lsp-client';
import { FIXTURES } from './rule-tester';

/*
 * The hostile and odd files of issue 9, as an editor opens them in the server: the protocol
 * tests assert what the server answers to each, and `npm run hostile-report` measures the time
 * and memory it takes.
 */

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
export const STATEFULSET = fixture('rules/service-name-missing/no-service-name.yaml');
const HEADLESS_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n';
/** The StatefulSet, governed by the Service named `web`. */
const GOVERNED_STATEFULSET = STATEFULSET.replace('spec:\n', 'spec:\n  serviceName: web\n');

/** The same bytes on every run, spread over all 256 values. */
export function pseudoRandomBytes(length: number): Buffer {
  const blocks = Array.from({ length: Math.ceil(length / 32) }, (_, index) => createHash('sha256').update(String(index)).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

/** A file the editor opens, with the files beside it on disk that the server indexes first. */
export interface HostileInput {
  /** What the input is, in a sentence fragment. */
  title: string;
  /** The text the editor sends; built when needed, since some are large. */
  text: () => string;
  disk?: () => Record<string, string | Buffer>;
  /** The opened file's name in its folder. */
  name?: string;
}

const billionLaughs = () => {
  const levels = Array.from({ length: 9 }, (_, level) => `  l${level + 1}: &l${level + 1} [${Array(9).fill(`*l${level}`).join(', ')}]`);
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  l0: &l0 lol', ...levels].join('\n') + '\n';
};

const invalidUtf8Service = () => {
  const [head, tail] = HEADLESS_SERVICE.split('spec:');
  return Buffer.concat([Buffer.from(`${head}  annotations:\n    note: "`), Buffer.from([0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80]), Buffer.from(`"\nspec:${tail}`)]);
};

/** A Service in flow style, which a byte order mark shifts on its only line. */
export const FLOW_SERVICE = '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}}}\n';

const prod = 'kustomize/overlays/prod';

/** The governed StatefulSet with `count` environment variables in its only container, the last field of the text. */
function manyEnvironmentVariables(count: number, variable: (index: number) => { name: string; value: string }): string {
  const entries = Array.from({ length: count }, (_, index) => {
    const { name, value } = variable(index);
    return `            - name: ${name}\n              value: "${value}"\n`;
  });
  return `${GOVERNED_STATEFULSET.trimEnd()}\n          env:\n${entries.join('')}`;
}

export const ENV_VARIABLE_COUNT = 20_000;

export const HOSTILE_INPUTS = {
  ordinary: { title: 'an ordinary StatefulSet with its Service, for comparison', text: () => GOVERNED_STATEFULSET, disk: () => ({ 'service.yaml': HEADLESS_SERVICE }) },
  billionLaughs: { title: 'an alias expansion bomb ("billion laughs": 9 levels of 9 aliases)', text: billionLaughs },
  flowNesting: { title: '100,000 levels of flow nesting after a StatefulSet', text: () => `${STATEFULSET}---\nspec: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` },
  blockNesting: { title: '100,000 levels of block nesting after a StatefulSet', text: () => `${STATEFULSET}---\nspec:\n${'- '.repeat(100_000)}x\n` },
  huge: { title: 'a 50 MB file', text: () => `${STATEFULSET}data: ${'x'.repeat(50 * 1024 * 1024)}\n` },
  binary: { title: 'binary content (256 KB of random bytes)', text: () => pseudoRandomBytes(256 * 1024).toString('latin1') },
  invalidUtf8OnDisk: {
    title: 'invalid UTF-8 and binary files on disk, beside a StatefulSet',
    text: () => GOVERNED_STATEFULSET,
    disk: () => ({ 'service.yaml': invalidUtf8Service(), 'binary.yaml': pseudoRandomBytes(64 * 1024) }),
  },
  controlCharacters: { title: 'lone surrogates, NUL and control characters', text: () => `${STATEFULSET}x: "\ud800 \udfff \u0000 \u0007 \uffff"\n\u0000: \u0001\n` },
  byteOrderMark: { title: 'a UTF-8 byte order mark, in a Service on disk', text: () => GOVERNED_STATEFULSET, disk: () => ({ 'service.yaml': `\ufeff${FLOW_SERVICE}` }) },
  crlf: { title: 'CRLF line endings, in a kind: List', text: () => fixture('hostile-input/list-of-objects.yaml').replace(/\n/g, '\r\n') },
  tabs: { title: 'tabs in indentation', text: () => fixture('hostile-input/tab-indentation.yaml') },
  yaml11: { title: 'YAML 1.1 booleans and octals', text: () => fixture('hostile-input/yaml-1.1-scalars.yaml'), disk: () => ({ 'service.yaml': HEADLESS_SERVICE }) },
  mergeKeys: { title: 'merge keys into containers', text: () => fixture('hostile-input/merged-container.yaml') },
  sharedAnchor: { title: 'an anchor shared by the items of a List', text: () => fixture('hostile-input/list-items-sharing-an-anchor.yaml') },
  duplicateDocuments: { title: 'duplicate documents', text: () => fixture('hostile-input/duplicate-documents.yaml') },
  list: { title: 'a kind: List', text: () => fixture('hostile-input/list-of-objects.yaml') },
  flowStyle: { title: 'flow-style (JSON-like) YAML', text: () => fixture('hostile-input/json-style.yaml') },
  manyCredentials: {
    title: `one StatefulSet with ${ENV_VARIABLE_COUNT.toLocaleString('en')} env vars, each an inline credential`,
    text: () => manyEnvironmentVariables(ENV_VARIABLE_COUNT, (index) => ({ name: `DB_PASSWORD_${index}`, value: `Xk9mP2vL7qR4nT8w${index}` })),
    disk: () => ({ 'service.yaml': HEADLESS_SERVICE }),
  },
  manyPlainVariables: {
    title: `one StatefulSet with ${ENV_VARIABLE_COUNT.toLocaleString('en')} plain env vars`,
    text: () => manyEnvironmentVariables(ENV_VARIABLE_COUNT, (index) => ({ name: `SETTING_${index}`, value: `plain-${index}` })),
    disk: () => ({ 'service.yaml': HEADLESS_SERVICE }),
  },
  helm: { title: 'a Helm template', text: () => fixture('rules/helm-template/chart-template.yaml') },
  kustomizePatch: {
    title: 'a Kustomize patch',
    text: () => fixture(`${prod}/statefulset-patch.yaml`),
    disk: () => ({ 'kustomization.yaml': fixture(`${prod}/kustomization.yaml`) }),
    name: 'statefulset-patch.yaml',
  },
} satisfies Record<string, HostileInput>;

/** Resident and peak memory of a process, in MB, as /proc reports them. */
export function memoryOf(pid: number | undefined): { rss: number; peak: number } {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s*(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kilobytes('VmRSS') / 1024), peak: Math.round(kilobytes('VmHWM') / 1024) };
}

/** What opening one input in a fresh server gave, and what it cost. */
export interface OpenedInput {
  client: TestClient;
  uri: string;
  bytes: number;
  diagnostics: Diagnostic[];
  /** From sending didOpen to receiving its publishDiagnostics. */
  milliseconds: number;
  /** The server's memory once it indexed its folder, before the input was opened. */
  idle: { rss: number; peak: number };
  used: { rss: number; peak: number };
}

/**
 * Opens an input in a fresh server over stdio, in a folder of its own, and waits for its
 * diagnostics; `done` shuts the server down and removes the folder.
 */
export async function openInFreshServer(input: HostileInput): Promise<OpenedInput & { done: () => Promise<void> }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-hostile-'));
  for (const [file, content] of Object.entries(input.disk?.() ?? {})) writeFileSync(path.join(folder, file), content);
  const client = new TestClient();
  await client.initialize(folder);
  const idle = memoryOf(client.pid);
  const uri = fileUri(path.join(folder, input.name ?? 'manifest.yaml'));
  const text = input.text();
  const started = performance.now();
  await client.open(uri, text);
  const diagnostics = await client.diagnosticsFor(uri, () => true, 60_000);
  const milliseconds = performance.now() - started;
  const used = memoryOf(client.pid);
  const done = async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  };
  return { client, uri, bytes: Buffer.byteLength(text), diagnostics, milliseconds, idle, used, done };
}
