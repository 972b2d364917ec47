// Measurement 2: time to diagnostics over stdio, on opening a file and on editing one value in it.
import type { SizedInput } from './analysis';
import { LspSession, type ServerCommand } from './lsp-session';
import { ReplicasEdit } from './replicas-edit';
import type { ServerFigures } from './results';
import { sample, type Repetitions } from './timing';

/**
 * Starts a server without a workspace folder; `ready` returns once it has taken its
 * configuration and can be timed.
 */
export async function startSession(server: ServerCommand, ready: (session: LspSession) => Promise<void>): Promise<LspSession> {
  const session = new LspSession(server);
  try {
    await session.initialize();
    await session.initialized();
    await ready(session);
    return session;
  } catch (error) {
    await session.shutdown();
    throw error;
  }
}

/** Times opening the file, closed again after each run, then editing it while it is open. */
export async function measureFile(session: LspSession, { uri, text }: SizedInput, repetitions: Repetitions): Promise<ServerFigures> {
  let diagnostics = 0;
  const open = await sample(repetitions, async () => {
    const opened = await session.open(uri, text);
    diagnostics = opened.diagnostics.length;
    await session.close(uri);
    return opened.elapsed;
  });
  await session.open(uri, text);
  const replicas = new ReplicasEdit(text);
  const edit = await sample(repetitions, async () => (await session.change(uri, replicas.next())).elapsed);
  await session.close(uri);
  return { open, edit, diagnostics, incrementalSync: session.incremental };
}
