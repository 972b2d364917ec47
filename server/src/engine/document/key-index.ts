import type { Resource } from './resource';

/** Objects by the dependency keys they provide or read (see `dependencies.ts`), with each object's keys remembered. */
export class KeyIndex {
  private readonly byKey = new Map<string, Set<Resource>>();
  private readonly keysOf = new WeakMap<Resource, string[]>();

  add(resource: Resource, keys: string[]): void {
    this.keysOf.set(resource, keys);
    for (const key of keys) {
      let bucket = this.byKey.get(key);
      if (!bucket) this.byKey.set(key, (bucket = new Set()));
      bucket.add(resource);
    }
  }

  /** Takes the object out and returns the keys it had. */
  remove(resource: Resource): string[] {
    const keys = this.keysOf.get(resource) ?? [];
    for (const key of keys) {
      const bucket = this.byKey.get(key);
      bucket?.delete(resource);
      if (bucket?.size === 0) this.byKey.delete(key);
    }
    return keys;
  }

  keys(resource: Resource): string[] {
    return this.keysOf.get(resource) ?? [];
  }

  /** The objects with this key, in the order they were added. */
  objects(key: string): Iterable<Resource> {
    return this.byKey.get(key) ?? [];
  }
}
