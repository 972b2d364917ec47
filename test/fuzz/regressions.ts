import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EngineCase } from './engine-check';
import { REGRESSIONS } from './seeds';
import type { Operation } from './sessions';

/*
 * Every input the fuzz failed on is kept under test/fixtures/fuzz-regressions and replayed by
 * each test run: `<name>.yaml` is a file checked alone, `<name>.case.json` a file with its
 * workspace and positions, and `sessions/<name>.json` an editing session over stdio.
 */

const SESSIONS = path.join(REGRESSIONS, 'sessions');
/** Positions visited in a kept file when it does not name its own. */
const REPLAYED_POSITIONS = 12;

export interface EngineRegression {
  name: string;
  testCase: EngineCase;
}

export function engineRegressions(): EngineRegression[] {
  if (!existsSync(REGRESSIONS)) return [];
  return readdirSync(REGRESSIONS)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.case.json'))
    .sort()
    .map((name) => {
      const content = readFileSync(path.join(REGRESSIONS, name), 'utf8');
      if (name.endsWith('.case.json')) return { name, testCase: JSON.parse(content) as EngineCase };
      return { name, testCase: { text: content, positions: spreadPositions(content) } };
    });
}

export function sessionRegressions(): { name: string; operations: Operation[] }[] {
  if (!existsSync(SESSIONS)) return [];
  return readdirSync(SESSIONS)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, operations: JSON.parse(readFileSync(path.join(SESSIONS, name), 'utf8')) as Operation[] }));
}

/** Keeps a failing engine case; returns the file written. */
export function keepEngineCase(kind: string, testCase: EngineCase): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const plain = (testCase.neighbours ?? []).length === 0;
  const content = plain ? testCase.text : JSON.stringify(testCase, null, 2) + '\n';
  const file = path.join(REGRESSIONS, `${kind}-${hashOf(content)}${plain ? '.yaml' : '.case.json'}`);
  writeFileSync(file, content);
  return file;
}

/** Keeps a failing session; returns the file written. */
export function keepSession(operations: readonly Operation[]): string {
  mkdirSync(SESSIONS, { recursive: true });
  const content = JSON.stringify(operations, null, 2) + '\n';
  const file = path.join(SESSIONS, `session-${hashOf(content)}.json`);
  writeFileSync(file, content);
  return file;
}

/** Offsets spread over the text, as position seeds. */
function spreadPositions(text: string): number[] {
  const step = Math.max(1, Math.floor(text.length / REPLAYED_POSITIONS));
  return Array.from({ length: Math.min(REPLAYED_POSITIONS, text.length + 1) }, (_, index) => index * step);
}

function hashOf(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}
