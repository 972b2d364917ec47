/** The kinds whose keys a pod reads into its environment or mounts as files. */
export type ConfigSourceKind = 'Secret' | 'ConfigMap';

/** The fields of an env var's `valueFrom` that read one key of a Secret or ConfigMap. */
export const ENV_KEY_REFS = [
  ['secretKeyRef', 'Secret'],
  ['configMapKeyRef', 'ConfigMap'],
] as const;

/** The fields of an `envFrom` entry that read every key of a Secret or ConfigMap. */
export const ENV_SOURCE_REFS = [
  ['secretRef', 'Secret'],
  ['configMapRef', 'ConfigMap'],
] as const;

/** The mappings holding the keys of each kind. */
export const KEY_FIELDS: Record<ConfigSourceKind, readonly string[]> = {
  Secret: ['data', 'stringData'],
  ConfigMap: ['data', 'binaryData'],
};
