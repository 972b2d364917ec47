import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { analyze } from '../engine/analyze';
import type { SourceFile } from '../engine/document/source-file';
import { Workspace } from '../engine/workspace/workspace';
import { isExcludedUri, isIndexedUri, MAX_INDEXED_FILES, nearestFirstUris, relativePath } from '../files/workspace-files';
import { ChartSync } from './chart-sync';
import { Debouncer } from './debouncer';
import { KustomizeSync } from './kustomize-sync';
import { toDiagnostic } from './diagnostics';
import type { ServerContext } from './feature';
import { features } from './features';
import { uncachedIndex, type IndexCache } from './index-cache';
import { IndexProgress } from './index-progress';
import type { BaseVersions, ServerHost } from './server-host';
import { settingsFrom, type ServerSettings } from './settings';

const SETTINGS_SECTION = 'kubeStateful';
/** Files read from disk at once while indexing; enough to overlap I/O, few enough to stay light. */
const READ_BATCH = 32;

/**
 * The LSP face of the engine: keeps the workspace index in step with open editors, files on
 * disk and settings, and publishes each open YAML document's findings as diagnostics.
 */
export class LanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly workspace = new Workspace();
  private readonly debouncer = new Debouncer();
  private readonly failedRules = new Set<string>();
  /** Workspace files indexed from disk, as opposed to open editors. */
  private readonly diskUris = new Set<string>();
  private settings: ServerSettings = settingsFrom(undefined);
  /** The workspace folders, as URIs. */
  private folders: string[] = [];
  /** Where the client lets the server keep the light index between sessions. */
  private storageUri: unknown;
  private lightIndex: IndexCache;
  private clientHasConfiguration = false;
  private clientRegistersConfiguration = false;
  private clientRegistersWatchers = false;
  private clientWatchesRelativePatterns = false;
  private clientHasProgress = false;
  private clientHasFolders = false;
  private indexGeneration = 0;
  private readonly charts: ChartSync;
  private readonly kustomizations: KustomizeSync;
  private readonly bases: BaseVersions;
  /** Open files whose diagnostics wait for the kustomize builds under way. */
  private readonly heldForBuilds: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
  ) {
    this.lightIndex = uncachedIndex(host.files);
    const context: ServerContext = {
      connection,
      documents: this.documents,
      workspace: this.workspace,
      disk: host.disk,
      settings: () => this.settings,
      currentFile: (uri) => this.currentFile(uri),
    };
    for (const feature of features) feature.register(context);
    this.charts = new ChartSync({
      connection,
      documents: this.documents,
      workspace: this.workspace,
      files: host.files,
      settings: () => this.settings,
      adoptDiskFile: (uri, text) => this.adoptDiskFile(uri, text),
      validateOpen: (uris) => this.validateOpen(uris),
    });
    this.kustomizations = new KustomizeSync({
      connection,
      files: host.files,
      documents: this.documents,
      workspace: this.workspace,
      settings: () => this.settings,
      validateOpen: (uris) => this.validateOpen(uris),
      buildsSettled: () => this.validateOpen(this.heldForBuilds.splice(0)),
    });
    this.bases = host.bases({
      connection,
      workspace: this.workspace,
      compareWith: () => this.settings.compareWith,
      watchers: () => (this.clientRegistersWatchers ? { relativePatterns: this.clientWatchesRelativePatterns } : undefined),
      validateOpen: (uris) => this.validateOpen(uris),
    });
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.start());
    connection.onDidChangeConfiguration((change) => void this.reconfigure(change.settings));
    connection.onDidChangeWatchedFiles(({ changes }) => void this.filesChanged(changes));
    this.documents.onDidChangeContent(({ document }) => this.edited(document.uri));
    this.documents.onDidClose(({ document }) => void this.closed(document.uri));
    this.documents.listen(connection);
  }

  listen(): void {
    this.connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.clientHasConfiguration = Boolean(capabilities.workspace?.configuration);
    this.clientRegistersConfiguration = Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
    this.clientRegistersWatchers = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    this.clientWatchesRelativePatterns = Boolean(capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport);
    this.clientHasProgress = Boolean(capabilities.window?.workDoneProgress);
    this.clientHasFolders = Boolean(capabilities.workspace?.workspaceFolders);
    const folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folderUris;
    const options = params.initializationOptions as Record<string, unknown> | undefined;
    this.storageUri = options?.storageUri;
    const initial = options?.settings;
    if (initial) this.applySettings(settingsFrom((initial as Record<string, unknown>)[SETTINGS_SECTION] ?? initial));
    return {
      capabilities: Object.assign(
        {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        ...features.map((feature) => feature.capabilities(capabilities)),
      ),
      serverInfo: { name: 'kube-stateful' },
    };
  }

  private async start(): Promise<void> {
    // A client may refuse a registration it announced; the server then works without it.
    if (this.clientRegistersConfiguration) {
      await this.connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch((error: unknown) => this.registrationRefused('configuration changes', error));
    }
    if (this.clientRegistersWatchers) {
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/Kustomization' }, { globPattern: '**/*.tpl' }, { globPattern: '**/values.schema.json' }] })
        .catch((error: unknown) => this.registrationRefused('file watching', error));
    }
    if (this.clientHasFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await this.connection.workspace.getWorkspaceFolders()) ?? [];
        this.folders = folders.map((folder) => folder.uri);
        await this.indexFolders();
      });
    }
    if (this.clientHasConfiguration) this.applySettings(await this.fetchSettings());
    if (this.host.withoutDisk) this.connection.console.info(this.host.withoutDisk);
    this.lightIndex = await this.host.indexCache(this.storageUri, this.folders);
    await this.indexFolders();
  }

  private registrationRefused(what: string, error: unknown): void {
    this.connection.console.warn(`The client refused to register ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }

  private async fetchSettings(): Promise<ServerSettings> {
    try {
      return settingsFrom(await this.connection.workspace.getConfiguration(SETTINGS_SECTION));
    } catch {
      return this.settings;
    }
  }

  private async reconfigure(pushed: unknown): Promise<void> {
    const previousExclude = JSON.stringify(this.settings.exclude);
    const previousBase = this.settings.compareWith;
    const next = this.clientHasConfiguration
      ? await this.fetchSettings()
      : settingsFrom((pushed as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    this.applySettings(next);
    for (const feature of features) feature.settingsChanged?.();
    if (next.compareWith !== previousBase) this.bases.reset();
    if (JSON.stringify(next.exclude) !== previousExclude) await this.indexFolders();
    else {
      this.validateAllOpen();
      this.charts.renderAll();
      this.kustomizations.buildAll();
    }
  }

  private applySettings(settings: ServerSettings): void {
    this.settings = settings;
    this.workspace.configure(settings.engine);
  }

  /** Reads every YAML file of the workspace folders that is not open in an editor. */
  private async indexFolders(): Promise<void> {
    const generation = ++this.indexGeneration;
    const found = new Set<string>();
    const listedFiles: string[] = [];
    let leftOut = 0;
    // Every folder is listed before any file is read, so that the progress counts towards the whole.
    for (const folder of this.folders) {
      const listed = await this.host.files.findYamlFiles(folder, this.settings.exclude).catch(() => []);
      const files = nearestFirstUris(listed).slice(0, Math.max(MAX_INDEXED_FILES - listedFiles.length, 0));
      listedFiles.push(...files);
      leftOut += listed.length - files.length;
    }
    const progress = await IndexProgress.begin(this.connection, this.clientHasProgress, listedFiles.length);
    let read = 0;
    for (let start = 0; start < listedFiles.length; start += READ_BATCH) {
      if (generation !== this.indexGeneration || progress.cancelled) break;
      const batch = listedFiles.slice(start, start + READ_BATCH);
      await Promise.all(batch.map((uri) => this.indexFromDisk(uri, found)));
      read += batch.length;
      progress.report(read);
    }
    progress.done(read);
    if (generation !== this.indexGeneration) return;
    for (const uri of [...this.diskUris]) {
      if (!found.has(uri)) this.forgetDiskFile(uri);
    }
    const reused = this.lightIndex.takeReused();
    const saveFailure = await this.lightIndex.save();
    if (saveFailure) this.connection.console.warn(`Could not keep the workspace index for the next session: ${saveFailure}.`);
    const kept = this.lightIndex.enabled ? `, ${reused} of them as a past session left them` : '';
    this.connection.console.info(`Indexed ${found.size} YAML files in ${this.folders.length} workspace folder(s)${kept}.`);
    if (leftOut > 0) {
      this.connection.console.warn(
        `The workspace has more than ${MAX_INDEXED_FILES} YAML files: ${leftOut} of them, the deepest in the folder tree, were left out of the index, and objects in them are not found. Leave out generated or vendored folders with the kubeStateful.exclude setting.`,
      );
    }
    this.validateAllOpen();
    await Promise.all([this.charts.reset(listedFiles), this.kustomizations.reset()]);
  }

  /** A chart file the renderer read, such as a `.tpl` helper, that the YAML index does not hold. */
  private adoptDiskFile(uri: string, text: string): string[] {
    if (this.documents.get(uri) || this.isExcluded(uri)) return [];
    this.diskUris.add(uri);
    return this.workspace.setUnopened(uri, text);
  }

  private async indexFromDisk(uri: string, found?: Set<string>): Promise<string[]> {
    if (this.documents.get(uri)) {
      found?.add(uri);
      return [];
    }
    const content = await this.lightIndex.read(uri);
    if (this.documents.get(uri)) return [];
    if (content.kind === 'unreadable') return this.forgetDiskFile(uri);
    found?.add(uri);
    this.diskUris.add(uri);
    return content.kind === 'oversized' ? this.workspace.setOversized(uri, content.bytes) : this.lightIndex.setUnopened(this.workspace, uri, content);
  }

  private forgetDiskFile(uri: string): string[] {
    this.diskUris.delete(uri);
    return this.workspace.delete(uri);
  }

  private edited(uri: string): void {
    // Builds first: with no typing pause the document is checked at once, and it must find the
    // build it may be an input of already under way, to wait for it.
    this.kustomizations.fileChanged(uri);
    this.debouncer.schedule(uri, this.settings.delay, () => {
      const affected = this.syncDocument(uri);
      this.validate(uri);
      this.validateOpen(affected);
    });
    this.charts.fileChanged(uri);
  }

  /** Tells the charts and the kustomize builds that a file changed, so that those reading it are made again. */
  private fileChanged(uri: string): void {
    this.charts.fileChanged(uri);
    this.kustomizations.fileChanged(uri);
  }

  /** Puts an open document's text into the index; returns the other files that may change. */
  private syncDocument(uri: string): string[] {
    const document = this.documents.get(uri);
    if (!document) return [];
    this.diskUris.delete(uri);
    return this.isExcluded(uri) ? this.workspace.delete(uri) : this.workspace.set(uri, document.getText());
  }

  private currentFile(uri: string): SourceFile | undefined {
    if (!this.documents.get(uri) || this.isExcluded(uri)) return undefined;
    // Setting unchanged text is free, so requests between keystrokes cost nothing extra. The
    // document's own diagnostics follow when its debounce ends; its dependents' cannot wait.
    this.validateOpen(this.syncDocument(uri));
    return this.workspace.get(uri);
  }

  /** A closed editor gives way to the file on disk, if the workspace holds one. */
  private async closed(uri: string): Promise<void> {
    this.debouncer.cancel(uri);
    this.bases.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    const root = this.folderOf(uri);
    const affected =
      root !== undefined && isIndexedUri(root, uri, this.settings.exclude) ? await this.indexFromDisk(uri) : this.workspace.delete(uri);
    this.validateOpen(affected);
    this.fileChanged(uri);
  }

  private async filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    const affected = new Set<string>();
    const [refs, files] = partition(changes, (change) => this.bases.isGitFile(change.uri));
    if (refs.length > 0) this.bases.refsMoved();
    for (const change of files) {
      if (this.documents.get(change.uri)) continue;
      // Files created after indexing count against the same limit as the files found then.
      if (change.type === FileChangeType.Created && !this.diskUris.has(change.uri) && this.diskUris.size >= MAX_INDEXED_FILES) continue;
      const root = this.folderOf(change.uri);
      const indexed = root !== undefined && isIndexedUri(root, change.uri, this.settings.exclude);
      const readers = change.type === FileChangeType.Deleted || !indexed ? this.forgetDiskFile(change.uri) : await this.indexFromDisk(change.uri);
      readers.forEach((reader) => affected.add(reader));
      if (Utils.basename(URI.parse(change.uri)) === 'Chart.yaml' && root !== undefined) {
        await this.charts.manifestChanged(change.uri, change.type !== FileChangeType.Deleted && indexed);
      }
      this.fileChanged(change.uri);
    }
    this.validateOpen([...affected]);
  }

  private validateAllOpen(): void {
    for (const document of this.documents.all()) this.edited(document.uri);
  }

  private validateOpen(uris: readonly string[]): void {
    for (const uri of uris) if (this.documents.get(uri)) this.validate(uri);
  }

  private validate(uri: string): void {
    const document = this.documents.get(uri);
    // Until the render of the template's current text arrives, the findings already shown stay:
    // the last render's would land on the wrong lines. That render validates the file again.
    if (!document || !this.workspace.renderIsCurrent(uri)) return;
    // Text still waiting for its typing pause is checked when the pause ends, not under its new version now.
    if (!this.isExcluded(uri) && this.workspace.get(uri)?.text !== document.getText()) return;
    // While a kustomization builds, any file may be about to become one of its inputs, checked
    // through the build rather than alone: its findings wait for the builds to settle.
    if (this.kustomizations.busy) {
      if (!this.heldForBuilds.includes(uri)) this.heldForBuilds.push(uri);
      return;
    }
    if (this.settings.enable && !this.isExcluded(uri)) this.bases.ensure(uri);
    const findings =
      this.settings.enable && !this.isExcluded(uri)
        ? analyze(this.workspace, uri, { onRuleError: (ruleId, error) => this.ruleFailed(ruleId, error) })
        : [];
    void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: findings.map(toDiagnostic) });
  }

  private ruleFailed(ruleId: string, error: unknown): void {
    if (this.failedRules.has(ruleId)) return;
    this.failedRules.add(ruleId);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`Rule '${ruleId}' failed and was skipped; other rules still ran. ${detail}`);
  }

  private isExcluded(uri: string): boolean {
    const root = this.folderOf(uri);
    return root !== undefined && isExcludedUri(root, uri, this.settings.exclude);
  }

  /** The workspace folder holding a file, by URI, whatever the file system (`file:`, github.dev's `vscode-vfs:`…). */
  private folderOf(uri: string): string | undefined {
    return this.folders.find((folder) => relativePath(folder, uri) !== undefined);
  }
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
