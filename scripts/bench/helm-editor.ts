// Measurement 5, the editor's path: a chart template's diagnostics through the language server's
// own chart sync and workspace, for opening it and for edits to the template, to values.yaml and
// to `_helpers.tpl`; in process (no transport), then from the built server over stdio.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { nodeWorkspaceFiles } from '../../server/src/files/node-workspace-files';
import { findYamlFiles, readYamlFile } from '../../server/src/files/yaml-files';
import { ChartSync, RENDERED_MANIFEST_CHANGED } from '../../server/src/lsp/chart-sync';
import { settingsFrom } from '../../server/src/lsp/settings';
import { fileUri, LspSession, type DocumentEdit } from './lsp-session';
import { ourServer } from './servers';
import { sample, type Repetitions, type Sample } from './timing';

export const EDITOR_CHART = 'postgresql';
/** Edits are quick: with this many runs at least, one busy moment of a shared machine does not decide the median. */
const EDIT_RUNS = 15;
export const OPEN_TEMPLATE = 'templates/primary/statefulset.yaml';

/** One kind of edit the figures are taken for: the file edited, and its text at edit `n`. */
export interface ChartEdit {
  readonly label: string;
  readonly file: string;
  edited(original: string, n: number): string;
}

export const CHART_EDITS: readonly ChartEdit[] = [
  // A comment at the end, as typing makes: the template's output changes, its defines do not.
  { label: `\`${OPEN_TEMPLATE}\``, file: OPEN_TEMPLATE, edited: (text, n) => `${text}\n# edit ${n}\n` },
  // A value the StatefulSet prints, so every template renders with new values.
  { label: '`values.yaml` (`primary.terminationGracePeriodSeconds`)', file: 'values.yaml', edited: (text, n) => replaceOnce(text, 'terminationGracePeriodSeconds: ""', `terminationGracePeriodSeconds: ${30 + (n % 50)}`) },
  // A comment action in the helpers: the defines are parsed again and every template renders.
  { label: '`templates/_helpers.tpl`', file: 'templates/_helpers.tpl', edited: (text, n) => `${text}{{/* edit ${n} */}}\n` },
];

export interface EditorPathResults {
  /** A new workspace: the chart's YAML files indexed, the chart rendered, the template checked. */
  open: Sample;
  /** Findings on the open template after the first render; none is expected of this chart. */
  findings: number;
  edits: { label: string; sample: Sample }[];
}

function replaceOnce(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`The benchmark's edit needs '${find}' in the edited file.`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** What the chart sync needs of a connection: a place for its notifications, and nothing else. */
class QuietConnection {
  private waiting: (() => void)[] = [];

  /** Resolves at the next rendered-manifest notification, which follows a render's diagnostics. */
  nextRender(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  readonly console = { error: (message: string) => process.stderr.write(`${message}\n`) };

  onRequest(): void {}

  sendNotification(method: string): Promise<void> {
    if (method === RENDERED_MANIFEST_CHANGED) {
      const waiting = this.waiting;
      this.waiting = [];
      for (const resolve of waiting) resolve();
    }
    return Promise.resolve();
  }
}

/** A language server's editor-facing state without its transport: open documents, workspace, chart sync. */
class EditorSession {
  readonly workspace = new Workspace();
  readonly connection = new QuietConnection();
  private readonly open = new Map<string, TextDocument>();
  private readonly settings = settingsFrom({ validation: { delay: 0 } });
  readonly sync: ChartSync;
  /** Findings last made for each open document. */
  readonly findings = new Map<string, number>();

  constructor(private readonly root: string) {
    const documents = { all: () => [...this.open.values()], get: (uri: string) => this.open.get(uri) } as unknown as TextDocuments<TextDocument>;
    this.sync = new ChartSync({
      connection: this.connection as unknown as Connection,
      documents,
      workspace: this.workspace,
      files: nodeWorkspaceFiles,
      settings: () => this.settings,
      adoptDiskFile: (uri, text) => (this.open.has(uri) ? [] : this.workspace.set(uri, text)),
      validateOpen: (uris) => uris.forEach((uri) => this.validate(uri)),
    });
  }

  /** Indexes the chart's YAML files as the server does at start, and renders the chart. */
  async start(): Promise<void> {
    const files = await findYamlFiles(this.root);
    for (const file of files) {
      const content = await readYamlFile(file);
      if (content.kind === 'text') this.workspace.set(fileUri(file), content.text);
    }
    await this.sync.reset(files.map(fileUri));
  }

  openDocument(relative: string): void {
    const uri = this.uriOf(relative);
    this.open.set(uri, TextDocument.create(uri, 'yaml', 1, readFileSync(path.join(this.root, relative), 'utf8')));
    this.workspace.set(uri, this.open.get(uri)!.getText());
    this.validate(uri);
  }

  /** Types new text into an open document as the server takes it, and waits for the chart's diagnostics. */
  async change(relative: string, text: string): Promise<void> {
    const uri = this.uriOf(relative);
    const previous = this.open.get(uri)!;
    this.open.set(uri, TextDocument.create(uri, 'yaml', previous.version + 1, text));
    const rendered = this.connection.nextRender();
    this.workspace.set(uri, text);
    this.validate(uri);
    this.sync.fileChanged(uri);
    await rendered;
  }

  uriOf(relative: string): string {
    return fileUri(path.join(this.root, ...relative.split('/')));
  }

  private validate(uri: string): void {
    if (this.open.has(uri)) this.findings.set(uri, analyze(this.workspace, uri).length);
  }
}

export async function measureEditorPath(chartsFolder: string, repetitions: Repetitions): Promise<EditorPathResults> {
  const root = path.join(chartsFolder, EDITOR_CHART);
  let findings = 0;
  const open = await sample(repetitions, async () => {
    const started = performance.now();
    const session = new EditorSession(root);
    session.openDocument(OPEN_TEMPLATE);
    await session.start();
    findings = session.findings.get(session.uriOf(OPEN_TEMPLATE)) ?? 0;
    return performance.now() - started;
  });
  const edits: EditorPathResults['edits'] = [];
  for (const edit of CHART_EDITS) {
    const session = new EditorSession(root);
    session.openDocument(OPEN_TEMPLATE);
    if (edit.file !== OPEN_TEMPLATE) session.openDocument(edit.file);
    await session.start();
    const original = readFileSync(path.join(root, edit.file), 'utf8');
    let n = 0;
    const figures = await sample({ ...repetitions, runs: Math.max(repetitions.runs, EDIT_RUNS) }, async () => {
      const started = performance.now();
      await session.change(edit.file, edit.edited(original, ++n));
      return performance.now() - started;
    });
    edits.push({ label: edit.label, sample: figures });
  }
  return { open, findings, edits };
}

export interface StdioResults {
  /** A new server with the template open from the start: `initialized` → the first render's diagnostics. */
  start: Sample;
  /** The template opened in a server that rendered the chart when it started: `didOpen` → diagnostics. */
  open: Sample;
  edits: { label: string; sample: Sample }[];
}

/** The same figures over stdio from the built server: an edit is timed to the render's diagnostics, not to the first publication. */
export async function measureEditorOverStdio(chartsFolder: string, repetitions: Repetitions): Promise<StdioResults> {
  const root = path.join(chartsFolder, EDITOR_CHART);
  const text = (relative: string) => readFileSync(path.join(root, relative), 'utf8');
  const uri = (relative: string) => fileUri(path.join(root, ...relative.split('/')));
  /** A server for the chart folder, once it rendered the chart, with `first` open from the start. */
  const started = async (first?: string): Promise<{ session: LspSession; elapsed: number }> => {
    const session = new LspSession(ourServer());
    session.track(RENDERED_MANIFEST_CHANGED);
    await session.initialize(root);
    const sentAt = await session.initialized();
    if (first) await session.open(uri(first), text(first));
    return { session, elapsed: (await session.notifiedAfter(RENDERED_MANIFEST_CHANGED, sentAt)) - sentAt };
  };
  const start = await sample({ ...repetitions, warmUp: 0 }, async () => {
    const { session, elapsed } = await started(OPEN_TEMPLATE);
    await session.shutdown();
    return elapsed;
  });
  const { session: running } = await started();
  const open = await sample(repetitions, async () => {
    const { elapsed } = await running.open(uri(OPEN_TEMPLATE), text(OPEN_TEMPLATE));
    await running.close(uri(OPEN_TEMPLATE));
    return elapsed;
  });
  await running.shutdown();
  const edits: StdioResults['edits'] = [];
  for (const edit of CHART_EDITS) {
    const { session } = await started(OPEN_TEMPLATE);
    try {
      const original = text(edit.file);
      if (edit.file !== OPEN_TEMPLATE) await session.open(uri(edit.file), original);
      let current = original;
      let n = 0;
      const figures = await sample({ ...repetitions, runs: Math.max(repetitions.runs, EDIT_RUNS) }, async () => {
        const next = edit.edited(original, ++n);
        const sentAt = performance.now();
        await session.change(uri(edit.file), editBetween(current, next));
        current = next;
        return (await session.notifiedAfter(RENDERED_MANIFEST_CHANGED, sentAt)) - sentAt;
      });
      edits.push({ label: edit.label, sample: figures });
    } finally {
      await session.shutdown();
    }
  }
  return { start, open, edits };
}

/** The one range edit that turns `before` into `after`. */
function editBetween(before: string, after: string): DocumentEdit {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const position = (offset: number) => {
    const lines = before.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return { range: { start: position(prefix), end: position(before.length - suffix) }, text: after.slice(prefix, after.length - suffix), document: after };
}
