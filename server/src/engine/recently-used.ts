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
}
