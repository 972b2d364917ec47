import path from 'node:path';
import type { Severity } from '../engine/types';
import type { FileFindings } from './format';

/** GitHub has no `info` annotation: `notice` is its lowest level. */
const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * One GitHub Actions workflow command per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`), which the
 * runner turns into annotations on the pull request's files. Paths are relative to the folder
 * the command ran in, which in a workflow is the checkout.
 */
export function formatGithub(results: readonly FileFindings[], cwd: string): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    const shown = (path.relative(cwd, file) || file).split(path.sep).join('/');
    for (const finding of findings) {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeProperty(shown)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ];
      lines.push(`::${COMMANDS[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`);
    }
  }
  return lines.join('');
}

/** The runner reads `%`, CR and LF as escapes in a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property, `:` and `,` would also end the value early. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
