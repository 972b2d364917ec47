import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `kube-stateful` the way a user's shell would, from the project root unless told otherwise. */
export function runCli(args: readonly string[], cwd = ROOT, env: Record<string, string> = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run 'npm run build' before these tests.`);
  const { status, stdout, stderr, error } = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    // A pull request's GITHUB_BASE_REF would turn on the comparison with the base branch.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'GITHUB_BASE_REF')), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (error) throw error;
  return { status, stdout, stderr };
}

export interface TextFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
}

const TEXT_LINE = /^(.+?):(\d+):(\d+) (error|warning|info) ([a-z0-9-]+) (.+)$/;

/** Reads `path:line:col severity rule-id message` lines, failing on any line of another shape. */
export function parseText(stdout: string): TextFinding[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = TEXT_LINE.exec(line);
      if (!match) throw new Error(`Not a finding line: ${JSON.stringify(line)}`);
      const [, file, row, column, severity, ruleId, message] = match;
      return { file, line: Number(row), column: Number(column), severity, ruleId, message };
    });
}

/** The rule ids reported per file, in output order. */
export function rulesByFile(findings: readonly TextFinding[]): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const { file, ruleId } of findings) byFile.set(file, [...(byFile.get(file) ?? []), ruleId]);
  return byFile;
}
