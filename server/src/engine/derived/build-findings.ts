import type { SourceFile } from '../document/source-file';
import { relativeTo } from '../kustomize/files';
import type { Finding } from '../types';
import type { Workspace } from '../workspace/workspace';
import { placeFindings } from './relocate';

/**
 * The findings that the builds reading a file place on it. The same finding from several builds
 * is given once; one that only some of those builds have names them, since the others are fine.
 */
export function buildFindingsOf(workspace: Workspace, uri: string, check: (output: SourceFile) => Finding[]): Finding[] {
  const builds = workspace.buildsOf(uri);
  if (builds.length === 0) return [];
  const found = new Map<string, { finding: Finding; folders: string[] }>();
  for (const build of builds) {
    const patchFiles = new Set(build.build.patches.flatMap((patch) => patch.patch.origin?.span.uri ?? []));
    for (const placed of placeFindings(workspace, build, check(build.file), patchFiles)) {
      if (placed.uri !== uri) continue;
      const { finding } = placed;
      const key = JSON.stringify([finding.ruleId, finding.range, finding.message]);
      const entry = found.get(key) ?? { finding, folders: [] };
      found.set(key, entry);
      if (!entry.folders.includes(build.folder)) entry.folders.push(build.folder);
    }
  }
  const root = commonFolder(builds.map((build) => build.folder));
  return [...found.values()].map(({ finding, folders }) =>
    folders.length === builds.length ? finding : { ...finding, message: `${finding.message} (in ${folders.map((folder) => relativeTo(root, folder)).join(', ')})` },
  );
}

/** The deepest folder holding all of `folders`, so that each build is named by the part of its path that tells it apart. */
function commonFolder(folders: readonly string[]): string {
  const split = folders.map((folder) => folder.split('/'));
  const [first = []] = split;
  let depth = 0;
  while (depth < first.length - 1 && split.every((parts) => parts.length > depth + 1 && parts[depth] === first[depth])) depth++;
  return first.slice(0, depth).join('/');
}
