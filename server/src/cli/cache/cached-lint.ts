import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { analyze } from '../../engine/analyze';
import type { EngineConfig } from '../../engine/config';
import { SourceFile } from '../../engine/document/source-file';
import { isKustomization } from '../../engine/kustomize/patch-files';
import type { Finding } from '../../engine/types';
import type { BaseVersion } from '../../engine/workspace/base-versions';
import { fileKeys, type FileKeys } from '../../engine/workspace/file-keys';
import { Workspace } from '../../engine/workspace/workspace';
import { isInside, readYamlFile, type ReadResult } from '../../files/yaml-files';
import { chartRoots, type ChartRendering } from '../charts';
import type { FileFindings } from '../format';
import { findingsOf, loadWorkspace, readable, type FileReader, type LintedWorkspace } from '../lint';
import { cachedFile, digest, readCache, writeCache, type CachedFile, type LintCache, CACHE_FORMAT } from './cache-file';

/** A file's size and modification time, which tell without reading it that it did not change. */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** How a cached run reaches the files; tests give their own to count the reads. */
export interface LintIo {
  read: FileReader;
  stat(file: string): Promise<FileStat | undefined>;
}

/** Where the cache lives and what it must have been written for to be used. */
export interface CacheSettings {
  file: string;
  version: string;
  /** Of every option that changes findings. */
  options: string;
}

type Readable = Exclude<ReadResult, { kind: 'unreadable' }>;

const NO_KEYS: FileKeys = { provided: [], required: [] };

/** What this run knows of a file's own content. */
interface Own {
  size: number;
  mtimeMs: number;
  hash: string;
  base: string;
  keys: FileKeys;
}

/**
 * `lint --cache`: the findings of the last run for every file whose content, and whose
 * providers (the files giving what it requires, see `dependencies.ts`), did not change; the
 * files that did are read and checked with those providers only. A change that may reach a
 * kustomize build or a chart render, whose outputs any file may read, checks every file as a
 * run without the cache does. Either way the output is what a run without the cache prints.
 */
export async function lintWithCache(
  files: readonly string[],
  config: EngineConfig,
  charts: ChartRendering | undefined,
  bases: ReadonlyMap<string, BaseVersion | undefined> | undefined,
  settings: CacheSettings,
  io: LintIo,
): Promise<{ results: FileFindings[]; writeFailure?: string }> {
  const previous = await readCache(settings.file, settings.version, settings.options);
  // What was read, as read: an unreadable file stops the run where it comes in file order, as without the cache.
  const texts = new Map<string, ReadResult>();
  const fetch = async (file: string): Promise<ReadResult> => {
    const known = texts.get(file) ?? (await io.read(file));
    texts.set(file, known);
    return known;
  };
  const read = async (file: string): Promise<Readable> => readable(file, await fetch(file));
  const own = new Map<string, Own>();
  const changed = new Set<string>();
  const stats = await statAll(files, io);
  const baseOf = (file: string) => (bases ? digest(JSON.stringify(bases.get(file) ?? null)) : '');
  const asCached = (file: string, index: number) => {
    const old = cachedFile(previous, file);
    const stat = stats[index];
    return old !== undefined && stat !== undefined && old.size === stat.size && old.mtimeMs === stat.mtimeMs && old.base === baseOf(file);
  };
  await inBatches(files.filter((file, index) => !asCached(file, index)), fetch);
  for (const [index, file] of files.entries()) {
    const stat = stats[index];
    const old = cachedFile(previous, file);
    const base = baseOf(file);
    if (old && stat && asCached(file, index)) {
      own.set(file, { ...stat, hash: old.hash, base, keys: { provided: old.provided, required: old.required } });
      continue;
    }
    const content = await read(file);
    const hash = content.kind === 'text' ? digest(content.text) : `oversized:${content.bytes}`;
    if (!old || old.hash !== hash || old.base !== base) changed.add(file);
    // Without a cache every file is checked, and its keys are taken from that check.
    const keys = old && !changed.has(file) ? { provided: old.provided, required: old.required } : previous ? keysOf(file, content) : NO_KEYS;
    own.set(file, { size: stat?.size ?? -1, mtimeMs: stat?.mtimeMs ?? -1, hash, base, keys });
  }
  const plan = previous ? partialPlan(previous, files, own, changed) : undefined;
  const cache = plan
    ? await checkPartly(previous!, files, own, plan, config, bases, read)
    : await checkAll(files, own, await loadWorkspace(files, config, charts, bases, fetch), settings);
  const results = files.map((file) => ({ file, findings: cache.files[file].findings }));
  // Every file as the cache has it and none gone: the cache already says all this run learnt.
  const unchanged = previous !== undefined && texts.size === 0 && Object.keys(previous.files).length === files.length;
  return { results, writeFailure: unchanged ? undefined : await writeCache(settings.file, cache) };
}

/** Files stated or read at once: enough to overlap the waits, few enough to hold few file handles. */
const BATCH = 32;

async function inBatches<T>(files: readonly string[], work: (file: string) => Promise<T>): Promise<T[]> {
  const done: T[] = [];
  for (let start = 0; start < files.length; start += BATCH) done.push(...(await Promise.all(files.slice(start, start + BATCH).map(work))));
  return done;
}

function statAll(files: readonly string[], io: LintIo): Promise<(FileStat | undefined)[]> {
  return inBatches(files, (file) => io.stat(file));
}

/** The files to check again and the files whose objects they need, when that is all a change needs. */
interface Plan {
  recheck: Set<string>;
  providers: Set<string>;
  dependencies: Map<string, string>;
}

/** What to check when no change can reach a build or a render; undefined when every file must be checked. */
function partialPlan(previous: LintCache, files: readonly string[], own: ReadonlyMap<string, Own>, changed: ReadonlySet<string>): Plan | undefined {
  const listed = new Set(files);
  const deleted = Object.keys(previous.files).filter((file) => !listed.has(file));
  const roots = chartRoots([...files, ...deleted]);
  const touched = [...changed, ...deleted];
  if (touched.some((file) => cachedFile(previous, file)?.derived || takesPartInBuildsOrCharts(file, roots))) return undefined;
  // A new file may be a path a kustomization names and did not find.
  if ([...changed].some((file) => !cachedFile(previous, file)) && files.some((file) => isKustomization(URI.file(file).toString()))) return undefined;
  const derivedRequired = new Set(previous.derivedRequired);
  const derivedProvided = new Set(previous.derivedProvided);
  const touchedKeys = touched.flatMap((file) => [...(cachedFile(previous, file)?.provided ?? []), ...(own.get(file)?.keys.provided ?? [])]);
  if (touchedKeys.some((key) => derivedRequired.has(key))) return undefined;
  const graph = dependencyGraph(files, own, derivedProvided);
  const recheck = new Set<string>(changed);
  for (const file of files) if (!changed.has(file) && graph.fingerprints.get(file) !== cachedFile(previous, file)?.dependencies) recheck.add(file);
  // A file a build reads is checked through the build's output, which this run does not make.
  if ([...recheck].some((file) => cachedFile(previous, file)?.derived)) return undefined;
  const providers = new Set<string>();
  for (const file of recheck) {
    for (const key of own.get(file)!.keys.required) {
      if (derivedProvided.has(key)) return undefined;
      for (const provider of graph.providers.get(key) ?? []) {
        // Other files see the objects a build reads through its output alone.
        if (cachedFile(previous, provider)?.derived) return undefined;
        if (!recheck.has(provider)) providers.add(provider);
      }
    }
  }
  return { recheck, providers, dependencies: graph.fingerprints };
}

/** Checks the files the plan names, with only the objects they need; every other file keeps its findings. */
async function checkPartly(
  previous: LintCache,
  files: readonly string[],
  own: ReadonlyMap<string, Own>,
  plan: Plan,
  config: EngineConfig,
  bases: ReadonlyMap<string, BaseVersion | undefined> | undefined,
  read: (file: string) => Promise<Readable>,
): Promise<LintCache> {
  const workspace = new Workspace(config);
  for (const file of files) {
    if (!plan.recheck.has(file) && !plan.providers.has(file)) continue;
    const uri = URI.file(file).toString();
    const content = await read(file);
    if (content.kind === 'oversized') workspace.setOversized(uri, content.bytes);
    else if (plan.recheck.has(file)) workspace.set(uri, content.text);
    else workspace.setUnopened(uri, content.text);
    workspace.setBase(uri, bases?.get(file));
  }
  const entries: Record<string, CachedFile> = {};
  for (const file of files) {
    const known = own.get(file)!;
    const findings = plan.recheck.has(file) ? analyze(workspace, URI.file(file).toString()) : cachedFile(previous, file)!.findings;
    entries[file] = entryOf(known, cachedFile(previous, file)?.derived ?? false, plan.dependencies.get(file)!, findings);
  }
  return { ...previous, files: entries };
}

/** Checks every file, as a run without the cache does, and notes what each depends on. */
function checkAll(files: readonly string[], own: Map<string, Own>, linted: LintedWorkspace, settings: CacheSettings): LintCache {
  const { workspace, uris } = linted;
  const derivedProvided = new Set<string>();
  const derivedRequired = new Set<string>();
  for (const uri of workspace.uris()) {
    const output = workspace.builtOutputOf(uri)?.file ?? workspace.renderedOutputOf(uri)?.file;
    if (!output) continue;
    const keys = fileKeys(output);
    keys.provided.forEach((key) => derivedProvided.add(key));
    keys.required.forEach((key) => derivedRequired.add(key));
  }
  const roots = chartRoots(files);
  for (const file of files) {
    const known = own.get(file)!;
    own.set(file, { ...known, keys: fileKeys(workspace.get(uris.get(file)!)!) });
  }
  const graph = dependencyGraph(files, own, derivedProvided);
  const entries: Record<string, CachedFile> = {};
  for (const file of files) {
    const uri = uris.get(file)!;
    const derived = takesPartInBuildsOrCharts(file, roots) || workspace.buildsOf(uri).length > 0 || workspace.isBuildInput(uri);
    entries[file] = entryOf(own.get(file)!, derived, graph.fingerprints.get(file)!, findingsOf(linted, file));
  }
  return {
    format: CACHE_FORMAT,
    version: settings.version,
    options: settings.options,
    derivedProvided: [...derivedProvided].sort(),
    derivedRequired: [...derivedRequired].sort(),
    files: entries,
  };
}

function entryOf(known: Own, derived: boolean, dependencies: string, findings: Finding[]): CachedFile {
  const { size, mtimeMs, hash, base, keys } = known;
  // What a code action would need is not printed: it stays out of the cache.
  const kept = findings.map(({ fix: _fix, ...printed }) => printed);
  return { size, mtimeMs, hash, base, provided: keys.provided, required: keys.required, derived, dependencies, findings: kept };
}

/** For each key, the files providing it, in file order; for each file, a fingerprint of the providers of what it requires. */
function dependencyGraph(files: readonly string[], own: ReadonlyMap<string, Own>, derivedProvided: ReadonlySet<string>) {
  const providers = new Map<string, string[]>();
  for (const file of files) {
    for (const key of own.get(file)!.keys.provided) {
      const list = providers.get(key);
      if (list) list.push(file);
      else providers.set(key, [file]);
    }
  }
  const fingerprints = new Map<string, string>();
  for (const file of files) {
    const parts = own.get(file)!.keys.required.map((key) => [key, derivedProvided.has(key), (providers.get(key) ?? []).map((provider) => [provider, own.get(provider)!.hash])]);
    fingerprints.set(file, digest(JSON.stringify(parts)));
  }
  return { providers, fingerprints };
}

/** A kustomization, a chart's file or a Helm helper: its change may change what builds and renders make. */
function takesPartInBuildsOrCharts(file: string, roots: readonly string[]): boolean {
  const uri = URI.file(file).toString();
  return isKustomization(uri) || path.basename(file) === 'Chart.yaml' || /\.tpl$/i.test(file) || roots.some((root) => isInside(root, file));
}

/** The keys of a file read for this run, as the workspace would index it unopened. */
function keysOf(file: string, content: Readable): FileKeys {
  if (content.kind === 'oversized') return { provided: [], required: [] };
  return fileKeys(new SourceFile(URI.file(file).toString(), content.text, undefined, undefined, 'plain', true));
}

export const diskIo: LintIo = {
  read: readYamlFile,
  stat: (file) => fs.stat(file).then(({ size, mtimeMs }) => ({ size, mtimeMs }), () => undefined),
};
