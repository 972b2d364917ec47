import { promises as fs } from 'node:fs';
import path from 'node:path';
import { jsonSchema } from '../engine/schema/json-schema';
import { UsageError } from './collect-files';
import type { Output } from './output';

/** `kube-stateful schema`: the JSON Schema of the checked kinds, on stdout or in a file. */
export async function schemaCommand(out: string | undefined, cwd: string, output: Output): Promise<number> {
  const text = JSON.stringify(jsonSchema(), null, 2) + '\n';
  if (out === undefined) {
    output.stdout(text);
    return 0;
  }
  const target = path.resolve(cwd, out);
  try {
    await fs.writeFile(target, text);
  } catch (error) {
    throw new UsageError(`Cannot write '${out}': ${(error as Error).message}`);
  }
  output.stderr(`Wrote the JSON Schema to ${out}.\n`);
  return 0;
}
