/** Runs one task per key after a quiet period; a new request for a key restarts its wait. */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  schedule(key: string, delayMs: number, task: () => void): void {
    this.cancel(key);
    if (delayMs <= 0) {
      task();
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        task();
      }, delayMs),
    );
  }

  /** Whether any task waits for its quiet period to end. */
  get waiting(): boolean {
    return this.timers.size > 0;
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}
