import type { GitObject } from './objects';

/**
 * Objects read recently, up to a total size. An object id names the same bytes forever, so an
 * entry never goes stale; the oldest unused ones leave when the budget is spent.
 */
export class ObjectCache {
  private readonly entries = new Map<string, GitObject>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  get(key: string): GitObject | undefined {
    const found = this.entries.get(key);
    if (found) {
      // Map order is insertion order: moving a hit to the end keeps the least used first.
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: string, object: GitObject): void {
    if (object.data.length > this.budget || this.entries.has(key)) return;
    this.entries.set(key, object);
    this.bytes += object.data.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= entry.data.length;
    }
  }
}
