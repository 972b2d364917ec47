import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Turns } from '../../../server/src/lsp/turns';

describe('Turns', () => {
  it('lets work queued on the event loop run between two turns asked for at once', async () => {
    const turns = new Turns();
    const events: string[] = [];
    const first = turns.next().then(() => {
      events.push('first turn');
      // Stands for a request read from the connection while the first build runs.
      setImmediate(() => events.push('request'));
    });
    const second = turns.next().then(() => events.push('second turn'));
    await Promise.all([first, second]);
    assert.deepEqual(events, ['first turn', 'request', 'second turn']);
  });

  it('keeps the order turns were asked in', async () => {
    const turns = new Turns();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((index) => turns.next().then(() => order.push(index))));
    assert.deepEqual(order, [1, 2, 3, 4]);
  });
});
