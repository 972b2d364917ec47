import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { labelsOf, mapSelects, type Labels } from './label-selector';
import { isDns1123Label } from './names';
import type { Resource } from '../document/resource';
import type { ResourceContext } from '../rule';
import type { Range } from '../types';
import { isMapping } from '../document/values';
import { proximity } from '../workspace/proximity';

/**
 * How a StatefulSet's `serviceName` resolves in the workspace. Each service-* rule reports
 * one aspect of it, so that a single cause never yields several findings.
 */
export type GoverningService =
  | { state: 'unset' }
  | { state: 'invalid-name'; name: string }
  | { state: 'patch'; name: string }
  | { state: 'not-found'; name: string; governsOthers: Resource<Service>[] }
  | { state: 'other-namespaces'; name: string; namespaces: string[] }
  | { state: 'found'; name: string; service: Resource<Service>; headless: boolean; selects: boolean };

export function governingService({
  resource,
  namespace,
  partial,
  workspace,
}: ResourceContext<StatefulSet>): GoverningService {
  const name = resource.object.spec?.serviceName;
  if (typeof name !== 'string' || name === '') return { state: 'unset' };
  if (!isDns1123Label(name)) return { state: 'invalid-name', name };
  // A kustomize patch may be renamed or moved to another namespace by its kustomization.
  if (partial) return { state: 'patch', name };
  // A Service without a spec is a fragment (an overlay or patch), not a definition to judge.
  const everywhere = workspace.named('Service', name).filter((service) => isMapping(service.object.spec));
  const here = everywhere.filter((service) => workspace.namespaceOf(service) === namespace);
  if (here.length === 0) {
    const namespaces = [...new Set(everywhere.map((service) => workspace.namespaceOf(service)))];
    return namespaces.length > 0
      ? { state: 'other-namespaces', name, namespaces }
      : { state: 'not-found', name, governsOthers: [] };
  }
  const podLabels = labelsOf(resource.object.spec?.template?.metadata?.labels);
  // In a monorepo several projects may each have a Service of this name. One that selects the
  // pods of another StatefulSet governed by that name, and not these pods, belongs to that set.
  const siblingLabels = workspace
    .readersOfKey(`Service/${name}`)
    .filter((other) => other !== resource && other.is('StatefulSet') && workspace.namespaceOf(other) === namespace)
    .map((other) => labelsOf((other.object as StatefulSet).spec?.template?.metadata?.labels));
  const claimedElsewhere = (service: Resource<Service>) =>
    !selectsPods(service, podLabels) && siblingLabels.some((labels) => selectsPods(service, labels));
  const candidates = here.filter((service) => !claimedElsewhere(service));
  if (candidates.length === 0) return { state: 'not-found', name, governsOthers: here };
  // The nearest definitions in the file tree are the ones meant; farther ones are other projects'.
  const closest = Math.max(...candidates.map((service) => proximity(resource.uri, service.uri)));
  const judged = candidates
    .filter((service) => proximity(resource.uri, service.uri) === closest)
    .map((service) => ({ service, headless: isHeadless(service), selects: selectsPods(service, podLabels) }));
  const best =
    judged.find((candidate) => candidate.headless && candidate.selects) ??
    judged.find((candidate) => candidate.headless) ??
    judged[0];
  return { state: 'found', name, ...best };
}

export function isHeadless(service: Resource<Service>): boolean {
  return service.object.spec?.clusterIP === 'None';
}

/** A Service without a selector selects no pods, whatever their labels. */
function selectsPods(service: Resource<Service>, podLabels: Labels): boolean {
  const selector = labelsOf(service.object.spec?.selector);
  return Object.keys(selector).length > 0 && mapSelects(selector, podLabels);
}

/** Where findings about the governing Service go: the serviceName value. */
export function serviceNameRange(resource: Resource<StatefulSet>): Range {
  return resource.field(['spec', 'serviceName'])?.value ?? resource.nearest(['spec', 'serviceName']);
}
