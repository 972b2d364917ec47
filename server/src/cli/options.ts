import type { RuleLevel } from '../engine/types';
import { parseKubernetesVersion } from '../engine/config';
import { ruleById } from '../engine/rules';
import { UsageError } from './collect-files';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export function outputFormat(format: string | undefined): OutputFormat {
  if (format === undefined) return 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format '${format}': use ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS[FORMATS.length - 1]}.`);
  }
  return format as OutputFormat;
}

/** `--max-warnings`, as ESLint reads it: a count of 0 or more; absent means no limit. */
export function maxWarnings(text: string | undefined): number {
  if (text === undefined) return Infinity;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a number of 0 or more, not '${text}'.`);
  return Number(text);
}

export function kubernetesVersion(text: string | undefined): string | undefined {
  if (text !== undefined && !parseKubernetesVersion(text)) {
    throw new UsageError(`Unknown Kubernetes version '${text}': use a version such as 1.34.`);
  }
  return text;
}

/** `--rule id=level`, repeatable; a later setting of the same rule wins. */
export function ruleLevels(settings: readonly string[]): Record<string, RuleLevel> {
  const levels: Record<string, RuleLevel> = {};
  for (const setting of settings) {
    const [id, level] = setting.split('=');
    if (!ruleById(id)) throw new UsageError(`Unknown rule '${id}' in --rule ${setting}.`);
    if (!LEVELS.includes(level as RuleLevel)) {
      throw new UsageError(`Unknown level in --rule ${setting}: use off, info, warning or error.`);
    }
    levels[id] = level as RuleLevel;
  }
  return levels;
}
