import type { Rule } from '../server/src/engine/rule';
import { ruleDocsUrl } from '../server/src/engine/rule-docs-url';

/** The JSON Schema of one rule's entry in the `kubeStateful.rules` setting. */
export interface RuleSettingSchema {
  type: 'string';
  enum: string[];
  default: string;
  /** Plain text, for the rule pick of the Show Rule Documentation command. */
  description: string;
  markdownDescription: string;
}

export const RULES_SETTING = 'kubeStateful.rules';

/**
 * One property per rule id, so that VS Code completes rule ids and levels in settings.json,
 * shows what each rule reports, and flags a mistyped id.
 */
export function ruleSettingProperties(rules: readonly Rule[]): Record<string, RuleSettingSchema> {
  return Object.fromEntries(
    rules.map((rule) => [
      rule.id,
      {
        type: 'string',
        enum: ['off', 'info', 'warning', 'error'],
        default: rule.severity,
        description: rule.description.replace(/`/g, ''),
        markdownDescription: `${rule.description} Default: \`${rule.severity}\`. [Documentation](${ruleDocsUrl(rule.id)})`,
      },
    ]),
  );
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, { properties?: unknown; additionalProperties?: unknown }> } };
}

/** package.json with the rule properties of `kubeStateful.rules` regenerated, as the text to write. */
export function withRuleSettings(manifestText: string, rules: readonly Rule[]): string {
  const manifest = JSON.parse(manifestText) as Manifest;
  const setting = manifest.contributes.configuration.properties[RULES_SETTING];
  setting.properties = ruleSettingProperties(rules);
  setting.additionalProperties = false;
  return JSON.stringify(manifest, null, 2) + '\n';
}
