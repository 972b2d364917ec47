/** Values made from a key, kept for the most recently used keys only, so that memory stays bounded. */
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value kept for `key`, else the one `make` gives, which is kept in place of the least recently used. */
  get(key: K, make: (key: K) => V): V {
    let value = this.entries.get(key);
    // Deleting first keeps recently used keys last, so eviction takes the oldest.
    if (value !== undefined) this.entries.delete(key);
    else value = make(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }
}

/**
 * Values made from texts, by the file (or other key) each text is a version of: the latest few
 * versions of the most recently used files. Memory then follows the number of files, however
 * long a file is edited, when an unbounded cache by text would keep every keystroke's version.
 */
export class RecentVersions<V> {
  private readonly files: RecentlyUsed<string, RecentlyUsed<string, V>>;

  constructor(
    capacity: number,
    /** How many versions to keep of a key's texts. */
    private readonly versions: (key: string) => number,
  ) {
    this.files = new RecentlyUsed(capacity);
  }

  /** How many versions it holds. */
  get size(): number {
    let total = 0;
    for (const versions of this.files.values()) total += versions.size;
    return total;
  }

  get(key: string, text: string, make: () => V): V {
    return this.files.get(key, () => new RecentlyUsed(this.versions(key))).get(text, make);
  }
}
