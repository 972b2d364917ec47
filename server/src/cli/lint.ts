import { URI } from 'vscode-uri';
import { analyze } from '../engine/analyze';
import type { EngineConfig } from '../engine/config';
import type { BaseVersion } from '../engine/workspace/base-versions';
import { Workspace } from '../engine/workspace/workspace';
import { buildFolder, buildFoldersOf, workspaceFiles } from '../engine/kustomize/workspace-builds';
import { buildFromFiles } from '../files/kustomize-files';
import { nodeWorkspaceFiles } from '../files/node-workspace-files';
import { readYamlFile } from '../files/yaml-files';
import { chartRoots, renderCharts, type ChartRendering } from './charts';
import { UsageError } from './collect-files';
import type { FileFindings } from './format';

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
): Promise<FileFindings[]> {
  const workspace = new Workspace(config);
  const uris = new Map<string, string>();
  for (const file of files) {
    const uri = URI.file(file).toString();
    const content = await readYamlFile(file);
    if (content.kind === 'unreadable') throw new UsageError(`Cannot read '${file}': ${content.reason}.`);
    if (content.kind === 'text') workspace.set(uri, content.text);
    else workspace.setOversized(uri, content.bytes);
    workspace.setBase(uri, bases?.get(file));
    uris.set(file, uri);
  }
  if (charts) await renderCharts(workspace, chartRoots(files), charts);
  for (const folder of buildFoldersOf(workspace)) {
    workspace.setBuild(await buildFromFiles(nodeWorkspaceFiles, (disk) => buildFolder(workspaceFiles(workspace, disk), folder)));
  }
  return files.map((file) => ({ file, findings: analyze(workspace, uris.get(file)!) }));
}
