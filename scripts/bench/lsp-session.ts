// Drives a language server over stdio as an editor would, for timing: which server is given by
// its command line and its answers to `workspace/configuration`, so that ours and
// yaml-language-server are timed by the same client.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type ConfigurationItem,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

export interface ServerCommand {
  /** The name the results give this server. */
  name: string;
  executable: string;
  args: string[];
  /** The value of one requested configuration section. */
  configuration(item: ConfigurationItem): unknown;
}

interface Publication {
  version: number | undefined;
  diagnostics: Diagnostic[];
  receivedAt: number;
}

/** An edit of part of a document, and the whole text once it is applied. */
export interface DocumentEdit {
  range: Range;
  text: string;
  document: string;
}

/** How long any awaited answer may take before the benchmark gives up on the server. */
const PATIENCE_MS = 180_000;

export function fileUri(file: string): string {
  return URI.file(file).toString();
}

export class LspSession {
  private readonly process: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly publications = new Map<string, Publication[]>();
  private readonly logs: { message: string; receivedAt: number }[] = [];
  /** When each tracked notification arrived, by method. */
  private readonly notices = new Map<string, number[]>();
  private readonly versions = new Map<string, number>();
  private readonly wake = new Set<() => void>();
  private rangeEdits = false;
  private stderr = '';

  constructor(readonly command: ServerCommand) {
    this.process = spawn(command.executable, command.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.process.on('exit', () => this.notify());
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: ConfigurationItem[] }) =>
      params.items.map((item) => command.configuration(item) ?? null),
    );
    // Registrations, progress tokens, refresh requests: accepted and otherwise ignored.
    this.connection.onRequest(() => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push({ message: params.message, receivedAt: performance.now() });
      this.notify();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.publications.get(params.uri) ?? [];
      list.push({ version: params.version, diagnostics: params.diagnostics, receivedAt: performance.now() });
      this.publications.set(params.uri, list);
      this.notify();
    });
    this.connection.listen();
  }

  /** Whether the server announced incremental sync, so that edits are sent as ranges. */
  get incremental(): boolean {
    return this.rangeEdits;
  }

  get pid(): number {
    return this.process.pid!;
  }

  /** Sends `initialize`; a folder makes it the one workspace folder; `initializationOptions` are what an extension passes. */
  async initialize(folder?: string, initializationOptions?: unknown): Promise<InitializeResult> {
    const folders = folder === undefined ? null : [{ uri: fileUri(folder), name: 'bench' }];
    const result: InitializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri: folders?.[0].uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true } },
      },
    });
    const sync = result.capabilities.textDocumentSync;
    this.rangeEdits = (typeof sync === 'object' ? sync.change : sync) === TextDocumentSyncKind.Incremental;
    return result;
  }

  /** Sends `initialized` and returns when it was sent. */
  async initialized(): Promise<number> {
    const sentAt = performance.now();
    await this.connection.sendNotification('initialized', {});
    return sentAt;
  }

  /** Keeps when each notification of `method` arrives, for `notifiedAfter`. */
  track(method: string): void {
    this.notices.set(method, []);
    this.connection.onNotification(method, () => {
      this.notices.get(method)!.push(performance.now());
      this.notify();
    });
  }

  /** When the first tracked notification of `method` after `time` arrived. */
  notifiedAfter(method: string, time: number): Promise<number> {
    return this.until(() => this.notices.get(method)?.find((receivedAt) => receivedAt >= time), `a ${method} notification`);
  }

  /** The first log message matching `pattern`, and when it arrived. */
  logMatching(pattern: RegExp): Promise<{ message: string; receivedAt: number }> {
    return this.until(() => this.logs.find((log) => pattern.test(log.message)), `a log line matching ${pattern}`);
  }

  /** Opens a document and returns the milliseconds until its diagnostics arrive. */
  async open(uri: string, text: string): Promise<{ elapsed: number; diagnostics: Diagnostic[] }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const sentAt = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    return this.diagnosticsAfter(uri, sentAt, version);
  }

  /**
   * Sends one edit, as a range when the server accepts incremental changes and as the whole
   * text otherwise, and returns the milliseconds until the document's diagnostics arrive.
   */
  async change(uri: string, edit: DocumentEdit): Promise<{ elapsed: number; diagnostics: Diagnostic[] }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const change = this.rangeEdits ? { range: edit.range, text: edit.text } : { text: edit.document };
    const sentAt = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return this.diagnosticsAfter(uri, sentAt, version);
  }

  /** Closes a document and waits for the server to clear its diagnostics. */
  async close(uri: string): Promise<void> {
    const sentAt = performance.now();
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await this.until(() => this.publications.get(uri)?.find((p) => p.receivedAt >= sentAt && p.diagnostics.length === 0), `cleared diagnostics for ${uri}`);
  }

  /**
   * The rule for "diagnostics arrived": the first publication for the document received after
   * the notification was sent, and, when the server gives versions, for this version or a later
   * one. Neither server publishes a partial result first, so the first such publication is the
   * complete answer to the change.
   */
  private async diagnosticsAfter(uri: string, sentAt: number, version: number): Promise<{ elapsed: number; diagnostics: Diagnostic[] }> {
    const publication = await this.until(
      () => this.publications.get(uri)?.find((p) => p.receivedAt >= sentAt && (p.version === undefined || p.version >= version)),
      `diagnostics for version ${version} of ${uri}`,
    );
    this.publications.set(uri, []);
    return { elapsed: publication.receivedAt - sentAt, diagnostics: publication.diagnostics };
  }

  /** The server's resident memory in megabytes (10^6 bytes), read from /proc. */
  residentMegabytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (!kilobytes) throw new Error(`No VmRSS line in /proc/${this.pid}/status.`);
    return (Number(kilobytes[1]) * 1024) / 1e6;
  }

  /** Asks the server to exit; one that does not within a few seconds is killed. */
  async shutdown(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      const polite = (async () => {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
        await exited;
      })().catch(() => undefined);
      await Promise.race([polite, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      if (this.process.exitCode === null && this.process.signalCode === null) {
        this.process.kill();
        await exited;
      }
    }
    this.connection.dispose();
  }

  private notify(): void {
    for (const wake of this.wake) wake();
  }

  private async until<T>(found: () => T | undefined, what: string): Promise<T> {
    const deadline = performance.now() + PATIENCE_MS;
    for (;;) {
      const value = found();
      if (value !== undefined) return value;
      if (this.process.exitCode !== null || this.process.signalCode !== null) {
        throw new Error(`${this.command.name} exited while the benchmark waited for ${what}. Its last output: ${this.stderr}`);
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.command.name} gave no ${what} within ${PATIENCE_MS / 1000} s.`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wake.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.wake.add(done);
      });
    }
  }
}
