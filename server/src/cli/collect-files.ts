import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findByGlob, findYamlFiles, isGlob } from '../files/yaml-files';

export class UsageError extends Error {}

/**
 * Turns the command line's paths into YAML files: a file is taken as it is, a folder is
 * searched for `*.yaml`/`*.yml`, anything else is read as a glob that must match something.
 */
export async function collectFiles(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isFile()) files.add(absolute);
    else if (stat?.isDirectory()) (await findYamlFiles(absolute)).forEach((file) => files.add(file));
    else if (isGlob(input)) {
      const matches = await findByGlob(input, cwd);
      if (matches.length === 0) throw new UsageError(`No files match the pattern '${input}'.`);
      matches.forEach((file) => files.add(file));
    } else throw new UsageError(`Cannot read '${input}': no such file or folder.`);
  }
  return [...files].sort();
}
