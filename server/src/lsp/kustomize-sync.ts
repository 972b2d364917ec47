import type { BuildFiles } from '../engine/kustomize/files';
import { folderOf, relativeTo } from '../engine/kustomize/files';
import { ParseCache } from '../engine/kustomize/parse-cache';
import { isKustomization } from '../engine/kustomize/patch-files';
import { buildFolder, buildFoldersOf, workspaceFiles } from '../engine/kustomize/workspace-builds';
import { buildFromFiles } from '../files/kustomize-files';
import type { ChartSyncHost } from './chart-sync';
import { Debouncer } from './debouncer';
import { startRun, type Runs } from './latest-run';
import { Turns } from './turns';

/** Answers with what `kustomize build` prints for a kustomization that uses a file, or the kustomizations to pick from. */
export const BUILT_MANIFEST_REQUEST = 'kubeStateful/builtManifest';
/** Sent after each build of a kustomization, so that a shown built manifest can be refreshed. */
export const BUILT_MANIFEST_CHANGED = 'kubeStateful/builtManifestChanged';

export type BuiltManifestAnswer = { kustomization: string; text: string } | { choices: { kustomization: string; label: string }[] } | null;

interface BuildState extends Runs {
  /** The kustomization file the last build read. */
  kustomization?: string;
}

/** What the builds tell the server beyond the files to re-report. */
export interface KustomizeSyncHost {
  /** No build is waiting or under way any more. */
  buildsSettled(): void;
}

/**
 * Builds every kustomization of the workspace in-process and gives the workspace their output,
 * so that findings land on the files the values came from. Open editors' text wins over the
 * disk; an edit to any file a build read builds it again after a short quiet period.
 */
export class KustomizeSync {
  /** Folders holding a kustomization, as URIs. */
  private readonly builds = new Map<string, BuildState>();
  private readonly debouncer = new Debouncer();
  private readonly cache = new ParseCache();
  /** The first builds of a large workspace take a second or more: each build gets its own turn. */
  private readonly turns = new Turns();

  constructor(private readonly host: Omit<ChartSyncHost, 'adoptDiskFile'> & KustomizeSyncHost) {
    host.connection.onRequest(BUILT_MANIFEST_REQUEST, (params: { uri?: unknown; kustomization?: unknown }) => this.builtManifest(params?.uri, params?.kustomization));
  }

  /** Builds every kustomization the workspace holds, forgetting the builds of those it no longer holds. */
  async reset(): Promise<void> {
    const folders = new Set(buildFoldersOf(this.host.workspace));
    for (const folder of [...this.builds.keys()]) if (!folders.has(folder)) this.forget(folder);
    await Promise.all([...folders].map((folder) => this.build(folder)));
    if (folders.size > 0) this.host.connection.console.info(`Built ${folders.size} kustomization(s).`);
  }

  /** Builds again every kustomization, for new settings. */
  buildAll(): void {
    for (const folder of this.builds.keys()) this.schedule(folder);
  }

  /**
   * A file changed, in an editor or on disk: the builds that read it build again, and so do a
   * changed kustomization's own folder and the builds still missing a path.
   */
  fileChanged(uri: string): void {
    const folders = new Set(this.host.workspace.buildsOf(uri).map((build) => build.folder));
    if (isKustomization(uri)) {
      const folder = folderOf(uri);
      if (this.host.workspace.get(uri) || this.host.documents.get(uri)) folders.add(folder);
      else if (this.builds.has(folder) && !buildFoldersOf(this.host.workspace).includes(folder)) this.forget(folder);
    }
    for (const [folder, state] of this.builds) {
      const build = state.kustomization === undefined ? undefined : this.host.workspace.builtOutputOf(state.kustomization);
      if (build?.problems.some((problem) => problem.code === 'kustomize-path-not-found')) folders.add(folder);
    }
    for (const folder of folders) this.schedule(folder);
  }

  private forget(folder: string): void {
    this.debouncer.cancel(folder);
    const kustomization = this.builds.get(folder)?.kustomization;
    this.builds.delete(folder);
    if (kustomization !== undefined) this.host.validateOpen(this.host.workspace.deleteBuild(kustomization));
  }

  private schedule(folder: string): void {
    this.debouncer.schedule(folder, this.host.settings().delay, () => void this.build(folder));
  }

  /** Whether a build is waiting for its debounce or under way. */
  get busy(): boolean {
    return this.debouncer.waiting || [...this.builds.values()].some((state) => state.pending !== undefined);
  }

  private build(folder: string): Promise<void> {
    const state = this.builds.get(folder) ?? { generation: 0 };
    this.builds.set(folder, state);
    const run = startRun(state, (generation) => this.buildNow(folder, state, generation), (error) => this.logFailure(folder, error));
    // After the run's own bookkeeping, so that the last build to end finds none busy.
    return run.then(() => {
      if (!this.busy) this.host.buildsSettled();
    });
  }

  private async buildNow(folder: string, state: BuildState, generation: number): Promise<void> {
    await this.turns.next();
    if (state.generation !== generation || this.builds.get(folder) !== state) return;
    const build = await buildFromFiles(this.host.files, (disk) => buildFolder(this.filesOver(disk), folder, this.cache));
    if (state.generation !== generation || this.builds.get(folder) !== state) return;
    const affected = state.kustomization !== undefined && state.kustomization !== build.uri ? this.host.workspace.deleteBuild(state.kustomization) : [];
    state.kustomization = build.uri;
    affected.push(...this.host.workspace.setBuild(build));
    this.host.validateOpen([...new Set(affected)]);
    void this.host.connection.sendNotification(BUILT_MANIFEST_CHANGED, { kustomization: build.uri });
  }

  /** Open documents first, then the workspace's index, then the disk (env files, files it does not index). */
  private filesOver(disk: BuildFiles): BuildFiles {
    const indexed = workspaceFiles(this.host.workspace, disk);
    return { read: (uri) => this.host.documents.get(uri)?.getText() ?? indexed.read(uri), isFolder: (uri) => indexed.isFolder(uri) };
  }

  /** One line, without the error's message, which could quote the kustomization's files. */
  private logFailure(folder: string, error: unknown): void {
    const name = error instanceof Error ? error.name : typeof error;
    this.host.connection.console.error(`Building the kustomization in ${folder} failed (${name}); its findings are left out.`);
  }

  private async builtManifest(uri: unknown, kustomization: unknown): Promise<BuiltManifestAnswer> {
    if (typeof uri !== 'string') return null;
    await Promise.all([...this.builds.values()].map((state) => state.pending));
    const builds = this.host.workspace.buildsOf(uri);
    const chosen = typeof kustomization === 'string' ? builds.find((build) => build.templateUri === kustomization) : builds.length === 1 ? builds[0] : undefined;
    if (chosen) return { kustomization: chosen.templateUri, text: chosen.build.text.text };
    if (builds.length === 0) return null;
    const root = folderOf(uri);
    return { choices: builds.map((build) => ({ kustomization: build.templateUri, label: relativeTo(root, build.folder) })) };
  }
}
