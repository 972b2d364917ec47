import { parse } from 'yaml';
import { URI, Utils } from 'vscode-uri';
import { nestsTooDeep } from '../document/nesting';
import type { Resource } from '../document/resource';

const KUSTOMIZATION_NAME = /\/(kustomization\.ya?ml|Kustomization)$/;

export function isKustomization(uri: string): boolean {
  return KUSTOMIZATION_NAME.test(uri);
}

/**
 * The files a kustomization applies as patches (`patches[].path` and `patchesStrategicMerge`),
 * as URIs. Such files hold partial objects: the base supplies everything they leave out.
 * Inline patches are not files and are skipped.
 */
export function patchFilesOf(uri: string, text: string): string[] {
  let content: unknown;
  if (nestsTooDeep(text)) return [];
  try {
    content = parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
  } catch {
    return [];
  }
  if (typeof content !== 'object' || content === null) return [];
  const { patches, patchesStrategicMerge } = content as { patches?: unknown; patchesStrategicMerge?: unknown };
  const paths = [
    ...(Array.isArray(patches) ? patches.map((patch) => (patch as { path?: unknown } | null)?.path) : []),
    ...(Array.isArray(patchesStrategicMerge) ? patchesStrategicMerge : []),
  ].filter((path): path is string => typeof path === 'string' && path.trim() !== '' && !path.includes('\n'));
  const folder = Utils.dirname(URI.parse(uri));
  return paths.map((path) => Utils.resolvePath(folder, path.trim()).toString());
}

/**
 * Whether a StatefulSet reads as a patch even with no kustomization in view: one with neither
 * a selector nor pod labels cannot be applied alone, and hand-written manifests that forget
 * the selector still label their pods.
 */
export function looksLikePatch(resource: Resource): boolean {
  if (!resource.is('StatefulSet')) return false;
  const spec = resource.object.spec;
  return spec?.selector === undefined && spec?.template?.metadata?.labels === undefined;
}
