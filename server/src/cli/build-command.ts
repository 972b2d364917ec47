import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { buildKustomization, type BuildOptions } from '../engine/kustomize/build';
import { KUSTOMIZATION_NAMES } from '../engine/kustomize/files';
import { buildFromFiles } from '../files/kustomize-files';
import { nodeWorkspaceFiles } from '../files/node-workspace-files';
import { UsageError } from './collect-files';
import type { Output } from './output';
import { problemLine } from './problem-line';

export interface BuildArguments {
  folder: string | undefined;
  reorder?: string;
}

const ORDERS = ['legacy', 'none'] as const;

/**
 * `kube-stateful build DIR`: prints what `kustomize build DIR` prints, built in-process. Objects
 * come in kustomize's default `legacy` order unless `--reorder none` keeps the build order (the
 * kustomization's `sortOptions`, when it has them, decide over both). What
 * the build could not do goes to stderr, one line each; an error makes the exit status 1.
 */
export async function buildCommand(args: BuildArguments, cwd: string, output: Output): Promise<number> {
  const folder = path.resolve(cwd, args.folder ?? '.');
  const order = args.reorder ?? 'legacy';
  if (!(ORDERS as readonly string[]).includes(order)) throw new UsageError(`Unknown order '${order}' for --reorder: use legacy or none.`);
  const found = await Promise.all(KUSTOMIZATION_NAMES.map((name) => fs.stat(path.join(folder, name)).then((stat) => stat.isFile(), () => false)));
  if (!found.includes(true)) throw new UsageError(`'${args.folder ?? '.'}' holds no kustomization.yaml, kustomization.yml or Kustomization.`);
  const options: BuildOptions = { order: order as BuildOptions['order'] };
  const build = await buildFromFiles(nodeWorkspaceFiles, (files) => buildKustomization(files, URI.file(folder).toString(), options));
  output.stdout(build.text.text);
  const texts = new Map<string, string>();
  for (const problem of build.problems) output.stderr(await problemLine({ ...problem, label: problem.code }, cwd, texts));
  return build.problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}
