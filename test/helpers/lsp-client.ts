import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

/**
 * A minimal LSP client driving the built server over stdio, as an editor would. It answers
 * `workspace/configuration` with the given settings and records published diagnostics, and
 * everything the server writes to the output channel: log messages, traces and stderr.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly logs: string[] = [];
  /** `$/logTrace` messages, sent once the client asks for them with `$/setTrace`. */
  readonly traces: string[] = [];
  /** `window/showMessage` notifications: what an editor pops up. */
  readonly messages: { type: number; message: string }[] = [];
  stderr = '';
  private readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every diagnostics publication, in the order the server sent them. */
  readonly publications: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(private settings: Record<string, unknown> = { validation: { delay: 0 } }) {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => this.settings),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onNotification('$/logTrace', (params: { message: string; verbose?: string }) => {
      this.traces.push(params.verbose ? `${params.message}\n${params.verbose}` : params.message);
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publications.push(params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.listen();
  }

  /**
   * `capabilities` adds to what the client announces, such as the workspace edits it can apply;
   * `indexTimeoutMs` is how long the workspace's YAML files may take to index;
   * `initializationOptions` is what the extension passes, such as its storage folder.
   */
  async initialize(workspaceFolder?: string, capabilities: ClientCapabilities = {}, indexTimeoutMs = 15_000, initializationOptions?: unknown): Promise<InitializeResult> {
    const folders = workspaceFolder ? [{ uri: fileUri(workspaceFolder), name: path.basename(workspaceFolder) }] : null;
    const result: InitializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri: folders?.[0].uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        ...capabilities,
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          ...capabilities.workspace,
        },
        textDocument: { publishDiagnostics: { relatedInformation: true }, ...capabilities.textDocument },
      },
    });
    await this.connection.sendNotification('initialized', {});
    await this.waitForLog(/Indexed \d+ YAML files/, indexTimeoutMs);
    return result;
  }

  /** Answers `workspace/configuration` with `settings` from now on, and tells the server they changed. */
  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubeStateful: settings } });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
  }

  replace(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Waits until the diagnostics published for `uri` satisfy `accept`, and returns them. */
  async diagnosticsFor(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const published = this.diagnostics.get(uri)?.diagnostics;
      if (published && accept(published)) return published;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`Diagnostics for ${uri} never matched; last published: ${JSON.stringify(published ?? null)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.logs.some((line) => pattern.test(line))) {
      if (Date.now() > deadline) throw new Error(`No log line matched ${pattern}; logs: ${this.logs.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits for a `window/showMessage` whose text matches, and returns it. */
  async waitForMessage(pattern: RegExp, timeoutMs = 15_000): Promise<{ type: number; message: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((message) => pattern.test(message.message));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No message matched ${pattern}; messages: ${this.messages.map((message) => message.message).join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The diagnostics last published for `uri`, with the document version they are for. */
  published(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  get exitCode(): number | null {
    return this.process.exitCode;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  /** Asks the server to exit as an editor would; one that does not answer in time is killed. */
  async shutdown(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    const polite = (async () => {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
      await exited;
    })();
    const deadline = new Promise((resolve) => setTimeout(resolve, 3000).unref());
    await Promise.race([polite.catch(() => undefined), deadline]);
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill();
      await exited;
    }
    this.connection.dispose();
  }
}

export function fileUri(file: string): string {
  return URI.file(file).toString();
}

export const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((diagnostic) => String(diagnostic.code));
