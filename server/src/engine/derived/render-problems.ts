import type { RenderProblem } from '../helm/chart/chart-render';
import type { SourceFile } from '../document/source-file';
import type { Report } from '../types';
import type { Workspace } from '../workspace/workspace';

/** The problems the last render of a chart found in this file and that this rule reports, as reports. */
export function renderProblemReports(file: SourceFile, workspace: Workspace, ruleId: RenderProblem['ruleId']): Report[] {
  return workspace
    .renderProblemsOf(file.uri)
    .filter((problem) => problem.ruleId === ruleId)
    .map((problem) => ({
      // A file too large to read has no line index: its first character stands for it.
      range: file.text === '' ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : file.rangeOf(problem.start, problem.end),
      message: problem.message,
      severity: problem.severity,
    }));
}
