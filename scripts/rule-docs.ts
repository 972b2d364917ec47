import type { Rule } from '../server/src/engine/rule';

/** docs/rules.md, rendered from the rule registry so that it cannot drift from the code. */
export function renderRuleDocs(rules: readonly Rule[]): string {
  const lines = [
    '# Kube Stateful rules',
    '',
    '<!-- Generated from the rule registry by `npm run docs`. Edit the rule modules, not this file. -->',
    '',
    'Each diagnostic names the rule that produced it. Change a rule\'s level with the `kubeStateful.rules` setting',
    '(for example `"kubeStateful.rules": { "service-not-found": "off" }`) or with `--rule service-not-found=off`',
    'on the command line. Levels are `off`, `info`, `warning` and `error`.',
    '',
    '| Rule | Default | Reports |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.description} |`),
    '',
  ];
  for (const rule of rules) {
    const scope =
      rule.scope === 'file' ? 'every YAML file' : rule.scope === 'object' ? 'every Kubernetes object' : `every ${rule.kind}`;
    lines.push(`## ${rule.id}`, '', `Default: **${rule.severity}**. Checks ${scope}.`, '', rule.description, '', rule.docs.rationale, '');
    if (rule.docs.bad) lines.push('Reported:', '', '```yaml', rule.docs.bad, '```', '');
    if (rule.docs.good) lines.push('Accepted:', '', '```yaml', rule.docs.good, '```', '');
  }
  return lines.join('\n');
}
