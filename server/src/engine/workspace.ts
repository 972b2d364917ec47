import { DEFAULT_CONFIG, type EngineConfig } from './config';
import { providedKeys, requiredKeys } from './dependencies';
import { isKustomization, patchFilesOf } from './kustomize';
import type { KindMap, Resource } from './resource';
import { SourceFile } from './source-file';

/**
 * Every YAML file the checks may look at, parsed once per text, with an index of objects
 * by kind and name and a reverse index of which files read what others provide.
 */
export class Workspace {
  private readonly files = new Map<string, SourceFile>();
  private readonly byKindAndName = new Map<string, Set<Resource>>();
  private readonly byKind = new Map<string, Set<Resource>>();
  private readonly readersOfKeyIndex = new Map<string, Set<string>>();
  /** What each indexed object reads, computed once: a file may hold thousands of objects. */
  private readonly requiredKeysOf = new WeakMap<Resource, string[]>();
  /** For each kustomization file, the patch files it lists. */
  private readonly patchesByKustomization = new Map<string, string[]>();
  private config: EngineConfig;

  constructor(config: EngineConfig = DEFAULT_CONFIG) {
    this.config = config;
  }

  get settings(): EngineConfig {
    return this.config;
  }

  configure(config: EngineConfig): void {
    this.config = config;
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
   * it. Setting the same text again costs nothing and affects nobody.
   */
  set(uri: string, text: string): string[] {
    const previous = this.files.get(uri);
    if (previous?.text === text && !previous.skipped) return [];
    return this.replace(uri, previous, new SourceFile(uri, text));
  }

  /** Records a file too large to read, so that it is reported but costs no memory. */
  setOversized(uri: string, bytes: number): string[] {
    return this.replace(uri, this.files.get(uri), new SourceFile(uri, '', bytes));
  }

  private replace(uri: string, previous: SourceFile | undefined, next: SourceFile): string[] {
    const changedKeys = new Set<string>();
    if (previous) this.unindex(previous, changedKeys);
    this.files.set(uri, next);
    this.index(next, changedKeys);
    // A skipped file (too large, a template) is not read, so its patch list is not either.
    const patches = isKustomization(uri) ? this.updatePatches(uri, next.skipped ? [] : patchFilesOf(uri, next.text)) : [];
    return [...new Set([...this.readersOf(changedKeys, uri), ...patches])];
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
    return [...previous, ...next].filter((file) => file !== uri);
  }

  /** Forgets a file and returns the files that read what it provided. */
  delete(uri: string): string[] {
    const previous = this.files.get(uri);
    if (!previous) return [];
    const changedKeys = new Set<string>();
    this.unindex(previous, changedKeys);
    this.files.delete(uri);
    return [...new Set([...this.readersOf(changedKeys, uri), ...this.updatePatches(uri, [])])];
  }

  /** The namespace an object will live in: its own, or the configured default. */
  namespaceOf(resource: Resource): string {
    return resource.namespace ?? this.config.defaultNamespace;
  }

  /** Objects of a kind and name in every namespace, in file order. */
  named<K extends keyof KindMap>(kind: K, name: string): Resource<KindMap[K]>[] {
    return [...(this.byKindAndName.get(`${kind}/${name}`) ?? [])] as Resource<KindMap[K]>[];
  }

  /** Every object of a kind, in every namespace. */
  ofKind<K extends keyof KindMap>(kind: K): Resource<KindMap[K]>[] {
    return [...(this.byKind.get(kind) ?? [])].filter((resource) => resource.is(kind)) as Resource<KindMap[K]>[];
  }

  /** Objects that read what `key` names (such as every StatefulSet governed by `Service/web`). */
  readersOfKey(key: string): Resource[] {
    const readers: Resource[] = [];
    for (const uri of this.readersOfKeyIndex.get(key) ?? []) {
      for (const resource of this.files.get(uri)?.resources ?? []) {
        if (this.requiredKeysOf.get(resource)?.includes(key)) readers.push(resource);
      }
    }
    return readers;
  }

  private index(file: SourceFile, changedKeys: Set<string>): void {
    for (const resource of file.resources) {
      const key = `${resource.kind}/${resource.name}`;
      let bucket = this.byKindAndName.get(key);
      if (!bucket) this.byKindAndName.set(key, (bucket = new Set()));
      bucket.add(resource);
      let sameKind = this.byKind.get(resource.kind);
      if (!sameKind) this.byKind.set(resource.kind, (sameKind = new Set()));
      sameKind.add(resource);
      for (const provided of providedKeys(resource)) changedKeys.add(provided);
      const requiredKeysHere = requiredKeys(resource);
      this.requiredKeysOf.set(resource, requiredKeysHere);
      for (const required of requiredKeysHere) {
        let readers = this.readersOfKeyIndex.get(required);
        if (!readers) this.readersOfKeyIndex.set(required, (readers = new Set()));
        readers.add(file.uri);
      }
    }
  }

  private unindex(file: SourceFile, changedKeys: Set<string>): void {
    for (const resource of file.resources) {
      const key = `${resource.kind}/${resource.name}`;
      const bucket = this.byKindAndName.get(key);
      bucket?.delete(resource);
      if (bucket?.size === 0) this.byKindAndName.delete(key);
      this.byKind.get(resource.kind)?.delete(resource);
      for (const provided of providedKeys(resource)) changedKeys.add(provided);
      for (const required of this.requiredKeysOf.get(resource) ?? []) {
        const readers = this.readersOfKeyIndex.get(required);
        readers?.delete(file.uri);
        if (readers?.size === 0) this.readersOfKeyIndex.delete(required);
      }
    }
  }

  private readersOf(keys: Set<string>, except: string): string[] {
    const readers = new Set<string>();
    for (const key of keys) {
      for (const reader of this.readersOfKeyIndex.get(key) ?? []) if (reader !== except) readers.add(reader);
    }
    return [...readers];
  }
}
