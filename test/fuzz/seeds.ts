import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A YAML file the mutations start from; `folder` groups the files of one project. */
export interface Seed {
  name: string;
  folder: string;
  text: string;
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
/** Inputs the fuzz once failed on, replayed by every test run. */
export const REGRESSIONS = path.join(FIXTURES, 'fuzz-regressions');

const YAML_FILE = /\.ya?ml$/;
/** Large generated fixtures would make every mutation slow; the hostile-input tests cover size. */
const MAX_SEED_BYTES = 64 * 1024;

/** Every YAML file below `root` up to `maxBytes` (read in place, never copied), in a stable order. */
export function seedsIn(root: string, maxBytes = MAX_SEED_BYTES): Seed[] {
  const seeds: Seed[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && YAML_FILE.test(entry.name) && statSync(full).size <= maxBytes) {
        seeds.push({ name: path.relative(root, full), folder: path.relative(root, folder), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return seeds;
}

/** The project's own fixtures: rule cases, workspaces, editor scenarios. */
export function fixtureSeeds(): Seed[] {
  return seedsIn(FIXTURES);
}

/** The other files of a seed's folder, as a workspace around it. */
export function neighboursOf(seed: Seed, seeds: readonly Seed[], limit = 6): Seed[] {
  return seeds.filter((other) => other.folder === seed.folder && other !== seed).slice(0, limit);
}
