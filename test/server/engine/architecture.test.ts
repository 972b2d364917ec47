import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

const ENGINE = path.join(__dirname, '..', '..', '..', 'server', 'src', 'engine');
/** The engine turns text into findings; editors, protocols and the file system belong to its adapters. */
const FORBIDDEN = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads))$/;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(folder, entry.name)) : entry.name.endsWith('.ts') ? [path.join(folder, entry.name)] : [],
  );
}

it('keeps the engine free of editor, protocol and I/O imports', () => {
  const offenders: string[] = [];
  for (const file of sources(ENGINE)) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
      if (FORBIDDEN.test(specifier)) offenders.push(`${path.relative(ENGINE, file)} imports ${specifier}`);
    }
  }
  assert.deepEqual(offenders, []);
});
