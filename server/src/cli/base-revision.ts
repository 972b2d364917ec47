import path from 'node:path';
import type { BaseVersion } from '../engine/workspace/base-versions';
import { CommittedFiles } from '../files/committed-files';
import { UsageError } from './collect-files';

/**
 * The revision `lint` compares with: `--base`, or in a GitHub pull request the branch it
 * merges into, which the checkout action fetches only when asked.
 */
export function baseRevision(option: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (option !== undefined) return option.trim() === '' ? undefined : option.trim();
  const target = env.GITHUB_BASE_REF?.trim();
  return target ? `origin/${target}` : undefined;
}

/**
 * Each file's version at the revision. A revision that no repository of the files holds (or
 * whose commit a shallow clone lacks) stops the run: the comparison asked for cannot be made.
 */
export async function readBaseVersions(files: readonly string[], revision: string): Promise<Map<string, BaseVersion | undefined>> {
  const committed = new CommittedFiles();
  const checked = new Set<string>();
  const versions = new Map<string, BaseVersion | undefined>();
  for (const file of files) {
    const opened = await committed.repositoryOf(path.dirname(file));
    if (!opened.ok) throw new UsageError(`--base ${revision}: ${opened.failure.message}`);
    const root = opened.value.location.workTree;
    if (!checked.has(root)) {
      const resolved = await opened.value.resolve(revision);
      if (!resolved.ok && (resolved.failure.kind === 'ref-not-found' || resolved.failure.kind === 'object-missing')) {
        throw new UsageError(`--base ${revision}: ${resolved.failure.message} ${fetchAdvice(revision)}`);
      }
      checked.add(root);
    }
    versions.set(file, (await committed.read(file, revision)).version);
  }
  return versions;
}

function fetchAdvice(revision: string): string {
  const remote = /^origin\/(.+)$/.exec(revision)?.[1];
  const fetch = remote ? `git fetch --depth=1 origin ${remote}:refs/remotes/origin/${remote}` : `git fetch origin ${revision}`;
  return `Fetch it first, for example with '${fetch}': actions/checkout fetches a single commit unless given fetch-depth: 0.`;
}
