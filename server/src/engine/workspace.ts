import { DEFAULT_CONFIG, type EngineConfig } from './config';
import { providedKeys, requiredKeys } from './dependencies';
import { FindingsCache } from './findings-cache';
import { KeyIndex } from './key-index';
import { isKustomization, patchFilesOf } from './kustomize';
import type { KindMap, Resource } from './resource';
import { SourceFile } from './source-file';

/**
 * Every YAML file the checks may look at, parsed once per document text, with an index of
 * objects by kind and name, a reverse index of which objects read what others provide, and
 * the findings of each object until what they depend on changes.
 */
export class Workspace {
  private readonly files = new Map<string, SourceFile>();
  /** The objects providing each key (see `providedKeys`): by kind and name, by kind, by selected label. */
  private readonly providers = new KeyIndex();
  /** The objects reading each key (see `requiredKeys`). */
  private readonly readers = new KeyIndex();
  /** For each kustomization file, the patch files it lists. */
  private readonly patchesByKustomization = new Map<string, string[]>();
  private config: EngineConfig;
  readonly findings = new FindingsCache((uri) => this.files.get(uri));

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

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * Stores a file's text and returns the other files whose findings may change because of
   * it. Setting the same text again costs nothing and affects nobody; only the documents
   * whose text changed are parsed again.
   */
  set(uri: string, text: string): string[] {
    const previous = this.files.get(uri);
    if (previous?.text === text && !previous.skipped) return [];
    return this.replace(uri, previous, new SourceFile(uri, text, undefined, previous));
  }

  /** Records a file too large to read, so that it is reported but costs no memory. */
  setOversized(uri: string, bytes: number): string[] {
    return this.replace(uri, this.files.get(uri), new SourceFile(uri, '', bytes));
  }

  private replace(uri: string, previous: SourceFile | undefined, next: SourceFile): string[] {
    const changedKeys = new Set<string>();
    const kept = new Set(next.resources);
    const carried = new Set<Resource>();
    for (const resource of previous?.resources ?? []) {
      if (kept.has(resource)) carried.add(resource);
      else this.unindex(resource, changedKeys);
    }
    this.files.set(uri, next);
    for (const resource of next.resources) if (!carried.has(resource)) this.index(resource, changedKeys);
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
    for (const file of affected) for (const resource of this.files.get(file)?.resources ?? []) this.findings.forget(resource);
    return affected;
  }

  /** Forgets a file and returns the files that read what it provided. */
  delete(uri: string): string[] {
    const previous = this.files.get(uri);
    if (!previous) return [];
    const changedKeys = new Set<string>();
    for (const resource of previous.resources) this.unindex(resource, changedKeys);
    this.files.delete(uri);
    return [...new Set([...this.readersOf(changedKeys, uri), ...this.updatePatches(uri, [])])];
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
    return [...this.providers.objects(key)];
  }

  /** Objects that read what `key` names (such as every StatefulSet governed by `Service/web`). */
  readersOfKey(key: string): Resource[] {
    return [...this.readers.objects(key)];
  }

  private index(resource: Resource, changedKeys: Set<string>): void {
    const provided = providedKeys(resource);
    this.providers.add(resource, provided);
    provided.forEach((key) => changedKeys.add(key));
    this.readers.add(resource, requiredKeys(resource));
  }

  private unindex(resource: Resource, changedKeys: Set<string>): void {
    this.providers.remove(resource).forEach((key) => changedKeys.add(key));
    this.readers.remove(resource);
  }

  /** Drops the findings of the objects that read any of `keys`, and returns the other files holding them. */
  private readersOf(keys: Set<string>, except: string): string[] {
    const files = new Set<string>();
    for (const key of keys) {
      for (const reader of this.readers.objects(key)) {
        this.findings.forget(reader);
        if (reader.uri !== except) files.add(reader.uri);
      }
    }
    return [...files];
  }
}
