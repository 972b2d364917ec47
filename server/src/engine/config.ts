import type { RuleLevel } from './types';

export interface EngineConfig {
  /** Namespace of manifests that name none. */
  defaultNamespace: string;
  /** Per-rule level overriding the rule's default severity. */
  rules: Record<string, RuleLevel>;
}

export const DEFAULT_CONFIG: EngineConfig = { defaultNamespace: 'default', rules: {} };

const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

/** Reads user settings defensively: anything malformed falls back to the default. */
export function configFrom(settings: { defaultNamespace?: unknown; rules?: unknown } | undefined): EngineConfig {
  const defaultNamespace =
    typeof settings?.defaultNamespace === 'string' && settings.defaultNamespace.trim() !== ''
      ? settings.defaultNamespace.trim()
      : DEFAULT_CONFIG.defaultNamespace;
  const rules: Record<string, RuleLevel> = {};
  if (typeof settings?.rules === 'object' && settings.rules !== null) {
    for (const [id, level] of Object.entries(settings.rules)) {
      if (LEVELS.includes(level as RuleLevel)) rules[id] = level as RuleLevel;
    }
  }
  return { defaultNamespace, rules };
}
