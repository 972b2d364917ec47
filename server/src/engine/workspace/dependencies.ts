import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { EnvFromSource, EnvVar } from 'kubernetes-types/core/v1';
import type { LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { labelsOf, type Labels } from '../kubernetes/label-selector';
import { containersOf } from '../kubernetes/pod-template';
import type { ObjectContent } from '../document/resource';
import { isMapping } from '../document/values';

/**
 * Keys naming what an object provides to others and what it reads from others. When an
 * object's provided keys come or go, the objects that read any of them must be checked again.
 * Keys are narrow on purpose, so that indexing a budget does not recheck every StatefulSet:
 * - `Service/web` (an object by kind and name) and `every:Service` (every object of a kind);
 * - `governed-by:Service/web`: StatefulSets naming the same Service read each other, since a
 *   Service that selects another one's pods is taken as that set's (see `governingService`);
 * - `scales:StatefulSet/web`: an autoscaler's target;
 * - `endpoints-of:Service/web`: Endpoints or an EndpointSlice written for a Service by hand or by
 *   an operator, which is why a Service without a selector may still reach its pods;
 * - `selects:app=web`, `selects:app` and `selects:*`: what a budget's selector requires of a pod's
 *   labels (a pair, a key) or, when it requires no label, that it may select any pod.
 */
export function providedKeys(resource: ObjectContent): string[] {
  const keys = [`${resource.kind}/${resource.name}`, `every:${resource.kind}`];
  const governor = governorKey(resource);
  if (governor) keys.push(governor);
  if (resource.is('HorizontalPodAutoscaler')) keys.push(...scaleTargetKeys(resource));
  if (resource.is('PodDisruptionBudget')) keys.push(...selectorKeys(resource));
  const endpointsOf = endpointsServiceName(resource);
  if (endpointsOf) keys.push(endpointsKey(endpointsOf));
  return keys;
}

export function requiredKeys(resource: ObjectContent): string[] {
  if (!resource.is('StatefulSet')) return [];
  const keys = new Set<string>([scaleTargetKey('StatefulSet', resource.name), ...selectionKeys(labelsOf(resource.object.spec?.template?.metadata?.labels))]);
  const serviceName = resource.object.spec?.serviceName;
  if (typeof serviceName === 'string' && serviceName !== '') {
    keys.add(`Service/${serviceName}`);
    keys.add(endpointsKey(serviceName));
  }
  const governor = governorKey(resource);
  if (governor) keys.add(governor);
  for (const { value: container } of containersOf(resource)) {
    for (const env of Array.isArray(container.env) ? (container.env as EnvVar[]) : []) {
      const secret = env?.valueFrom?.secretKeyRef?.name;
      const configMap = env?.valueFrom?.configMapKeyRef?.name;
      if (typeof secret === 'string') keys.add(`Secret/${secret}`);
      if (typeof configMap === 'string') keys.add(`ConfigMap/${configMap}`);
    }
    for (const source of Array.isArray(container.envFrom) ? (container.envFrom as EnvFromSource[]) : []) {
      if (typeof source?.secretRef?.name === 'string') keys.add(`Secret/${source.secretRef.name}`);
      if (typeof source?.configMapRef?.name === 'string') keys.add(`ConfigMap/${source.configMapRef.name}`);
    }
  }
  return [...keys];
}

/** The key of the Endpoints and EndpointSlices that something other than a selector wrote for a Service. */
export function endpointsKey(serviceName: string): string {
  return `endpoints-of:Service/${serviceName}`;
}

/** The Service whose endpoints an object lists: an Endpoints by its name, an EndpointSlice by its label. */
function endpointsServiceName(resource: ObjectContent): string | undefined {
  if (resource.kind === 'Endpoints') return resource.name || undefined;
  if (resource.kind !== 'EndpointSlice') return undefined;
  const service = labelsOf(resource.object.metadata?.labels)['kubernetes.io/service-name'];
  return service || undefined;
}

/** The keys of every budget that may select pods with these labels. */
export function selectionKeys(labels: Labels): string[] {
  return ['selects:*', ...Object.entries(labels).flatMap(([key, value]) => [`selects:${key}=${value}`, `selects:${key}`])];
}

/** The key of the autoscalers whose target is this object. */
export function scaleTargetKey(kind: string, name: string): string {
  return `scales:${kind}/${name}`;
}

function governorKey(resource: ObjectContent): string | undefined {
  if (!resource.is('StatefulSet')) return undefined;
  const serviceName = resource.object.spec?.serviceName;
  return typeof serviceName === 'string' && serviceName !== '' ? `governed-by:Service/${serviceName}` : undefined;
}

function scaleTargetKeys(autoscaler: ObjectContent<HorizontalPodAutoscaler>): string[] {
  const target = autoscaler.object.spec?.scaleTargetRef as unknown;
  if (!isMapping(target)) return [];
  const { kind, name } = target as Record<string, unknown>;
  return typeof kind === 'string' && typeof name === 'string' ? [scaleTargetKey(kind, name)] : [];
}

/**
 * One key for each label a budget's selector requires a pod to have: any pod it selects has
 * at least one of them, so reading them tells a StatefulSet of every budget that may select it.
 */
function selectorKeys(budget: ObjectContent<PodDisruptionBudget>): string[] {
  const selector = budget.object.spec?.selector as unknown;
  return isMapping(selector) ? labelSelectorKeys(selector, true) : [];
}

/**
 * The `selects:` keys of a selector (see `selectionKeys`). A label selector that requires no
 * label may select any pod; a Service's map selector that is empty selects none.
 */
export function labelSelectorKeys(selector: Record<string, unknown>, setBased: boolean): string[] {
  const { matchLabels, matchExpressions } = selector;
  const keys = Object.entries(labelsOf(matchLabels)).map(([key, value]) => `selects:${key}=${value}`);
  for (const requirement of Array.isArray(matchExpressions) ? (matchExpressions as LabelSelectorRequirement[]) : []) {
    if (!isMapping(requirement)) continue;
    const key = String(requirement.key ?? '');
    if (requirement.operator === 'Exists') keys.push(`selects:${key}`);
    if (requirement.operator === 'In' && Array.isArray(requirement.values)) keys.push(...requirement.values.map((value) => `selects:${key}=${String(value)}`));
  }
  return keys.length > 0 || !setBased ? keys : ['selects:*'];
}
