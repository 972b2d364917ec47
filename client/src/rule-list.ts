/** A rule as the settings schema in package.json describes it. */
export interface RuleInfo {
  id: string;
  description: string;
  defaultLevel: string;
}

/**
 * The rules, read from the schema of `kubeStateful.rules` that scripts/generate-settings-schema.ts
 * writes from the rule registry, so the client needs neither the engine nor the server for it.
 */
export function rulesFromManifest(packageJson: unknown): RuleInfo[] {
  const properties = (packageJson as Manifest)?.contributes?.configuration?.properties?.['kubeStateful.rules']?.properties;
  return Object.entries(properties ?? {}).map(([id, schema]) => ({
    id,
    description: schema.description ?? '',
    defaultLevel: schema.default ?? '',
  }));
}

interface Manifest {
  contributes?: {
    configuration?: { properties?: Record<string, { properties?: Record<string, { description?: string; default?: string }> }> };
  };
}
