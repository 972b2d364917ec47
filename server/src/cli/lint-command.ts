import { configFrom } from '../engine/config';
import { rules } from '../engine/rules';
import { collectFiles } from './collect-files';
import { formatJson, formatText, summarize, type FileFindings } from './format';
import { formatGithub } from './github-annotations';
import { lintFiles } from './lint';
import { kubernetesVersion, maxWarnings, outputFormat, ruleLevels, type OutputFormat } from './options';
import type { Output } from './output';
import { formatSarif } from './sarif';

export interface LintArguments {
  paths: readonly string[];
  format?: string;
  maxWarnings?: string;
  defaultNamespace?: string;
  kubernetesVersion?: string;
  rules: readonly string[];
}

/** `kube-stateful lint`: prints the findings and returns the exit status. */
export async function lintCommand(args: LintArguments, cwd: string, version: string, output: Output): Promise<number> {
  const format = outputFormat(args.format);
  const warningLimit = maxWarnings(args.maxWarnings);
  const config = configFrom({
    defaultNamespace: args.defaultNamespace,
    kubernetesVersion: kubernetesVersion(args.kubernetesVersion),
    rules: ruleLevels(args.rules),
  });
  const results = await lintFiles(await collectFiles(args.paths, cwd), config);
  output.stdout(render(format, results, cwd, version));
  // Machine-readable output goes alone to stdout; the summary is for people reading a log.
  if (format === 'text' || format === 'github') output.stderr(summarize(results) + '\n');
  const findings = results.flatMap((result) => result.findings);
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (warnings > warningLimit) {
    output.stderr(`kube-stateful: too many warnings: ${warnings}, more than --max-warnings ${warningLimit}.\n`);
  }
  return findings.some((finding) => finding.severity === 'error') || warnings > warningLimit ? 1 : 0;
}

function render(format: OutputFormat, results: readonly FileFindings[], cwd: string, version: string): string {
  switch (format) {
    case 'text':
      return formatText(results, cwd);
    case 'json':
      return formatJson(results, cwd);
    case 'sarif':
      return formatSarif(results, cwd, rules, version);
    case 'github':
      return formatGithub(results, cwd);
  }
}
