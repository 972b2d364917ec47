/**
 * Gives long runs of synchronous work (the first builds of a whole workspace) one turn of the
 * event loop each, so that requests and notifications arriving meanwhile are read and answered
 * between them instead of after all of them. Turns are taken in the order they were asked for.
 */
export class Turns {
  private last: Promise<void> = Promise.resolve();

  /** Resolves once every earlier turn has started, in an event-loop iteration of its own. */
  next(): Promise<void> {
    const turn = this.last.then(() => new Promise<void>(nextTurn));
    this.last = turn;
    return turn;
  }
}

/** Node's setImmediate runs after pending input is read; a browser has none, and a zero timeout does the same there. */
function nextTurn(resolve: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(resolve);
  else setTimeout(resolve, 0);
}
