import path from 'node:path';
import { ruleDocsUrl } from '../engine/rule-docs-url';
import type { Finding } from '../engine/types';

export interface FileFindings {
  file: string;
  findings: Finding[];
}

/** `path:line:col severity rule-id message`, one finding a line, with 1-based positions. */
export function formatText(results: readonly FileFindings[], cwd: string): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    const shown = path.relative(cwd, file) || file;
    for (const finding of findings) {
      const { line, character } = finding.range.start;
      lines.push(`${shown}:${line + 1}:${character + 1} ${finding.severity} ${finding.ruleId} ${finding.message}`);
    }
  }
  return lines.map((line) => line + '\n').join('');
}

export function formatJson(results: readonly FileFindings[], cwd: string): string {
  const findings = results.flatMap(({ file, findings }) =>
    findings.map((finding) => ({
      file: path.relative(cwd, file) || file,
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      severity: finding.severity,
      ruleId: finding.ruleId,
      message: finding.message,
      docs: ruleDocsUrl(finding.ruleId),
    })),
  );
  return JSON.stringify(findings, null, 2) + '\n';
}

/** `3 problems (1 error, 2 warnings, 0 infos) in 2 of 5 files`. */
export function summarize(results: readonly FileFindings[]): string {
  const all = results.flatMap((result) => result.findings);
  const count = (severity: Finding['severity']) => all.filter((finding) => finding.severity === severity).length;
  const withFindings = results.filter((result) => result.findings.length > 0).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(all.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) in ${withFindings} of ${plural(results.length, 'file')}`;
}
