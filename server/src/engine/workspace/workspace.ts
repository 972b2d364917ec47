import { DEFAULT_CONFIG, type EngineConfig } from '../config';
import { providedKeys, requiredKeys } from './dependencies';
import { indexedObjectsOf, LightObject, type ObjectKeys } from './light-object';
import { referenceKeys } from '../navigation/object-references';
import { BaseVersions, type BaseFile, type BaseVersion } from './base-versions';
import { FindingsCache } from './findings-cache';
import { KeyIndex } from '../document/key-index';
import { isKustomization, patchFilesOf } from '../kustomize/patch-files';
import type { KindMap, Resource } from '../document/resource';
import { OriginMap } from '../derived/origin-map';
import { FolderIndex } from './folder-index';
import { chartRootOfManifest, isUnderTemplates, RENDERED_SUFFIX, renderedUri, templateUriOf } from '../derived/chart-uris';
import type { ChartRender, RenderProblem } from '../helm/chart/chart-render';
import type { Rope } from '../helm/go/rope';
import type { KustomizeBuild } from '../kustomize/build';
import type { BuildProblem } from '../kustomize/problems';
import { folderOf } from '../kustomize/files';
import { SourceFile, type DeferredText, type FileRole } from '../document/source-file';

/** Objects made from other files (a template's render, a kustomization's build), held as a file of their own, and where each byte came from. */
export interface DerivedOutput {
  /** The template rendered, or the kustomization built. */
  readonly templateUri: string;
  readonly file: SourceFile;
  readonly origins: OriginMap;
}

/** A chart template's rendered output. */
export interface RenderedOutput extends DerivedOutput {
  /** What the renderer gave, so that a render handing back the same output costs nothing. */
  readonly output: Rope;
  /** The template's text the render read, which the origins' offsets point into. */
  readonly source: string;
}

/**
 * A kustomization's built output, held like a template's rendered output (under
 * `<kustomization>#rendered`); its findings go to the files the values came from.
 */
export interface BuiltOutput extends DerivedOutput {
  /** The folder built, for messages naming the build. */
  readonly folder: string;
  /** The files the build read, the kustomizations included. */
  readonly inputs: ReadonlySet<string>;
  readonly problems: readonly BuildProblem[];
  readonly build: KustomizeBuild;
}

/** What the workspace holds of one chart's render. */
interface ChartEntry {
  readonly templates: readonly string[];
  readonly problems: readonly RenderProblem[];
}

/**
 * Every YAML file the checks may look at, parsed once per document text, with an index of
 * objects by kind and name, a reverse index of which objects read what others provide, and
 * the findings of each object until what they depend on changes.
 */
export class Workspace {
  private readonly files = new Map<string, SourceFile>();
  /** The objects providing each key (see `providedKeys`): by kind and name, by kind, by selected label. */
  private readonly providers = new KeyIndex<Indexed>();
  /** The objects reading each key (see `requiredKeys`). */
  private readonly readers = new KeyIndex<Indexed>();
  /**
   * The objects naming each object (`Secret/db`) or selecting pods by each label, for
   * navigation: wider than `readers`, which holds only what the checks read.
   */
  private readonly referrers = new KeyIndex<Indexed>();
  /** The folders holding the files set here, rendered outputs left out. */
  private readonly folders = new FolderIndex();
  /** For each kustomization file, the patch files it lists. */
  private readonly patchesByKustomization = new Map<string, string[]>();
  private config: EngineConfig;
  /** Folders holding a `Chart.yaml`, as URIs without a trailing slash. */
  private readonly chartRoots = new Set<string>();
  private readonly renders = new Map<string, ChartEntry>();
  /** Rendered outputs by template URI. */
  private readonly outputs = new Map<string, RenderedOutput>();
  /** Built outputs by kustomization URI. */
  private readonly builds = new Map<string, BuiltOutput>();
  /** For each file a build read as a resource or a patch, how many builds read it. */
  private readonly covered = new Map<string, number>();
  readonly findings = new FindingsCache((uri) => this.files.get(uri));
  private readonly bases = new BaseVersions();
  /** What each file's objects are indexed by: themselves, or stand-ins for a file not parsed yet. */
  private readonly indexed = new Map<string, Indexed[]>();

  constructor(config: EngineConfig = DEFAULT_CONFIG) {
    this.config = config;
  }

  get settings(): EngineConfig {
    return this.config;
  }

  configure(config: EngineConfig): void {
    this.config = config;
    this.findings.clear();
  }

  get(uri: string): SourceFile | undefined {
    return this.files.get(uri);
  }

  /** The files set in the workspace; the rendered outputs of charts are not among them. */
  *uris(): IterableIterator<string> {
    for (const uri of this.files.keys()) if (!uri.endsWith(RENDERED_SUFFIX)) yield uri;
  }

  get size(): number {
    return this.files.size;
  }

  /** Whether some file set here lies below `uri`, a folder's URI without a trailing slash. */
  holdsFolder(uri: string): boolean {
    return this.folders.has(uri);
  }

  /**
   * Stores a file's text and returns the other files whose findings may change because of
   * it. Setting the same text again costs nothing and affects nobody; only the documents
   * whose text changed are parsed again.
   */
  set(uri: string, text: string): string[] {
    return this.store(uri, text, false);
  }

  /**
   * Stores the text of a file no editor shows, as `set` does, reading only what other files'
   * checks need of it (see `light-scan.ts`) until a check or a request asks for more. The
   * findings are the same either way.
   */
  setUnopened(uri: string, text: string, known?: readonly ObjectKeys[]): string[];
  /** A file known by its keys, whose text is read only when a check needs it. */
  setUnopened(uri: string, text: DeferredText, known: readonly ObjectKeys[]): string[];
  setUnopened(uri: string, text: string | DeferredText, known?: readonly ObjectKeys[]): string[] {
    return this.store(uri, text, true, known);
  }

  /**
   * The keys a file no editor shows is indexed by, for a host to keep and give back with the
   * same text (`setUnopened`) in a later session; undefined when its objects themselves are indexed.
   */
  lightKeysOf(uri: string): ObjectKeys[] | undefined {
    const objects = this.indexed.get(uri);
    // A file not read as YAML (a template, one too large) has no keys to keep: its role decides.
    if (!this.files.get(uri)?.isLight || !objects?.every((object) => object instanceof LightObject)) return undefined;
    return objects.map(({ provided, required, references }) => ({ provided, required, references }));
  }

  private store(uri: string, text: string | DeferredText, light: boolean, known?: readonly ObjectKeys[]): string[] {
    const previous = this.files.get(uri);
    const role: FileRole = this.isChartTemplate(uri) ? 'chart-template' : 'plain';
    const unchanged = typeof text === 'string' && previous?.hasText(text) === true && previous.role === role && (!previous.skipped || previous.skipped.kind === 'chart-template');
    const file = () => new SourceFile(uri, text, undefined, previous?.role === role ? previous : undefined, role, light && known && role === 'plain' ? 'known' : light);
    const affected = unchanged ? [] : this.replace(uri, file(), known);
    const chart = chartRootOfManifest(uri);
    return visible(chart ? [...affected, ...this.noteChart(chart)] : affected);
  }

  /** Records a file too large to read, so that it is reported but costs no memory. */
  setOversized(uri: string, bytes: number): string[] {
    return visible(this.replace(uri, new SourceFile(uri, '', bytes)));
  }

  /**
   * Records a chart folder, for when its `Chart.yaml` is not a file the workspace is given: the
   * files under its `templates/` become templates, not read as YAML. Returns those files.
   */
  noteChart(rootUri: string): string[] {
    if (this.chartRoots.has(rootUri)) return [];
    this.chartRoots.add(rootUri);
    return visible(this.reread((uri, file) => file.role === 'plain' && isUnderTemplates(rootUri, uri)));
  }

  /**
   * Records the version a file is compared with to find changes the API server refuses;
   * undefined when there is none. Returns the file when its findings may change.
   */
  setBase(uri: string, version: BaseVersion | undefined): string[] {
    return this.bases.set(uri, version) ? [uri] : [];
  }

  baseOf(uri: string): BaseFile | undefined {
    return this.bases.get(uri);
  }

  /** Forgets every base version, as when comparing is turned off; returns the files that had one. */
  clearBases(): string[] {
    return this.bases.clear();
  }

  /** Whether a file is a Helm template: any `.tpl`, and every file under a known chart's `templates/`. */
  isChartTemplate(uri: string): boolean {
    if (uri.endsWith(RENDERED_SUFFIX)) return false;
    if (/\.tpl$/i.test(uri)) return true;
    for (const root of this.chartRoots) if (isUnderTemplates(root, uri)) return true;
    return false;
  }

  /** Makes again, with the role they now have, the files `which` picks; returns them and their readers. */
  private reread(which: (uri: string, file: SourceFile) => boolean): string[] {
    const picked = [...this.files].filter(([uri, file]) => file.skipped?.kind !== 'too-large' && which(uri, file));
    const affected: string[] = [];
    for (const [uri, file] of picked) {
      const role: FileRole = this.isChartTemplate(uri) ? 'chart-template' : 'plain';
      affected.push(uri, ...this.replace(uri, new SourceFile(uri, file.text, undefined, undefined, role, !file.isParsed)));
    }
    return affected;
  }

  /**
   * Replaces what the workspace holds of a chart's render: each template's output becomes a file
   * of objects (under \`<template>#rendered\`) that every check sees with the rest of the
   * workspace, and the render problems go to the files at fault. Returns the files whose findings
   * may change: the chart's templates, the files with problems, and the readers of what changed.
   */
  setChartRender(render: ChartRender): string[] {
    const affected = [...this.noteChart(render.rootUri), ...this.dropProblems(render.rootUri)];
    const previous = new Set(this.renders.get(render.rootUri)?.templates ?? []);
    const templates: string[] = [];
    for (const template of render.templates) {
      templates.push(template.uri);
      previous.delete(template.uri);
      const uri = renderedUri(template.uri);
      const old = this.files.get(uri);
      if (old && this.outputs.get(template.uri)?.output === template.output) continue;
      const file = new SourceFile(uri, template.output.text, undefined, old, 'rendered');
      affected.push(template.uri, ...this.replace(uri, file));
      const origins = new OriginMap(template.output, (source) => this.files.get(source)?.text);
      this.outputs.set(template.uri, { templateUri: template.uri, file, origins, output: template.output, source: template.source });
    }
    for (const gone of previous) affected.push(gone, ...this.dropOutput(gone));
    affected.push(...render.problems.map((problem) => problem.uri));
    this.renders.set(render.rootUri, { templates, problems: render.problems });
    return visible(affected);
  }

  /** Forgets a chart's render (not the chart itself); returns the files whose findings may change. */
  deleteChartRender(rootUri: string): string[] {
    const entry = this.renders.get(rootUri);
    if (!entry) return [];
    const affected = this.dropProblems(rootUri);
    for (const template of entry.templates) affected.push(template, ...this.dropOutput(template));
    this.renders.delete(rootUri);
    return visible(affected);
  }

  /**
   * Whether a template's findings can be placed on its text as the workspace holds it: it has no
   * render, or its render read this very text. An editor's edit reaches the text and the next
   * render at different moments; in between, the last render's offsets point into the old text.
   */
  renderIsCurrent(templateUri: string): boolean {
    const output = this.outputs.get(templateUri);
    return !output || output.source === this.files.get(templateUri)?.text;
  }

  /** A chart template's rendered output, when its chart was rendered. */
  renderedOutputOf(templateUri: string): RenderedOutput | undefined {
    return this.outputs.get(templateUri);
  }

  /**
   * The rendered outputs of every chart render a file takes part in: a template's or a
   * helper's chart, and the parent charts that render it as a subchart.
   */
  chartOutputsOf(uri: string): RenderedOutput[] {
    const found: RenderedOutput[] = [];
    for (const [rootUri, entry] of this.renders) {
      if (!uri.startsWith(`${rootUri}/`)) continue;
      for (const template of entry.templates) {
        const output = this.outputs.get(template);
        if (output) found.push(output);
      }
    }
    return found;
  }

  /** The problems a render found in a file. */
  renderProblemsOf(uri: string): RenderProblem[] {
    // A file may have problems from several charts' renders (a shared values file): few charts, a short walk.
    return [...this.renders.values()].flatMap((entry) => entry.problems.filter((problem) => problem.uri === uri));
  }

  /**
   * Replaces what the workspace holds of a kustomization's build: its output becomes a file of
   * objects that the checks see with the rest of the workspace. Returns the files whose findings
   * may change: everything the build read before and now, and the readers of what changed.
   */
  setBuild(build: KustomizeBuild): string[] {
    const previous = this.builds.get(build.uri);
    const uri = renderedUri(build.uri);
    const old = this.files.get(uri);
    const file = new SourceFile(uri, build.text.text, undefined, old, 'rendered', true);
    const inputs = new Set([build.uri, ...build.inputs]);
    const affected = [...(previous?.inputs ?? []), ...inputs];
    this.uncover(previous);
    this.builds.set(build.uri, { templateUri: build.uri, folder: folderOf(build.uri), file, origins: new OriginMap(build.text, (source) => this.files.get(source)?.text), inputs, problems: build.problems, build });
    this.cover(this.builds.get(build.uri));
    affected.push(...this.replace(uri, file), ...build.problems.map((problem) => problem.uri));
    for (const input of affected) for (const resource of this.files.get(input)?.parsedResources ?? []) this.findings.forget(resource);
    return visible(affected);
  }

  /** Forgets a kustomization's build; returns the files whose findings may change. */
  deleteBuild(kustomizationUri: string): string[] {
    const entry = this.builds.get(kustomizationUri);
    if (!entry) return [];
    this.uncover(entry);
    this.builds.delete(kustomizationUri);
    const affected = [...entry.inputs, ...entry.problems.map((problem) => problem.uri), ...this.removeFile(renderedUri(kustomizationUri))];
    for (const input of affected) for (const resource of this.files.get(input)?.parsedResources ?? []) this.findings.forget(resource);
    return visible(affected);
  }

  /** The build of a kustomization, when it was built. */
  builtOutputOf(kustomizationUri: string): BuiltOutput | undefined {
    return this.builds.get(kustomizationUri);
  }

  /** The builds that read a file: its own kustomization's, and every overlay's above it. */
  buildsOf(uri: string): BuiltOutput[] {
    return [...this.builds.values()].filter((entry) => entry.inputs.has(uri));
  }

  /** Whether a build reads the file as a resource or a patch, so that it is checked through its builds, not alone. */
  isBuildInput(uri: string): boolean {
    return this.covered.has(uri);
  }

  /** The problems the builds met in a file, once each. */
  buildProblemsOf(uri: string): BuildProblem[] {
    const seen = new Set<string>();
    const found: BuildProblem[] = [];
    for (const entry of this.builds.values()) {
      for (const problem of entry.problems) {
        const key = `${problem.start}:${problem.end}:${problem.code}:${problem.message}`;
        if (problem.uri !== uri || seen.has(key)) continue;
        seen.add(key);
        found.push(problem);
      }
    }
    return found;
  }

  /**
   * The workspace as the checks of `uri` see it: the objects of files that builds read are seen
   * through the builds' output only, and a build sees its own output, not other builds'.
   */
  scopedFor(uri: string): Workspace {
    if (this.covered.size === 0 && this.builds.size === 0) return this;
    const built = this.isBuiltOutput(uri);
    const seen = (resource: Resource) => !this.covered.has(resource.uri) && (!built || resource.uri === uri || !this.isBuiltOutput(resource.uri));
    const view = Object.create(this) as Workspace;
    view.providersOf = (key) => this.providersOf(key).filter(seen);
    view.readersOfKey = (key) => this.readersOfKey(key).filter(seen);
    return view;
  }

  private isBuiltOutput(uri: string): boolean {
    return uri.endsWith(RENDERED_SUFFIX) && this.builds.has(templateUriOf(uri));
  }

  private cover(entry: BuiltOutput | undefined): void {
    for (const input of entry?.inputs ?? []) if (!isKustomization(input)) this.covered.set(input, (this.covered.get(input) ?? 0) + 1);
  }

  private uncover(entry: BuiltOutput | undefined): void {
    for (const input of entry?.inputs ?? []) {
      const count = this.covered.get(input);
      if (count === undefined) continue;
      if (count > 1) this.covered.set(input, count - 1);
      else this.covered.delete(input);
    }
  }

  private dropOutput(templateUri: string): string[] {
    this.outputs.delete(templateUri);
    return this.removeFile(renderedUri(templateUri));
  }

  /** The files that had problems in a chart's last render, whose problems go with it. */
  private dropProblems(rootUri: string): string[] {
    return (this.renders.get(rootUri)?.problems ?? []).map((problem) => problem.uri);
  }

  private replace(uri: string, next: SourceFile, known?: readonly ObjectKeys[]): string[] {
    const changedKeys = new Set<string>();
    const nextObjects = indexedObjectsOf(next, known);
    const kept = new Set(nextObjects);
    const carried = new Set<Indexed>();
    for (const object of this.indexed.get(uri) ?? []) {
      if (kept.has(object)) carried.add(object);
      else this.unindex(object, changedKeys);
    }
    if (!this.files.has(uri) && !uri.endsWith(RENDERED_SUFFIX)) this.folders.add(uri);
    this.files.set(uri, next);
    this.indexed.set(uri, nextObjects);
    for (const object of nextObjects) if (!carried.has(object)) this.index(object, changedKeys);
    // A skipped file (too large, a template) is not read, so its patch list is not either.
    const patches = isKustomization(uri) ? this.updatePatches(uri, next.skipped ? [] : patchFilesOf(uri, next.text)) : [];
    return [...new Set([...this.readersOf(changedKeys, uri), ...this.quotersOf(next.movedResources, uri), ...patches])];
  }

  /**
   * The other files whose findings may quote a position in the moved objects: their findings
   * stay right, but what an editor shows of them must move too.
   */
  private quotersOf(moved: Resource[], except: string): string[] {
    const files = new Set<string>();
    for (const resource of moved) {
      for (const key of this.providers.keys(resource)) {
        for (const reader of this.readers.objects(key)) if (reader.uri !== except) files.add(reader.uri);
      }
    }
    return [...files];
  }

  /**
   * Whether a kustomization of the workspace applies this file as a patch, so that its objects
   * are partial and what they leave out comes from the base.
   */
  isPatch(uri: string): boolean {
    for (const patches of this.patchesByKustomization.values()) if (patches.includes(uri)) return true;
    return false;
  }

  /** Records a kustomization's patch list and returns the files whose patch status may change. */
  private updatePatches(uri: string, next: string[]): string[] {
    if (!isKustomization(uri)) return [];
    const previous = this.patchesByKustomization.get(uri) ?? [];
    if (next.length > 0) this.patchesByKustomization.set(uri, next);
    else this.patchesByKustomization.delete(uri);
    const affected = [...previous, ...next].filter((file) => file !== uri);
    for (const file of affected) for (const resource of this.files.get(file)?.parsedResources ?? []) this.findings.forget(resource);
    return affected;
  }

  private removeFile(uri: string): string[] {
    const previous = this.files.get(uri);
    if (!previous) return [];
    const changedKeys = new Set<string>();
    for (const object of this.indexed.get(uri) ?? []) this.unindex(object, changedKeys);
    this.files.delete(uri);
    this.indexed.delete(uri);
    if (!uri.endsWith(RENDERED_SUFFIX)) this.folders.remove(uri);
    return [...new Set([...this.readersOf(changedKeys, uri), ...this.updatePatches(uri, [])])];
  }

  /** Forgets a file and returns the files that read what it provided; without its `Chart.yaml`, a folder is no chart. */
  delete(uri: string): string[] {
    const affected = this.removeFile(uri);
    const chart = chartRootOfManifest(uri);
    if (chart && this.chartRoots.delete(chart)) {
      affected.push(...this.reread((file, source) => source.role === 'chart-template' && isUnderTemplates(chart, file)));
    }
    return visible(affected);
  }

  /** The namespace an object will live in: its own, or the configured default. */
  namespaceOf(resource: Resource): string {
    return resource.namespace ?? this.config.defaultNamespace;
  }

  /** Objects of a kind and name in every namespace, in file order. */
  named<K extends keyof KindMap>(kind: K, name: string): Resource<KindMap[K]>[] {
    return this.providersOf(`${kind}/${name}`) as Resource<KindMap[K]>[];
  }

  /** Every object of a kind, in every namespace. */
  ofKind<K extends keyof KindMap>(kind: K): Resource<KindMap[K]>[] {
    return this.providersOf(`every:${kind}`) as Resource<KindMap[K]>[];
  }

  /** The objects providing a key, such as the budgets whose selector needs `selects:app=web`. */
  providersOf(key: string): Resource[] {
    return resourcesOf(this.providers.objects(key));
  }

  /** Objects that read what `key` names (such as every StatefulSet governed by `Service/web`). */
  readersOfKey(key: string): Resource[] {
    return resourcesOf(this.readers.objects(key));
  }

  /** Objects with a field naming what `key` names, or a selector that may pick such pods (see `referenceKeys`). */
  referrersOf(key: string): Resource[] {
    return resourcesOf(this.referrers.objects(key));
  }

  private index(object: Indexed, changedKeys: Set<string>): void {
    const keys = object instanceof LightObject ? object : keysOf(object);
    this.providers.add(object, keys.provided);
    keys.provided.forEach((key) => changedKeys.add(key));
    this.readers.add(object, keys.required);
    this.referrers.add(object, keys.references);
  }

  private unindex(object: Indexed, changedKeys: Set<string>): void {
    this.providers.remove(object).forEach((key) => changedKeys.add(key));
    this.readers.remove(object);
    this.referrers.remove(object);
  }

  /** Drops the findings of the objects that read any of `keys`, and returns the other files holding them. */
  private readersOf(keys: Set<string>, except: string): string[] {
    const files = new Set<string>();
    for (const key of keys) {
      for (const reader of this.readers.objects(key)) {
        const parsed = reader instanceof LightObject ? reader.parsedResource : reader;
        if (parsed) this.findings.forget(parsed);
        if (reader.uri !== except) files.add(reader.uri);
      }
    }
    return [...files];
  }
}

/**
 * The files to tell about, as the user knows them: a rendered output's findings show on its
 * template, so the template stands for it.
 */
function visible(uris: readonly string[]): string[] {
  return [...new Set(uris.map(templateUriOf))];
}

/** An object as the indexes hold it: parsed, or a stand-in until its file is. */
type Indexed = Resource | LightObject;

/**
 * The objects behind index entries. A stand-in whose file parsed to fewer objects than the light
 * reader saw is left out rather than handed on as undefined: a check must never meet a hole.
 */
function resourcesOf(objects: Iterable<Indexed>): Resource[] {
  const found: Resource[] = [];
  for (const object of objects) {
    const resource = object instanceof LightObject ? object.resource : object;
    if (resource) found.push(resource);
  }
  return found;
}

function keysOf(resource: Resource): { provided: string[]; required: string[]; references: string[] } {
  return { provided: providedKeys(resource), required: requiredKeys(resource), references: referenceKeys(resource) };
}
