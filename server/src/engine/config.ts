import type { RuleLevel } from './types';

export interface EngineConfig {
  /** Namespace of manifests that name none. */
  defaultNamespace: string;
  /** The Kubernetes minor version the manifests target, for rules whose verdict changed over time. */
  kubernetesVersion: KubernetesVersion;
  /** Per-rule level overriding the rule's default severity. */
  rules: Record<string, RuleLevel>;
}

export interface KubernetesVersion {
  major: number;
  minor: number;
}

export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = { major: 1, minor: 34 };

export const DEFAULT_CONFIG: EngineConfig = {
  defaultNamespace: 'default',
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
  rules: {},
};

/** Reads `1.34`, `v1.34` or `1.34.2`; anything else is undefined. */
export function parseKubernetesVersion(text: unknown): KubernetesVersion | undefined {
  const match = typeof text === 'string' ? /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(text.trim()) : null;
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function versionAtLeast(version: KubernetesVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

/** Reads user settings defensively: anything malformed falls back to the default. */
export function configFrom(
  settings: { defaultNamespace?: unknown; kubernetesVersion?: unknown; rules?: unknown } | undefined,
): EngineConfig {
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
  const kubernetesVersion = parseKubernetesVersion(settings?.kubernetesVersion) ?? DEFAULT_KUBERNETES_VERSION;
  return { defaultNamespace, kubernetesVersion, rules };
}
