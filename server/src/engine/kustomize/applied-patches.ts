import type { Workspace } from '../workspace/workspace';
import type { AppliedPatch } from './patches';

/**
 * The patches the workspace's builds applied that `where` places in this file, each once though
 * several builds (overlays over one base, a shared component) applied it.
 */
export function appliedPatchesIn(workspace: Workspace, uri: string, where: (patch: AppliedPatch) => string | undefined): AppliedPatch[][] {
  const byEntry = new Map<string, AppliedPatch[]>();
  for (const build of workspace.buildsOf(uri)) {
    for (const patch of build.build.patches) {
      if (where(patch) !== uri) continue;
      const key = `${patch.uri}:${patch.start}`;
      byEntry.set(key, [...(byEntry.get(key) ?? []), patch]);
    }
  }
  return [...byEntry.values()];
}
