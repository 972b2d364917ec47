/** Objects by the dependency keys they provide or read (see `dependencies.ts`), with each object's keys remembered. */
export class KeyIndex<T extends object> {
  private readonly byKey = new Map<string, Set<T>>();
  private readonly keysOf = new WeakMap<T, readonly string[]>();

  add(object: T, keys: readonly string[]): void {
    this.keysOf.set(object, keys);
    for (const key of keys) {
      let bucket = this.byKey.get(key);
      if (!bucket) this.byKey.set(key, (bucket = new Set()));
      bucket.add(object);
    }
  }

  /** Takes the object out and returns the keys it had. */
  remove(object: T): readonly string[] {
    const keys = this.keysOf.get(object) ?? [];
    for (const key of keys) {
      const bucket = this.byKey.get(key);
      bucket?.delete(object);
      if (bucket?.size === 0) this.byKey.delete(key);
    }
    return keys;
  }

  keys(object: T): readonly string[] {
    return this.keysOf.get(object) ?? [];
  }

  /** The objects with this key, in the order they were added. */
  objects(key: string): Iterable<T> {
    return this.byKey.get(key) ?? [];
  }
}
