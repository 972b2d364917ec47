// Every file below a folder, for the tests and the bench that read fixtures lying beside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file below `root`, by its path relative to it with `/` separators. */
export function readFolder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}
