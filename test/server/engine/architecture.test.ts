import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

const ENGINE = path.join(__dirname, '..', '..', '..', 'server', 'src', 'engine');
/** The engine turns text into findings; editors, protocols, the file system and node-only zlib belong to its adapters. */
const FORBIDDEN = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|zlib))$/;

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

/** The engine's modules and the engine modules each imports, type-only imports included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(ENGINE)) {
    const targets: string[] = [];
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), specifier);
      for (const candidate of [`${target}.ts`, path.join(target, 'index.ts')]) {
        if (candidate.startsWith(ENGINE) && existsSync(candidate)) targets.push(candidate);
      }
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The import cycles a depth-first walk meets, as the modules around each: none exactly when the graph has none. */
function cyclesOf(graph: Map<string, string[]>): string[] {
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const cycle = stack.slice(stack.indexOf(target)).map((entry) => path.relative(ENGINE, entry));
        const first = cycle.indexOf([...cycle].sort()[0]);
        cycles.add([...cycle.slice(first), ...cycle.slice(0, first)].join(' → '));
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return [...cycles].sort();
}

it('has no import cycles between the engine modules', () => {
  assert.deepEqual(cyclesOf(importGraph()), []);
});
