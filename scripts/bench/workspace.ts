// Measurement 3: a workspace of many files: time to index, memory, and edit latency with it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { WorkspaceFile } from './inputs';
import { fileUri, LspSession } from './lsp-session';
import { ReplicasEdit } from './replicas-edit';
import type { WorkspaceResults } from './results';
import { ourServer } from './servers';
import { elapsed, sample, summarize, type Repetitions, type Sample } from './timing';

const INDEXED = /Indexed (\d+) YAML files/;

export function writeWorkspace(folder: string, files: readonly WorkspaceFile[]): void {
  for (const file of files) {
    const target = path.join(folder, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}

/** Bare `yaml.parseAllDocuments` of every file, the floor for indexing and linting them. */
function measureParseOfAll(files: readonly WorkspaceFile[], repetitions: Repetitions): Promise<Sample> {
  return sample(repetitions, () => elapsed(() => files.forEach((file) => parseAllDocuments(file.text))));
}

/** A StatefulSet file whose Service is in another file, from the middle of the workspace. */
function fileToEdit(files: readonly WorkspaceFile[]): WorkspaceFile {
  const paths = new Set(files.map((file) => file.path));
  const candidates = files.filter((file) => file.path.endsWith('/statefulset.yaml') && paths.has(file.path.replace(/statefulset\.yaml$/, 'service.yaml')));
  return candidates[Math.floor(candidates.length / 2)];
}

async function startIndexed(folder: string, fileCount: number): Promise<{ session: LspSession; indexing: number }> {
  const session = new LspSession(ourServer());
  try {
    await session.initialize(folder);
    const sentAt = await session.initialized();
    const log = await session.logMatching(INDEXED);
    const indexed = Number(INDEXED.exec(log.message)![1]);
    if (indexed !== fileCount) throw new Error(`The server indexed ${indexed} files of ${fileCount}: "${log.message}"`);
    return { session, indexing: log.receivedAt - sentAt };
  } catch (error) {
    await session.shutdown();
    throw error;
  }
}

/** Starts a server on the folder once per run; returns the indexing times and memory after each. */
async function measureIndexing(folder: string, fileCount: number, repetitions: Repetitions): Promise<{ index: Sample; memory: Sample }> {
  const memory: number[] = [];
  const index = await sample(repetitions, async () => {
    const { session, indexing } = await startIndexed(folder, fileCount);
    memory.push(session.residentMegabytes());
    await session.shutdown();
    return indexing;
  });
  return { index, memory: summarize(memory.slice(-repetitions.runs)) };
}

async function measureEdits(folder: string, fileCount: number, file: WorkspaceFile, repetitions: Repetitions): Promise<Sample> {
  const { session } = await startIndexed(folder, fileCount);
  try {
    const uri = fileUri(path.join(folder, file.path));
    await session.open(uri, file.text);
    const replicas = new ReplicasEdit(file.text);
    return await sample(repetitions, async () => (await session.change(uri, replicas.next())).elapsed);
  } finally {
    await session.shutdown();
  }
}

/**
 * Measures the workspace in `folder`, already written from `files`, against a workspace made of
 * the edited file alone in `singleFolder`.
 */
export async function measureWorkspace(
  folder: string,
  singleFolder: string,
  files: readonly WorkspaceFile[],
  repetitions: Repetitions,
): Promise<WorkspaceResults> {
  const edited = fileToEdit(files);
  writeWorkspace(singleFolder, [edited]);
  const parse = await measureParseOfAll(files, repetitions);
  const { index, memory } = await measureIndexing(folder, files.length, repetitions);
  const single = await measureIndexing(singleFolder, 1, repetitions);
  const edit = await measureEdits(folder, files.length, edited, repetitions);
  const editSingleFile = await measureEdits(singleFolder, 1, edited, repetitions);
  return {
    files: files.length,
    bytes: files.reduce((total, file) => total + Buffer.byteLength(file.text), 0),
    index,
    parse,
    memory,
    memorySingleFile: single.memory,
    edit,
    editSingleFile,
    editedFile: edited.path,
  };
}
