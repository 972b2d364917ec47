import { after, describe, it } from 'node:test';
import { checkEngine } from './engine-check';
import { engineRegressions, sessionRegressions } from './regressions';
import { runSession, SessionServer } from './sessions';

describe('inputs the fuzz once failed on', () => {
  for (const { name, testCase } of engineRegressions()) {
    it(`engine: ${name}`, () => checkEngine(testCase));
  }

  const server = new SessionServer();
  after(() => server.dispose());
  for (const { name, operations } of sessionRegressions()) {
    it(`server session: ${name}`, () => runSession(server, operations));
  }
});
