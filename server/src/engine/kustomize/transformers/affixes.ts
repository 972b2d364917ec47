import { fieldStep, type Layer } from '../layer';
import { scalarField } from '../kustomization';
import { kindOf, nameOf, rename, type BuildResource } from '../resource';

/** Kinds whose names are fixed by the API (a CRD's name is its plural and group): never prefixed. */
const FIXED_NAMES = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

/**
 * `namePrefix` and `nameSuffix` change `metadata.name` only. The new name keeps the origin of
 * the old one, with the kustomization line that changed it as a step, and the object remembers
 * the affix, so that references are rewritten only between objects renamed alike.
 */
export function applyAffixes(layer: Layer, resources: readonly BuildResource[]): void {
  const prefix = scalarField(layer.kustomization, 'namePrefix')?.text ?? '';
  const suffix = scalarField(layer.kustomization, 'nameSuffix')?.text ?? '';
  const prefixStep = fieldStep(layer, 'namePrefix', `prefixed '${prefix}'`);
  const suffixStep = fieldStep(layer, 'nameSuffix', `suffixed '${suffix}'`);
  for (const resource of resources) {
    if (FIXED_NAMES.has(kindOf(resource))) continue;
    if (prefix !== '' && prefixStep) {
      rename(resource, prefix + nameOf(resource), prefixStep);
      resource.prefixes.push(prefix);
    }
    if (suffix !== '' && suffixStep) {
      rename(resource, nameOf(resource) + suffix, suffixStep);
      resource.suffixes.push(suffix);
    }
  }
}
