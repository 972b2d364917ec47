import { buildFindingsOf } from './derived/build-findings';
import { relocateFindings } from './derived/relocate';
import { looksLikePatch } from './kustomize/patch-files';
import type { Resource } from './document/resource';
import { isSuppressed, suppressionsOf } from './workspace/suppressions';
import type { FileRule, Rule } from './rule';
import { rules as allRules } from './rules';
import type { Finding, Report } from './types';
import type { SourceFile } from './document/source-file';
import type { Workspace } from './workspace/workspace';

export interface AnalyzeOptions {
  /** A subset of the rules; their findings are not cached. */
  rules?: readonly Rule[];
  /** Told about a rule that threw; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * Runs every enabled rule over one file of the workspace. The findings of each object are
 * kept in the workspace's cache, so that after an edit only the objects of the changed
 * documents, and those that read what changed, are checked again.
 */
export function analyze(workspace: Workspace, uri: string, options: AnalyzeOptions = {}): Finding[] {
  const file = workspace.get(uri);
  if (!file) return [];
  const rules = (options.rules ?? allRules).filter((rule) => workspace.settings.rules[rule.id] !== 'off');
  const findings = findingsOfFile(workspace, file, rules, options);
  // A chart template is checked through what it rendered to, shown on its own lines.
  const output = workspace.renderedOutputOf(uri);
  if (output) findings.push(...relocateFindings(workspace, output, findingsOfFile(workspace, output.file, rules, options)));
  // A file a kustomization reads is checked through every build it takes part in.
  findings.push(...buildFindingsOf(workspace, uri, (built) => findingsOfFile(workspace, built, rules, options)));
  const suppressions = suppressionsOf(file.text);
  return findings
    .filter((finding) => !isSuppressed(finding, suppressions))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The findings of the file rules and of each object of one file, from the cache where it has them. */
function findingsOfFile(workspace: Workspace, file: SourceFile, rules: readonly Rule[], options: AnalyzeOptions): Finding[] {
  const cached = options.rules === undefined;
  const fileRules = rules.filter((rule): rule is FileRule => rule.scope === 'file');
  const findings: Finding[] = fileRules.flatMap((rule) => run(workspace, rule, options, () => rule.check({ file, workspace })));
  // A build's resource or patch is not a complete object alone: its builds check what it becomes.
  if (workspace.isBuildInput(file.uri)) return findings;
  const partialFile = workspace.isPatch(file.uri);
  const scoped = workspace.scopedFor(file.uri);
  for (const document of file.documents) {
    for (const resource of document.resources) {
      const known = cached ? workspace.findings.get(resource) : undefined;
      if (known) {
        findings.push(...known);
        continue;
      }
      const made = findingsOf(scoped, resource, rules, partialFile, options);
      if (cached && made.complete) workspace.findings.set(resource, document, made.findings);
      findings.push(...made.findings);
    }
  }
  return findings;
}

/** The findings of the per-object rules for one object; incomplete when a rule failed. */
function findingsOf(
  workspace: Workspace,
  resource: Resource,
  rules: readonly Rule[],
  partialFile: boolean,
  options: AnalyzeOptions,
): { findings: Finding[]; complete: boolean } {
  const context = { resource, namespace: workspace.namespaceOf(resource), partial: partialFile || looksLikePatch(resource), workspace };
  let complete = true;
  const findings = rules.flatMap((rule) => {
    if (rule.scope === 'file' || (rule.scope === 'resource' && !resource.is(rule.kind))) return [];
    // The kind check above makes the context's type the one this rule expects.
    const check = () => (rule.check as (context: unknown) => Report[])(context);
    return run(workspace, rule, { onRuleError: (...failure) => ((complete = false), options.onRuleError?.(...failure)) }, check);
  });
  return { findings, complete };
}

/** A rule's reports as findings with the configured severity; none when the rule throws. */
function run(workspace: Workspace, rule: Rule, options: AnalyzeOptions, check: () => Report[]): Finding[] {
  const configured = workspace.settings.rules[rule.id];
  const level = configured === 'off' ? undefined : configured;
  try {
    return check().map((report) => ({ ...report, ruleId: rule.id, severity: level ?? report.severity ?? rule.severity }));
  } catch (error) {
    options.onRuleError?.(rule.id, error);
    return [];
  }
}
