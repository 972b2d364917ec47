// The navigation figures of `npm run bench:editor`: definition, references, rename and code lens
// on the generated 3,000-line file, alone and with the 2,000-file workspace of `npm run bench`
// indexed beside it, through the engine and over stdio.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SourceFile } from '../../server/src/engine/document/source-file';
import { lensSpotsOf, resolveLens, type LensSpot } from '../../server/src/engine/navigation/code-lens';
import { definitionsAt, referencesAt } from '../../server/src/engine/navigation/navigate';
import { renameAt } from '../../server/src/engine/navigation/rename';
import type { Position } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { fileUri, TestClient } from '../../test/helpers/lsp-client';
import { generateWorkspace } from './inputs';
import { writeWorkspace } from './workspace';

const WORKSPACE_FILES = 2_000;
const WORKSPACE_SEED = 2026;

export type Timer = (run: () => unknown | Promise<unknown>) => Promise<number>;

interface NavigationProbe {
  name: string;
  method: 'textDocument/definition' | 'textDocument/references' | 'textDocument/rename' | 'textDocument/codeLens' | 'codeLens/resolve';
  position: Position;
}

/** Medians, in milliseconds, by probe and by setting. */
export type NavigationFigures = Map<string, Record<'engine alone' | 'engine, 2,000 files' | 'stdio, 2,000 files', number>>;

/**
 * `serviceName` and its Service, in the middle of the file: a definition, its references and
 * a rename there each look across the whole workspace.
 */
function probes(positionOf: (needle: string, shift: number) => Position): NavigationProbe[] {
  return [
    { name: 'definition of serviceName', method: 'textDocument/definition', position: positionOf('  serviceName: db-12\n', '  serviceName: '.length) },
    { name: 'references of a Service', method: 'textDocument/references', position: positionOf('kind: Service\nmetadata:\n  name: db-12\n', 'kind: Service\nmetadata:\n  name: '.length) },
    { name: 'rename of a Service', method: 'textDocument/rename', position: positionOf('kind: Service\nmetadata:\n  name: db-12\n', 'kind: Service\nmetadata:\n  name: '.length) },
    { name: 'code lenses of the file, listed', method: 'textDocument/codeLens', position: { line: 0, character: 0 } },
    { name: 'code lenses of one set, resolved', method: 'codeLens/resolve', position: positionOf('  serviceName: db-12\n', 0) },
  ];
}

function engineRun(workspace: Workspace, uri: string, probe: NavigationProbe): () => unknown {
  const file = () => workspace.get(uri)!;
  switch (probe.method) {
    case 'textDocument/definition':
      return () => nonEmpty(probe, definitionsAt(workspace, file(), probe.position)?.targets);
    case 'textDocument/references':
      return () => nonEmpty(probe, referencesAt(workspace, file(), probe.position, true));
    case 'textDocument/rename':
      return () => nonEmpty(probe, (renameAt(workspace, file(), probe.position, 'db-renamed') as { edits?: unknown[] }).edits);
    case 'textDocument/codeLens':
      return () => nonEmpty(probe, lensSpotsOf(file()));
    case 'codeLens/resolve':
      return () => nonEmpty(probe, spotsOfSet(file(), probe.position).map((spot) => resolveLens(workspace, file(), spot)));
  }
}

function stdioRun(client: TestClient, uri: string, probe: NavigationProbe, file: SourceFile): () => Promise<unknown> {
  const at = { textDocument: { uri }, position: probe.position };
  switch (probe.method) {
    case 'textDocument/references':
      return () => client.connection.sendRequest(probe.method, { ...at, context: { includeDeclaration: true } });
    case 'textDocument/rename':
      return () => client.connection.sendRequest(probe.method, { ...at, newName: 'db-renamed' });
    case 'textDocument/codeLens':
      return () => client.connection.sendRequest(probe.method, { textDocument: { uri } });
    case 'codeLens/resolve': {
      // As an editor does for the lenses in view: one resolve each, all sent at once.
      const spots = spotsOfSet(file, probe.position);
      return () => Promise.all(spots.map((spot) => client.connection.sendRequest(probe.method, { range: spot.range, data: { uri, kind: spot.kind } })));
    }
    default:
      return () => client.connection.sendRequest(probe.method, at);
  }
}

export async function benchNavigation(text: string, positionOf: (needle: string, shift: number) => Position, timed: Timer): Promise<{ figures: NavigationFigures; lenses: number }> {
  const list = probes(positionOf);
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-bench-navigation-'));
  const others = generateWorkspace(WORKSPACE_SEED, WORKSPACE_FILES);
  writeWorkspace(folder, others);
  const file = path.join(folder, 'generated.yaml');
  writeFileSync(file, text);
  const uri = fileUri(file);
  const alone = new Workspace();
  alone.set(uri, text);
  const indexed = new Workspace();
  for (const other of others) indexed.set(fileUri(path.join(folder, other.path)), other.text);
  indexed.set(uri, text);
  const figures: NavigationFigures = new Map();
  const client = new TestClient({ validation: { delay: 0 } });
  try {
    await client.initialize(folder, { workspace: { workspaceEdit: { documentChanges: true } } }, 120_000);
    await client.open(uri, text);
    for (const probe of list) {
      figures.set(probe.name, {
        'engine alone': await timed(engineRun(alone, uri, probe)),
        'engine, 2,000 files': await timed(engineRun(indexed, uri, probe)),
        'stdio, 2,000 files': await timed(stdioRun(client, uri, probe, alone.get(uri)!)),
      });
    }
  } finally {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  }
  return { figures, lenses: lensSpotsOf(alone.get(uri)!).length };
}

/** The lenses of the StatefulSet holding a position: the last set starting before it. */
function spotsOfSet(file: SourceFile, position: Position): LensSpot[] {
  const spots = lensSpotsOf(file).filter((spot) => spot.range.start.line <= position.line);
  const start = spots[spots.length - 1]?.range.start.line;
  return spots.filter((spot) => spot.range.start.line === start);
}

/** A probe that finds nothing times nothing useful: stop rather than print a misleading figure. */
function nonEmpty(probe: NavigationProbe, answer: unknown[] | undefined): unknown {
  if (!answer || answer.length === 0) throw new Error(`${probe.name} at ${probe.position.line}:${probe.position.character} gave no answer`);
  return answer;
}
