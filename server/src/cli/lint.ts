import { URI } from 'vscode-uri';
import { analyze } from '../engine/analyze';
import type { EngineConfig } from '../engine/config';
import type { BaseVersion } from '../engine/workspace/base-versions';
import { Workspace } from '../engine/workspace/workspace';
import { buildFolder, buildFoldersOf, workspaceFiles } from '../engine/kustomize/workspace-builds';
import { buildFromFiles } from '../files/kustomize-files';
import { nodeWorkspaceFiles } from '../files/node-workspace-files';
import { readYamlFile, type ReadResult } from '../files/yaml-files';
import { chartRoots, renderCharts, type ChartRendering } from './charts';
import { UsageError } from './collect-files';
import type { FileFindings } from './format';

/** Files read at once: one at a time, the run waits on each read in turn. */
const READ_BATCH = 32;

/** How `lint` reads a YAML file; tests give their own to count the reads. */
export type FileReader = (file: string) => Promise<ReadResult>;

/** A workspace the files were read into, charts rendered and kustomizations built. */
export interface LintedWorkspace {
  workspace: Workspace;
  /** Each file's URI in the workspace. */
  uris: ReadonlyMap<string, string>;
}

/**
 * Checks the files together, so that objects in one file are seen by checks of the others. With
 * `charts`, every chart among them is rendered and its templates are checked through their output;
 * with `bases`, each file is compared with its version there.
 * Every kustomization among them is built, and the files it reads are checked through the build.
 */
export async function lintFiles(
  files: readonly string[],
  config: EngineConfig,
  charts?: ChartRendering,
  bases?: ReadonlyMap<string, BaseVersion | undefined>,
  read: FileReader = readYamlFile,
): Promise<FileFindings[]> {
  const linted = await loadWorkspace(files, config, charts, bases, read);
  return files.map((file) => ({ file, findings: findingsOf(linted, file) }));
}

export function findingsOf({ workspace, uris }: LintedWorkspace, file: string): FileFindings['findings'] {
  return analyze(workspace, uris.get(file)!);
}

/** Reads every file into one workspace, renders the charts and builds the kustomizations among them. */
export async function loadWorkspace(
  files: readonly string[],
  config: EngineConfig,
  charts: ChartRendering | undefined,
  bases: ReadonlyMap<string, BaseVersion | undefined> | undefined,
  read: FileReader,
): Promise<LintedWorkspace> {
  const workspace = new Workspace(config);
  const uris = new Map<string, string>();
  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = files.slice(start, start + READ_BATCH);
    const contents = await Promise.all(batch.map((file) => read(file)));
    // Set in the order given, whatever order the reads end in: the index keeps files in that order.
    for (const [index, file] of batch.entries()) {
      const uri = URI.file(file).toString();
      const content = readable(file, contents[index]);
      if (content.kind === 'text') workspace.set(uri, content.text);
      else workspace.setOversized(uri, content.bytes);
      workspace.setBase(uri, bases?.get(file));
      uris.set(file, uri);
    }
  }
  if (charts) await renderCharts(workspace, chartRoots(files), charts);
  for (const folder of buildFoldersOf(workspace)) {
    workspace.setBuild(await buildFromFiles(nodeWorkspaceFiles, (disk) => buildFolder(workspaceFiles(workspace, disk), folder)));
  }
  return { workspace, uris };
}

/** A file named on the command line, or found in a folder it named, that cannot be read stops the run. */
export function readable(file: string, content: ReadResult): Exclude<ReadResult, { kind: 'unreadable' }> {
  if (content.kind === 'unreadable') throw new UsageError(`Cannot read '${file}': ${content.reason}.`);
  return content;
}
