import fc from 'fast-check';
import type { ClientCapabilities, CodeAction, CompletionItem, Diagnostic, Hover, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { buildAll } from '../../server/src/engine/kustomize/workspace-builds';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { TestClient } from '../helpers/lsp-client';
import { rangeProblem } from './engine-check';
import { arbitraryText, manifestText, mutatedSeed } from './inputs';
import type { Seed } from './seeds';

/*
 * Random editing sessions against the built server over stdio: documents opened, edited (whole
 * or in pieces), closed, and hovered, completed and fixed in between. The server must answer
 * every request, log no failure, stay up, and end with the diagnostics a fresh analysis of the
 * final texts gives.
 */

export type Change = { full: string } | { at: number; remove: number; text: string };

export type Operation =
  | { kind: 'open'; file: number; text: string }
  | { kind: 'change'; file: number; changes: Change[] }
  | { kind: 'close'; file: number }
  | { kind: 'hover' | 'completion' | 'codeAction' | 'fixAll'; file: number; at: number };

/** The names give the files their roles: a kustomization lists the StatefulSet file as a patch. */
const FILE_NAMES = ['statefulset.yaml', 'service.yaml', 'kustomization.yaml'];
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - service.yaml\npatches:\n  - path: statefulset.yaml\n';
/**
 * A request, or the diagnostics after the last edit, that takes longer than this counts as a
 * hang: far above what a loaded machine adds, since speed is for the benchmarks to measure.
 */
const ANSWER_TIMEOUT_MS = 60_000;

/** What VS Code announces for the features the sessions use. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
  textDocument: {
    completion: { completionItem: { snippetSupport: true } },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
};

export function sessionArbitrary(seeds: readonly Seed[]): fc.Arbitrary<Operation[]> {
  const file = fc.nat({ max: FILE_NAMES.length - 1 });
  const text = fc.oneof(
    { weight: 3, arbitrary: manifestText },
    { weight: 3, arbitrary: mutatedSeed(seeds).map(({ text: mutated }) => mutated) },
    { weight: 1, arbitrary: arbitraryText },
    { weight: 1, arbitrary: fc.constant(KUSTOMIZATION) },
  );
  const typed = fc.oneof(fc.constantFrom('\n', ' ', ':', '- ', '  ', 'a', 'serviceName: web', '{', '"', '\t', '\r\n'), fc.string({ maxLength: 4 }));
  const change: fc.Arbitrary<Change> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), text: typed }) },
    { weight: 1, arbitrary: fc.record({ full: text }) },
  );
  const operation: fc.Arbitrary<Operation> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('open' as const), file, text }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('change' as const), file, changes: fc.array(change, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), file }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('hover' as const, 'completion' as const, 'codeAction' as const, 'fixAll' as const), file, at: fc.nat() }) },
  );
  return fc.array(operation, { minLength: 1, maxLength: 10 });
}

/** A client with code action literals only: edits come as plain `changes`, with no resolve step. */
export const PLAIN_CAPABILITIES: ClientCapabilities = {
  textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } },
};

/** One server process for many sessions, started again if it ever dies so that each session is judged alone. */
export class SessionServer {
  private client: TestClient | undefined;
  private sessions = 0;

  constructor(
    private readonly settings: Record<string, unknown> = { validation: { delay: 0 } },
    private readonly capabilities: ClientCapabilities = EDITOR_CAPABILITIES,
  ) {}

  async current(): Promise<TestClient> {
    if (this.client && this.client.exitCode === null) return this.client;
    this.client = new TestClient(this.settings);
    await this.client.initialize(undefined, this.capabilities);
    return this.client;
  }

  /** A folder no other session used, so that sessions sharing a server do not see each other's files. */
  nextFolder(): string {
    return `file:///fuzz/session-${++this.sessions}`;
  }

  get pid(): number | undefined {
    return this.client?.pid;
  }

  async dispose(): Promise<void> {
    await this.client?.shutdown();
  }
}

export class SessionFailure extends Error {}

/** Plays a session and checks what the server answered; throws a SessionFailure with the reason. */
export async function runSession(server: SessionServer, operations: readonly Operation[]): Promise<void> {
  const client = await server.current();
  const folder = server.nextFolder();
  const uris = FILE_NAMES.map((name) => `${folder}/${name}`);
  const documents = new Map<string, TextDocument>();
  // A reopened document continues its versions, as editors number them: with a fresh 1, the
  // diagnostics of the text before the close would pass for those of the text after it.
  const lastVersions = new Map<string, number>();
  const logsBefore = client.logs.length;
  for (const operation of operations) {
    const uri = uris[operation.file];
    const document = documents.get(uri);
    switch (operation.kind) {
      case 'open':
      case 'change': {
        // Each change applies to the text the previous one left, on both sides alike.
        if (document && operation.kind === 'change') {
          const changes = operation.changes.map((change) => contentChange(document, change));
          const next = TextDocument.update(document, changes, document.version + 1);
          documents.set(uri, next);
          lastVersions.set(uri, next.version);
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
          break;
        }
        // Opening an open document replaces its text; changing a closed one opens it.
        const text = operation.kind === 'open' ? operation.text : fullTextOf(operation.changes);
        const next = TextDocument.create(uri, 'yaml', (lastVersions.get(uri) ?? 0) + 1, text);
        documents.set(uri, next);
        lastVersions.set(uri, next.version);
        if (document) {
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [{ text }] });
        } else {
          await client.open(uri, text, next.version);
        }
        break;
      }
      case 'close':
        if (!document) break;
        documents.delete(uri);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        break;
      default:
        await request(client, operation, uri, document);
    }
  }
  await settled(client, documents);
  const failures = client.logs.slice(logsBefore).filter((line) => /failed|Unexpected error/.test(line));
  if (failures.length > 0) throw new SessionFailure(`the server logged a failure: ${failures.join('\n')}`);
  compareDiagnostics(client, documents);
  for (const uri of uris.filter((candidate) => !documents.has(candidate))) {
    const left = client.published(uri)?.diagnostics ?? [];
    if (left.length > 0) throw new SessionFailure(`${uri} is closed but keeps ${left.length} diagnostics`);
  }
  for (const uri of documents.keys()) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  if (client.exitCode !== null) throw new SessionFailure(`the server exited with code ${client.exitCode}`);
}

function fullTextOf(changes: readonly Change[]): string {
  const full = changes.find((change): change is { full: string } => 'full' in change);
  return full?.full ?? changes.map((change) => ('text' in change ? change.text : '')).join('');
}

function contentChange(document: TextDocument, change: Change) {
  if ('full' in change) return { text: change.full };
  const text = document.getText();
  const start = change.at % (text.length + 1);
  const end = Math.min(start + change.remove, text.length);
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: change.text };
}

async function request(client: TestClient, operation: Extract<Operation, { at: number }>, uri: string, document: TextDocument | undefined): Promise<void> {
  const text = document?.getText() ?? '';
  const position = document ? document.positionAt(operation.at % (text.length + 1)) : { line: 0, character: 0 };
  const textDocument = { uri };
  const label = `${operation.kind} at ${position.line}:${position.character} of ${uri}`;
  switch (operation.kind) {
    case 'hover': {
      const hover = await answer<Hover | null>(client.connection.sendRequest('textDocument/hover', { textDocument, position }), label);
      if (hover?.range && document) expectInside(text, hover.range, label);
      return;
    }
    case 'completion': {
      const triggered = operation.at % 3 === 0;
      const context = triggered ? { triggerKind: 2, triggerCharacter: ' ' } : { triggerKind: 1 };
      const items = await answer<CompletionItem[] | null>(client.connection.sendRequest('textDocument/completion', { textDocument, position, context }), label);
      for (const item of items ?? []) {
        const edit = item.textEdit;
        if (edit && 'range' in edit && document) expectInside(text, edit.range, `${label}, item ${item.label}`);
      }
      return;
    }
    default: {
      const diagnostics: Diagnostic[] = client.published(uri)?.diagnostics ?? [];
      const range: Range = diagnostics[operation.at % Math.max(diagnostics.length, 1)]?.range ?? { start: position, end: position };
      const only = operation.kind === 'fixAll' ? ['source.fixAll.kube-stateful'] : undefined;
      const params = { textDocument, range, context: { diagnostics: diagnostics.filter((diagnostic) => overlaps(diagnostic.range, range)), only } };
      const actions = await answer<CodeAction[] | null>(client.connection.sendRequest('textDocument/codeAction', params), label);
      for (const action of actions ?? []) {
        if (action.edit || !action.data) continue;
        const resolved = await answer<CodeAction>(client.connection.sendRequest('codeAction/resolve', action), `resolve '${action.title}'`);
        if (!resolved?.title) throw new SessionFailure(`resolve '${action.title}' gave no action`);
      }
    }
  }
}

/** A request's answer, or a failure when it errs or does not come. */
async function answer<T>(pending: Promise<unknown>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SessionFailure(`${label} got no answer in ${ANSWER_TIMEOUT_MS / 1000} s: the server hangs`)), ANSWER_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([pending, timeout])) as T;
  } catch (error) {
    throw error instanceof SessionFailure ? error : new SessionFailure(`${label} failed: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until each open document has diagnostics for its last version, then for everything sent before. */
async function settled(client: TestClient, documents: Map<string, TextDocument>): Promise<void> {
  for (const [uri, document] of documents) {
    const pending = client.diagnosticsFor(uri, () => client.published(uri)?.version === document.version, ANSWER_TIMEOUT_MS);
    await pending.catch(() => {
      throw new SessionFailure(`no diagnostics for version ${document.version} of ${uri}; last for ${client.published(uri)?.version}`);
    });
  }
  // Dependent files are published right after the file that changed; a round trip flushes them.
  await answer(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:barrier' }, position: { line: 0, character: 0 } }), 'barrier');
}

/** The server's last diagnostics against a fresh analysis and build of the open texts: same rules, ranges and messages. */
function compareDiagnostics(client: TestClient, documents: Map<string, TextDocument>): void {
  const workspace = new Workspace();
  for (const [uri, document] of documents) workspace.set(uri, document.getText());
  // The server builds the kustomizations among the files; so must the reference.
  buildAll(workspace);
  for (const uri of documents.keys()) {
    const expected = analyze(workspace, uri).map((finding) => summary(finding.ruleId, finding.range, finding.message));
    const actual = (client.published(uri)?.diagnostics ?? []).map((diagnostic) => summary(String(diagnostic.code), diagnostic.range, typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value));
    const [want, got] = [expected.sort().join('\n'), actual.sort().join('\n')];
    if (want !== got) throw new SessionFailure(`diagnostics of ${uri} differ from a fresh analysis\nexpected:\n${want}\nactual:\n${got}`);
  }
}

function summary(ruleId: string, range: Range, message: string): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${ruleId} ${message}`;
}

function expectInside(text: string, range: Range, label: string): void {
  const problem = rangeProblem(text, range);
  if (problem) throw new SessionFailure(`${label}: ${problem}`);
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
