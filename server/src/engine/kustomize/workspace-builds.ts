import type { Workspace } from '../workspace/workspace';
import { buildKustomization, type KustomizeBuild } from './build';
import { folderOf, type BuildFiles } from './files';
import type { ParseCache } from './parse-cache';
import { isKustomization } from './patch-files';

/**
 * What builds in a workspace read: the workspace's own text of a file (an open editor's, when
 * the host set it), else `fallback` for what the workspace does not hold (env files, files
 * outside it).
 */
export function workspaceFiles(workspace: Workspace, fallback?: BuildFiles): BuildFiles {
  // What the workspace knows to be a folder, or a file, is not asked of the fallback: a host that
  // reads the disk between builds would otherwise build again for each such question.
  return {
    read: (uri) => {
      const file = workspace.get(uri);
      if (file) return file.skipped?.kind !== 'too-large' ? file.text : fallback?.read(uri);
      return workspace.holdsFolder(uri) ? undefined : fallback?.read(uri);
    },
    isFolder: (uri) => workspace.holdsFolder(uri) || (workspace.get(uri) === undefined && (fallback?.isFolder(uri) ?? false)),
  };
}

/** The folders of the workspace holding a kustomization, each once. */
export function buildFoldersOf(workspace: Workspace): string[] {
  return [...new Set([...workspace.uris()].filter(isKustomization).map(folderOf))];
}

/** Builds a folder as `kustomize build` orders it; the build is the workspace's to check. */
export function buildFolder(files: BuildFiles, folder: string, cache?: ParseCache): KustomizeBuild {
  return buildKustomization(files, folder, { order: 'legacy', cache });
}

/** Builds every kustomization of the workspace and gives it the outputs; returns the files whose findings may change. */
export function buildAll(workspace: Workspace, fallback?: BuildFiles, cache?: ParseCache): string[] {
  const files = workspaceFiles(workspace, fallback);
  return [...new Set(buildFoldersOf(workspace).flatMap((folder) => workspace.setBuild(buildFolder(files, folder, cache))))];
}
