import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import type { ChartFiles, ChartRender, RenderOptions, ValuesFile } from '../engine/helm/chart/chart-render';
import { printManifest } from '../engine/helm/chart/manifest';
import { IncrementalChartRenderer } from '../engine/helm/chart/incremental-render';
import type { Workspace } from '../engine/workspace/workspace';
import { chartRootUris, readChartFolder } from '../files/chart-folder';
import { relativePath, uriIn, type WorkspaceFiles } from '../files/workspace-files';
import { Debouncer } from './debouncer';
import { startRun, type Runs } from './latest-run';
import type { ServerSettings } from './settings';

/** Answers with the manifest `helm template` would print for the chart of a file. */
export const RENDERED_MANIFEST_REQUEST = 'kubeStateful/renderedManifest';
/** Sent after each render of a chart, so that a shown manifest can be refreshed. */
export const RENDERED_MANIFEST_CHANGED = 'kubeStateful/renderedManifestChanged';

/** What the chart sync needs of the language server. */
export interface ChartSyncHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  /** The workspace's files, on disk or asked of the client. */
  files: WorkspaceFiles;
  settings(): ServerSettings;
  /** Puts a chart file read from disk into the workspace unless an editor has it open; returns the files to re-report. */
  adoptDiskFile(uri: string, text: string): string[];
  /** Re-publishes the diagnostics of those of `uris` that are open. */
  validateOpen(uris: readonly string[]): void;
}

interface ChartState extends Runs {
  /** Keeps what the last render parsed and ran, so that an edit redoes only what it changes. */
  renderer: IncrementalChartRenderer;
  render?: ChartRender;
  /** The values files the last render applied, whose edits render the chart again. */
  valuesUris: Set<string>;
}

/**
 * Renders the workspace's top-level charts with the in-process Helm renderer and gives the
 * workspace their output, so that the findings land on template lines. Open editors' text wins
 * over the disk; an edit to any file of a chart renders it again after a short quiet period.
 */
export class ChartSync {
  /** The `Chart.yaml` files known in the workspace, as URIs. */
  private readonly manifests = new Set<string>();
  /** Top-level chart folders, as URIs. */
  private readonly charts = new Map<string, ChartState>();
  private readonly debouncer = new Debouncer();

  constructor(private readonly host: ChartSyncHost) {
    host.connection.onRequest(RENDERED_MANIFEST_REQUEST, (params: { uri?: unknown }) => this.renderedManifest(params?.uri));
  }

  /** Replaces the known `Chart.yaml` files with those among `uris`, and renders every chart. */
  async reset(uris: readonly string[]): Promise<void> {
    this.manifests.clear();
    for (const uri of uris) if (Utils.basename(URI.parse(uri)) === 'Chart.yaml') this.manifests.add(uri);
    await this.updateRoots();
  }

  /** A `Chart.yaml` appeared or went away. */
  async manifestChanged(uri: string, exists: boolean): Promise<void> {
    if (exists === this.manifests.has(uri)) return;
    if (exists) this.manifests.add(uri);
    else this.manifests.delete(uri);
    await this.updateRoots();
  }

  /** Renders every chart again, for new settings. */
  renderAll(): void {
    for (const root of this.charts.keys()) this.schedule(root);
  }

  /** A file changed, in an editor or on disk: its chart, and the charts applying it as values, render again. */
  fileChanged(uri: string): void {
    for (const root of this.chartsOf(uri)) this.schedule(root);
  }

  private async updateRoots(): Promise<void> {
    const roots = new Set(chartRootUris([...this.manifests]));
    for (const root of [...this.charts.keys()]) {
      if (roots.has(root)) continue;
      this.debouncer.cancel(root);
      this.charts.delete(root);
      this.host.validateOpen(this.host.workspace.deleteChartRender(root));
    }
    const renders: Promise<void>[] = [];
    for (const root of roots) {
      if (!this.charts.has(root)) this.charts.set(root, { generation: 0, renderer: new IncrementalChartRenderer(), valuesUris: new Set() });
      renders.push(this.render(root));
    }
    await Promise.all(renders);
  }

  private chartsOf(uri: string): string[] {
    return [...this.charts].filter(([root, state]) => relativePath(root, uri) !== undefined || state.valuesUris.has(uri)).map(([root]) => root);
  }

  private schedule(root: string): void {
    this.debouncer.schedule(root, this.host.settings().delay, () => void this.render(root));
  }

  private render(root: string): Promise<void> {
    const state = this.charts.get(root);
    if (!state) return Promise.resolve();
    return startRun(state, (generation) => this.renderNow(root, state, generation), (error) => this.failed(root, error));
  }

  private async renderNow(root: string, state: ChartState, generation: number): Promise<void> {
    const files = await this.chartFiles(root);
    const options = await this.renderOptions(root);
    if (state.generation !== generation || this.charts.get(root) !== state) return;
    const affected: string[] = [];
    for (const [relative, text] of files.files) {
      if (!/\.(tpl|ya?ml)$/i.test(relative)) continue;
      const uri = uriIn(root, relative);
      if (!this.host.workspace.get(uri)) affected.push(...this.host.adoptDiskFile(uri, text));
    }
    for (const file of options.valuesFiles) {
      if (!this.host.workspace.get(file.uri)) affected.push(...this.host.adoptDiskFile(file.uri, file.text));
    }
    state.valuesUris = new Set(options.valuesFiles.map((file) => file.uri));
    const render = this.renderSafely(root, state, files, options);
    state.render = render;
    affected.push(...this.host.workspace.setChartRender(render));
    this.host.validateOpen([...new Set(affected)]);
    void this.host.connection.sendNotification(RENDERED_MANIFEST_CHANGED, { rootUri: render.rootUri });
  }

  /** The chart's saved files, with the text of its open documents in place of what is saved. */
  private async chartFiles(root: string): Promise<ChartFiles> {
    const read = await readChartFolder(this.host.files, root);
    const files = new Map(read.files);
    for (const document of this.host.documents.all()) {
      const relative = relativePath(root, document.uri);
      if (relative !== undefined) files.set(relative, document.getText());
    }
    return { rootUri: read.rootUri, files };
  }

  private async renderOptions(root: string): Promise<RenderOptions> {
    const settings = this.host.settings();
    const valuesFiles: ValuesFile[] = [];
    const seen = new Set<string>();
    for (const pattern of settings.helmValuesFiles) {
      const matches = await this.host.files.findByGlob(pattern, root).catch(() => [] as string[]);
      for (const uri of matches.sort()) {
        if (seen.has(uri)) continue;
        const text = this.host.documents.get(uri)?.getText() ?? (await this.savedText(uri));
        if (text === undefined) continue;
        seen.add(uri);
        valuesFiles.push({ uri, text: text.startsWith('\ufeff') ? text.slice(1) : text });
      }
    }
    return {
      releaseName: settings.helmReleaseName,
      namespace: settings.engine.defaultNamespace,
      kubernetesVersion: settings.engine.kubernetesVersion,
      valuesFiles,
      setValues: [],
    };
  }

  private async savedText(uri: string): Promise<string | undefined> {
    const read = await this.host.files.readYamlFile(uri);
    return read.kind === 'text' ? read.text : undefined;
  }

  /** The renderer reports problems in its result; one that throws has a bug, which fails only its chart. */
  private renderSafely(root: string, state: ChartState, files: ChartFiles, options: RenderOptions): ChartRender {
    try {
      return state.renderer.render(files, options);
    } catch (error) {
      // What it kept may be half updated: the next render starts afresh.
      state.renderer = new IncrementalChartRenderer();
      this.logFailure(root, error);
      return {
        rootUri: files.rootUri,
        chartName: Utils.basename(URI.parse(root)),
        templates: [],
        problems: [
          {
            uri: `${files.rootUri}/Chart.yaml`,
            start: 0,
            end: 0,
            message: 'The chart could not be rendered because of an internal error; the output log has the details.',
            severity: 'error',
            ruleId: 'helm-render-error',
          },
        ],
      };
    }
  }

  private failed(root: string, error: unknown): void {
    this.logFailure(root, error);
  }

  /** One line, without the error's message, which could quote the chart's files. */
  private logFailure(root: string, error: unknown): void {
    const name = error instanceof Error ? error.name : typeof error;
    const frame = error instanceof Error ? (error.stack?.split('\n').find((line) => /^\s+at /.test(line))?.trim() ?? '') : '';
    this.host.connection.console.error(`Rendering the Helm chart at ${root} failed (${name}${frame ? `, ${frame}` : ''}); its findings are left out.`);
  }

  private async renderedManifest(uri: unknown): Promise<{ text: string } | null> {
    if (typeof uri !== 'string') return null;
    const root = this.chartsOf(uri)[0];
    const state = root === undefined ? undefined : this.charts.get(root);
    if (!state) return null;
    if (state.pending) await state.pending;
    return state.render ? { text: printManifest(state.render) } : null;
  }
}
