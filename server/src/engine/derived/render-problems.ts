import type { RenderProblem } from '../helm/chart/chart-render';
import type { BuildProblemCode } from '../kustomize/problems';
import type { SourceFile } from '../document/source-file';
import type { Report } from '../types';
import type { Workspace } from '../workspace/workspace';

interface DerivedProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
}

/** The problems the last render of a chart found in this file and that this rule reports, as reports. */
export function renderProblemReports(file: SourceFile, workspace: Workspace, ruleId: RenderProblem['ruleId']): Report[] {
  return problemReports(file, workspace.renderProblemsOf(file.uri).filter((problem) => problem.ruleId === ruleId));
}

/** The problems the kustomize builds met in this file under the rule's code, as reports. */
export function buildProblemReports(file: SourceFile, workspace: Workspace, code: BuildProblemCode): Report[] {
  return problemReports(file, workspace.buildProblemsOf(file.uri).filter((problem) => problem.code === code));
}

function problemReports(file: SourceFile, problems: readonly DerivedProblem[]): Report[] {
  return problems.map((problem) => ({
      // A file too large to read has no line index: its first character stands for it.
      range: file.text === '' ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : file.rangeOf(problem.start, problem.end),
      message: problem.message,
      severity: problem.severity,
    }));
}
