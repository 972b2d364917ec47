import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { fixtureSeeds } from './seeds';
import { PLAIN_CAPABILITIES, runSession, SessionServer, sessionArbitrary } from './sessions';

/*
 * Editing sessions against the built server over stdio: it answers every request, logs no
 * failure, stays up, and publishes what a fresh analysis of the final texts finds.
 */

const sessions = sessionArbitrary(fixtureSeeds());

describe('server fuzz over stdio', () => {
  const editor = new SessionServer();
  // A typing pause before each check, and a client that takes fixes as plain edits.
  const plain = new SessionServer({ validation: { delay: 30 } }, PLAIN_CAPABILITIES);
  after(async () => {
    await editor.dispose();
    await plain.dispose();
  });

  it('sessions from an editor like VS Code, checking at once', async () => {
    await fc.assert(
      fc.asyncProperty(sessions, (operations) => runSession(editor, operations)),
      { numRuns: 150 },
    );
  });

  it('sessions with a debounce delay, from a client without resolve or document changes', async () => {
    await fc.assert(
      fc.asyncProperty(sessions, (operations) => runSession(plain, operations)),
      { numRuns: 60 },
    );
  });
});
