import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Trace, type CodeAction, type CompletionItem, type Diagnostic, type Hover } from 'vscode-languageserver-protocol';
import { redactedTraceChannel } from '../client/src/redacted-trace';
import { runCli } from './server/cli/run-cli';
import { fileUri, TestClient } from './helpers/lsp-client';
import { FIXTURES } from './helpers/rule-tester';
import { EDITOR_CAPABILITIES } from './fuzz/sessions';
import { languageClientTracer, RecordingChannel } from './helpers/trace-channel';

const ROOT = path.join(__dirname, '..');

/*
 * The extension reads manifests full of credentials and runs inside editors that may open
 * untrusted folders. Its own code must reach no network, start no process or thread and
 * evaluate no code; and no credential may leave the manifest through anything it writes:
 * diagnostics, hovers, completions, code action titles, logs at any trace level, or the
 * command line's output.
 */

const SOURCE_FOLDERS = ['client/src', 'server/src'];
const FORBIDDEN_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'child_process', 'worker_threads', 'cluster', 'vm'];

function sourcesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourcesIn(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a source names in an import, export, dynamic import or require. */
function modulesNamedIn(source: string): string[] {
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
}

/** Code run from text: `eval`, `new Function`, `Function(...)`. */
const EVALUATION = /\beval\s*\(|\bnew\s+Function\b|(?<![\w.])Function\s*\(/;

const forbidden = (specifier: string) => FORBIDDEN_MODULES.includes(specifier.replace(/^node:/, '').split('/')[0]);

describe('what the extension and the server may do', () => {
  it('recognises every way of reaching a module or evaluating text', () => {
    const sample = `import http from 'node:http';\nexport * from "net";\nconst c = require('child_process');\nawait import('worker_threads');\nimport 'dgram';\nimport type { X } from 'node:https';`;
    assert.deepEqual(modulesNamedIn(sample).filter(forbidden).sort(), ['child_process', 'dgram', 'net', 'node:http', 'node:https', 'worker_threads']);
    assert.ok(['eval(text)', 'new Function("x")', 'const f = Function("return 1")'].every((code) => EVALUATION.test(code)));
    assert.ok(!EVALUATION.test('evaluation(x); myFunction(x); defineFunction(); fn.Function(x)'));
  });

  it('imports no network, process or thread module, and evaluates no text as code', () => {
    const files = SOURCE_FOLDERS.flatMap((folder) => sourcesIn(path.join(ROOT, folder)));
    assert.ok(files.length > 50, 'the scan reads the sources');
    const offenders: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const specifier of modulesNamedIn(source).filter(forbidden)) offenders.push(`${path.relative(ROOT, file)} imports ${specifier}`);
      if (EVALUATION.test(source)) offenders.push(`${path.relative(ROOT, file)} evaluates text`);
    }
    assert.deepEqual(offenders, []);
  });

  it('is safe in untrusted workspaces: no setting names a program, and the client starts only its own server', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual(settings.filter((name) => /path|command|executable|program|binary|runtime|args|env|node|script|plugin/i.test(name)), []);
    // The server is the extension's own bundle: on the desktop started as a Node module, in the
    // browser run in-process from the same bundle as the client; no executable is configured.
    const starters = sourcesIn(path.join(ROOT, 'client', 'src')).filter((file) => readFileSync(file, 'utf8').includes('new LanguageClient('));
    assert.deepEqual(starters.map((file) => path.relative(ROOT, file).split(path.sep).join('/')).sort(), ['client/src/language-client.ts', 'client/src/web-language-client.ts']);
    const [desktop, web] = starters.sort().map((file) => readFileSync(file, 'utf8'));
    assert.match(desktop!, /const module = context\.asAbsolutePath\(path\.join\('dist', 'server\.js'\)\);/);
    assert.match(web!, /import \{ startWebServer \} from '\.\.\/\.\.\/server\/src\/web-server';/);
    for (const starter of [desktop!, web!]) assert.doesNotMatch(starter, /\bcommand\s*:|getConfiguration|new Worker/);
  });
});

/** Each planted credential, unique in the fixtures; none may appear, even in part, in what is shown or logged. */
const CREDENTIALS = [
  'Zr8pK3mW6tQ9vB2x',
  'Jm6tY3kP8wQ2xV5b',
  'Qv7rX2mP9kLw4ZtB8nHs',
  'eyJzdWIiOiJ6cTdrMiJ9.Tm9wZVNpZ25hdHVyZTk4Nw',
  'Hk3vN8qL2wR5',
  'AKIAZ7QW3ER5TY8UI2OP',
  'gT4kW9pX2vB7nQ5mZ8rY',
  '83920193847561029384',
  'Bn4mK8lJ2hG6fD1s',
  'Lp2sD9fG4hJ7kQ1w',
  'MIIBPAIBAAJBANw7xK2pR9vT4mQ8zL3yH6jF1sD5aG0eB7cN2uV9iW4oX8tY3rE1',
  'Wn5cF8hJ2kM7pR4t',
  'VHE5eFc0ek43Y1Yyakw2aA==',
  'Tq9xW4zN7cV2jL6h',
  'Xb3nM7qT9wK2',
  'Pq4wE7rT2yU9iO3p',
  'Yc6uI1oP5aS8dF3g',
  'Rt5yU8iO2pA6sD9f',
];
const FRAGMENT = 6;

/** Where any planted credential, or any six characters of one, shows in `output`. */
function leaksIn(output: string): string[] {
  const leaks: string[] = [];
  for (const credential of CREDENTIALS) {
    for (let start = 0; start + FRAGMENT <= credential.length; start++) {
      const fragment = credential.slice(start, start + FRAGMENT);
      const at = output.indexOf(fragment);
      if (at >= 0) {
        leaks.push(`'${fragment}' of a credential in: …${output.slice(Math.max(0, at - 80), at + 40)}…`);
        break;
      }
    }
  }
  return leaks;
}

/** Positions a user hovers and completes at: each key, each value's start and middle, each line's end. */
function positionsOf(text: string): { line: number; character: number }[] {
  return text.split('\n').flatMap((line, index) => {
    const key = line.search(/\S/);
    const colon = line.indexOf(': ');
    const value = colon >= 0 ? colon + 2 : key;
    return [...new Set([key, value, Math.floor((value + line.length) / 2), line.length])]
      .filter((character) => character >= 0)
      .map((character) => ({ line: index, character }));
  });
}

describe('credentials in the workspace', () => {
  let folder: string;
  let client: TestClient;
  const shown: string[] = [];

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-credentials-'));
    cpSync(path.join(FIXTURES, 'security', 'workspace'), folder, { recursive: true });
    client = new TestClient();
    await client.initialize(folder, EDITOR_CAPABILITIES);
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('the fixtures plant every credential, and the checks see them in the text', () => {
    const texts = readdirSync(folder).map((name) => readFileSync(path.join(folder, name), 'utf8')).join('\n');
    const decoded = Buffer.from('VHE5eFc0ek43Y1Yyakw2aA==', 'base64').toString();
    for (const credential of CREDENTIALS) assert.ok(texts.includes(credential) || decoded === credential, credential);
    assert.equal(leaksIn(texts).length, CREDENTIALS.length - 1);
  });

  it('appear in no diagnostic, hover, completion, code action title or log line of the server, with tracing on', async () => {
    let requests = 0;
    for (const name of readdirSync(folder)) {
      const uri = fileUri(path.join(folder, name));
      const text = readFileSync(path.join(folder, name), 'utf8');
      await client.open(uri, text);
      const diagnostics: Diagnostic[] = await client.diagnosticsFor(uri, () => true);
      shown.push(JSON.stringify(diagnostics));
      for (const position of positionsOf(text)) {
        const textDocument = { uri };
        const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument, position });
        const items = await client.connection.sendRequest<CompletionItem[] | null>('textDocument/completion', { textDocument, position });
        shown.push(JSON.stringify(hover), JSON.stringify(items));
        requests += 2;
      }
      for (const diagnostic of diagnostics) {
        for (const only of [undefined, ['source.fixAll.kube-stateful']]) {
          const params = { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } };
          const actions = (await client.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', params)) ?? [];
          for (const listed of actions) {
            const action = listed.edit || !listed.data ? listed : await client.connection.sendRequest<CodeAction>('codeAction/resolve', listed);
            shown.push(action.title, JSON.stringify(action.diagnostics ?? []));
            // Moving a credential to a Secret writes it into the Secret: only that edit may carry it.
            if (!/^Move .* to Secret/.test(action.title)) shown.push(JSON.stringify(action.edit ?? null));
          }
        }
      }
    }
    const output = [...shown, ...client.logs, ...client.traces, client.stderr].join('\n');
    assert.ok(requests > 300, 'hovers and completions all over the files');
    assert.ok(output.includes('inline-secret') && /"title":|Move /.test(output), 'the credentials were found, reported and offered fixes');
    assert.deepEqual(leaksIn(output), []);
  });

  it('appear nowhere in the command line output, as text or JSON', () => {
    for (const format of ['text', 'json']) {
      const run = runCli(['lint', '--format', format, '.'], folder);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /inline-secret/);
      assert.deepEqual(leaksIn(run.stdout + run.stderr), [], format);
    }
  });
});

describe('credentials in the VS Code client’s protocol trace', () => {
  let folder: string;
  let client: TestClient;
  // The trace as the protocol carries it, and as the extension's trace channel writes it.
  const raw = new RecordingChannel();
  const written = new RecordingChannel();

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-trace-'));
    cpSync(path.join(FIXTURES, 'security', 'workspace'), folder, { recursive: true });
    client = new TestClient();
    const redacted = redactedTraceChannel(written);
    const both = {
      trace: (entry: string) => {
        raw.trace(entry);
        redacted.trace(entry);
      },
    };
    await client.connection.trace(Trace.Verbose, languageClientTracer(both));
    await client.initialize(folder, EDITOR_CAPABILITIES);
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('appear in no entry of the verbose trace: not in the documents sent, nor in the fixes received', async () => {
    for (const name of readdirSync(folder)) {
      const uri = fileUri(path.join(folder, name));
      const text = readFileSync(path.join(folder, name), 'utf8');
      await client.open(uri, text);
      await client.replace(uri, `${text}\n`, 2);
      const diagnostics = await client.diagnosticsFor(uri, () => client.published(uri)?.version === 2);
      for (const diagnostic of diagnostics) {
        const params = { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
        for (const action of (await client.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', params)) ?? []) {
          if (action.data) await client.connection.sendRequest('codeAction/resolve', action);
        }
      }
    }
    const resolvedMoves = raw.lines.filter((entry) => entry.startsWith("Received response 'codeAction/resolve") && entry.includes('"title": "Move '));
    assert.ok(leaksIn(resolvedMoves.join('\n')).length > 0, 'the resolved moves carry credentials on the wire');
    assert.equal(leaksIn(raw.lines.join('\n')).length, CREDENTIALS.length - 1, 'the documents sent carry every credential');
    assert.equal(written.lines.length, raw.lines.length);
    const trace = written.lines.join('\n');
    assert.deepEqual(leaksIn(trace), []);
    // Still a trace to debug with: every message, its timing, and the files it is about.
    for (const name of readdirSync(folder)) assert.ok(trace.includes(fileUri(path.join(folder, name))), name);
    assert.match(trace, /Sending notification 'textDocument\/didOpen'/);
    assert.match(trace, /Received response 'codeAction\/resolve - \(\d+\)' in \d+ms/);
    assert.match(trace, /"title": "Move '/);
  });
});
