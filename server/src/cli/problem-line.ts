import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';

/** A problem a render or build found, by offsets into a file. */
export interface LocatedProblem {
  readonly uri: string;
  readonly start: number;
  readonly severity: string;
  /** The rule id or problem code shown before the message. */
  readonly label: string;
  readonly message: string;
}

/** `path:line:column severity label message`, with the line and column of the problem's start; `texts` caches the files read. */
export async function problemLine(problem: LocatedProblem, cwd: string, texts: Map<string, string>): Promise<string> {
  const file = URI.parse(problem.uri).fsPath;
  if (!texts.has(file)) texts.set(file, await fs.readFile(file, 'utf8').catch(() => ''));
  const before = (texts.get(file) ?? '').slice(0, problem.start);
  const line = before.split('\n').length;
  const column = problem.start - before.lastIndexOf('\n');
  return `${path.relative(cwd, file)}:${line}:${column} ${problem.severity} ${problem.label} ${problem.message}\n`;
}
