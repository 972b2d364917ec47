import type { Event, LogLevel, LogOutputChannel } from 'vscode';
import type { Tracer } from 'vscode-languageserver-protocol';

/** `LogLevel.Trace`: the `vscode` module, where the enum lives, loads only in an editor. */
const TRACE_LEVEL = 1 as LogLevel;

/** An output channel at the trace level that keeps every line written to it. */
export class RecordingChannel implements LogOutputChannel {
  readonly name = 'Kube Stateful';
  readonly lines: string[] = [];
  logLevel = TRACE_LEVEL;
  private readonly levelListeners: ((level: LogLevel) => unknown)[] = [];

  readonly onDidChangeLogLevel: Event<LogLevel> = (listener) => {
    this.levelListeners.push(listener);
    return { dispose: () => this.levelListeners.splice(this.levelListeners.indexOf(listener), 1) };
  };

  /** What the channel does when the user picks another log level for it. */
  changeLevel(level: LogLevel): void {
    this.logLevel = level;
    for (const listener of this.levelListeners) listener(level);
  }

  trace = (message: string) => this.record(message);
  debug = (message: string) => this.record(message);
  info = (message: string) => this.record(message);
  warn = (message: string) => this.record(message);
  error = (error: string | Error) => this.record(String(error));
  append = (value: string) => this.record(value);
  appendLine = (value: string) => this.record(value);
  replace = (value: string) => this.lines.splice(0, this.lines.length, value);
  clear = () => this.lines.splice(0);
  show = () => undefined;
  hide = () => undefined;
  dispose = () => undefined;

  private record(line: string): void {
    this.lines.push(line);
  }
}

/**
 * The connection's trace written to `channel` the way vscode-languageclient's LanguageClient
 * writes it: a text entry with its data on the following lines, or a message object as JSON.
 */
export function languageClientTracer(channel: Pick<LogOutputChannel, 'trace'>): Tracer {
  return {
    log: (messageOrObject: unknown, data?: string) => {
      if (typeof messageOrObject !== 'string') channel.trace(JSON.stringify(messageOrObject));
      else channel.trace(data === undefined ? messageOrObject : `${messageOrObject}\n${data}`);
    },
  };
}
