import { looksLikePatch } from './kustomize';
import { isSuppressed, suppressionsOf } from './suppressions';
import type { Rule } from './rule';
import { rules as allRules } from './rules';
import type { Finding, Report } from './types';
import type { Workspace } from './workspace';

export interface AnalyzeOptions {
  rules?: readonly Rule[];
  /** Told about a rule that threw; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/** Runs every enabled rule over one file of the workspace. */
export function analyze(workspace: Workspace, uri: string, options: AnalyzeOptions = {}): Finding[] {
  const file = workspace.get(uri);
  if (!file) return [];
  const findings: Finding[] = [];
  for (const rule of options.rules ?? allRules) {
    const configured = workspace.settings.rules[rule.id];
    if (configured === 'off') continue;
    const add = (report: Report) =>
      findings.push({ ...report, ruleId: rule.id, severity: configured ?? report.severity ?? rule.severity });
    try {
      if (rule.scope === 'file') {
        rule.check({ file, workspace }).forEach(add);
        continue;
      }
      const listedAsPatch = workspace.isPatch(uri);
      for (const resource of file.resources) {
        if (rule.scope === 'resource' && !resource.is(rule.kind)) continue;
        const partial = listedAsPatch || looksLikePatch(resource);
        const context = { resource, namespace: workspace.namespaceOf(resource), partial, workspace };
        // The kind check above makes the context's type the one this rule expects.
        (rule.check as (context: unknown) => Report[])(context).forEach(add);
      }
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  const suppressions = suppressionsOf(file.text);
  return findings
    .filter((finding) => !isSuppressed(finding, suppressions))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
