import type { LogOutputChannel, ViewColumn } from 'vscode';

/*
 * With `kubeStateful.trace.server` on, the language client writes every message it exchanges
 * with the server to the output channel. Two kinds of payload carry the text of manifests, and
 * so any credential written in them: what the editor sends of its documents (didOpen,
 * didChange, didSave), and the edits the server sends back, among them the resolved "Move … to
 * Secret" fix, which writes the credential into the Secret. Both are kept out of the trace;
 * everything else (methods, ids, timings, URIs, versions, ranges, titles, diagnostics) stays,
 * and so does the length of each text taken out, enough to follow the document sync.
 */

/**
 * Keys whose string values are text of a document: `text` is a whole document or a change to
 * it (TextDocumentItem, TextDocumentContentChangeEvent, DidSaveTextDocumentParams), `newText`
 * what an edit writes (TextEdit, InsertReplaceEdit, in code actions, completions and applyEdit).
 */
const DOCUMENT_TEXT_KEYS = new Set(['text', 'newText']);

/** How the client's text-format trace introduces the JSON of a message. */
const PAYLOAD = /^(Params|Result|Error data): ([\s\S]*)$/;

/** A JSON value of a protocol message with every document text replaced by its length. */
export function redactMessage(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactMessage);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      DOCUMENT_TEXT_KEYS.has(key) && typeof field === 'string' ? `[${field.length} characters not traced]` : redactMessage(field),
    ]),
  );
}

/**
 * One trace entry without document texts. The client writes `<what happened>\n<Label>: <JSON>`
 * in the text format and a JSON object per message in the JSON format; a payload that does not
 * parse is dropped whole, since it cannot be redacted field by field.
 */
export function redactTraceEntry(entry: string): string {
  const json = parseJson(entry);
  if (json.parsed) return JSON.stringify(redactMessage(json.value));
  const lineEnd = entry.indexOf('\n');
  if (lineEnd < 0) return entry;
  const payload = PAYLOAD.exec(entry.slice(lineEnd + 1));
  if (!payload) return entry;
  const [, label, text] = payload;
  const body = parseJson(text);
  // The client indents the JSON with four spaces in verbose traces and not at all in compact ones.
  const redacted = body.parsed ? JSON.stringify(redactMessage(body.value), null, text.includes('\n') ? 4 : undefined) : '[not traced: not JSON]';
  return `${entry.slice(0, lineEnd)}\n${label}: ${redacted}`;
}

function parseJson(text: string): { parsed: true; value: unknown } | { parsed: false } {
  if (!/^\s*[[{]/.test(text)) return { parsed: false };
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch {
    return { parsed: false };
  }
}

const redactArgument = (argument: unknown) => (typeof argument === 'string' ? redactTraceEntry(argument) : redactMessage(argument));

/**
 * The language client's trace channel: writes to `channel`, without document texts. Its log
 * level is the channel's, which the client reads to decide whether to trace at all.
 */
export function redactedTraceChannel(channel: LogOutputChannel): LogOutputChannel {
  return {
    get name() {
      return channel.name;
    },
    get logLevel() {
      return channel.logLevel;
    },
    onDidChangeLogLevel: channel.onDidChangeLogLevel,
    trace: (message, ...args) => channel.trace(redactTraceEntry(message), ...args.map(redactArgument)),
    debug: (message, ...args) => channel.debug(redactTraceEntry(message), ...args.map(redactArgument)),
    info: (message, ...args) => channel.info(redactTraceEntry(message), ...args.map(redactArgument)),
    warn: (message, ...args) => channel.warn(redactTraceEntry(message), ...args.map(redactArgument)),
    error: (error, ...args) => channel.error(typeof error === 'string' ? redactTraceEntry(error) : error, ...args.map(redactArgument)),
    append: (value) => channel.append(redactTraceEntry(value)),
    appendLine: (value) => channel.appendLine(redactTraceEntry(value)),
    replace: (value) => channel.replace(redactTraceEntry(value)),
    clear: () => channel.clear(),
    // The column form of `show` is deprecated: only whether to keep the focus is passed on.
    show: (preserveFocus?: boolean | ViewColumn) => channel.show(preserveFocus === true),
    hide: () => channel.hide(),
    // The channel belongs to the extension, which disposes it with its other subscriptions.
    dispose: () => undefined,
  };
}
