import type { Origin } from '../helm/go/origin';
import { groupVersionOf, kindOf, type BuildResource } from './resource';
import { child, emptyMap, put, type Tree, type TreeMap } from './tree';

/**
 * A field that a transformer acts on, as kustomize names it: a `/`-separated path (lists on the
 * way are entered element by element; `[]` marks a step that is a list, so never made), for
 * objects of a kind and group when given, and whether missing maps on the way are created.
 */
export interface FieldSpec {
  readonly path: string;
  readonly kind?: string;
  readonly group?: string;
  readonly create?: boolean;
}

function specApplies(spec: FieldSpec, resource: BuildResource): boolean {
  if (spec.kind !== undefined && spec.kind !== kindOf(resource)) return false;
  return spec.group === undefined || spec.group === groupVersionOf(resource).group;
}

/**
 * Calls `visit` with the map holding the spec's last field, for each place the path reaches in
 * the object. With `create`, maps missing on the way are made (with `origin`); lists are never
 * made, so a transformer adds nothing to a list the object does not have.
 */
export function visitField(resource: BuildResource, spec: FieldSpec, origin: Origin | undefined, visit: (holder: TreeMap, key: string) => void): void {
  if (!specApplies(spec, resource)) return;
  const keys = spec.path.split('/');
  const walk = (node: Tree | undefined, index: number): void => {
    if (!node) return;
    if (node.type === 'seq') {
      for (const item of node.items) walk(item, index);
      return;
    }
    if (node.type !== 'map') return;
    const isList = keys[index].endsWith('[]');
    const key = isList ? keys[index].slice(0, -2) : keys[index];
    if (index === keys.length - 1) {
      visit(node, key);
      return;
    }
    let next = child(node, key);
    if ((next === undefined || (next.type === 'scalar' && next.value === null)) && spec.create && !isList) {
      next = emptyMap(origin);
      put(node, key, next, origin);
    }
    walk(next, index + 1);
  };
  walk(resource.tree, 0);
}

/** Runs `visit` for every spec that applies to the resource. */
export function visitFields(resource: BuildResource, specs: readonly FieldSpec[], origin: Origin | undefined, visit: (holder: TreeMap, key: string, spec: FieldSpec) => void): void {
  for (const spec of specs) visitField(resource, spec, origin, (holder, key) => visit(holder, key, spec));
}

/** The workload kinds whose pod template kustomize labels and annotates, with the template's place. */
const TEMPLATED: readonly { kind: string; template: string }[] = [
  { kind: 'ReplicationController', template: 'spec/template' },
  { kind: 'Deployment', template: 'spec/template' },
  { kind: 'ReplicaSet', template: 'spec/template' },
  { kind: 'DaemonSet', template: 'spec/template' },
  { kind: 'StatefulSet', template: 'spec/template' },
  { kind: 'Job', template: 'spec/template' },
  { kind: 'CronJob', template: 'spec/jobTemplate' },
  { kind: 'CronJob', template: 'spec/jobTemplate/spec/template' },
];

const AFFINITY_SELECTORS = ['podAffinity', 'podAntiAffinity'].flatMap((affinity) => [
  `spec/template/spec/affinity/${affinity}/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels`,
  `spec/template/spec/affinity/${affinity}/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels`,
]);

/** `metadata/labels` of every object, and of the pod templates with `includeTemplates`. */
export const METADATA_LABELS: readonly FieldSpec[] = [{ path: 'metadata/labels', create: true }];

export const TEMPLATE_LABELS: readonly FieldSpec[] = TEMPLATED.map(({ kind, template }) => ({ kind, path: `${template}/metadata/labels`, create: true }));

export const CLAIM_TEMPLATE_LABELS: readonly FieldSpec[] = [{ kind: 'StatefulSet', group: 'apps', path: 'spec/volumeClaimTemplates[]/metadata/labels', create: true }];

/** Everything `commonLabels` (or `labels` with `includeSelectors`) writes: labels, selectors and templates. */
export const SELECTOR_LABELS: readonly FieldSpec[] = [
  ...METADATA_LABELS,
  { kind: 'Service', path: 'spec/selector', create: true },
  { kind: 'ReplicationController', path: 'spec/selector' },
  ...['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'].flatMap((kind): FieldSpec[] => [
    { kind, path: 'spec/selector/matchLabels', create: true },
    ...AFFINITY_SELECTORS.map((path) => ({ kind, path })),
    { kind, path: 'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels' },
  ]),
  ...TEMPLATE_LABELS,
  ...CLAIM_TEMPLATE_LABELS,
  { kind: 'Job', path: 'spec/selector/matchLabels' },
  { kind: 'CronJob', path: 'spec/jobTemplate/spec/selector/matchLabels' },
  { kind: 'PodDisruptionBudget', path: 'spec/selector/matchLabels' },
  { kind: 'NetworkPolicy', path: 'spec/podSelector/matchLabels' },
  { kind: 'NetworkPolicy', path: 'spec/ingress/from/podSelector/matchLabels' },
  { kind: 'NetworkPolicy', path: 'spec/egress/to/podSelector/matchLabels' },
];

/** Where `commonAnnotations` go: every object, and its pod templates (not claim templates). */
export const ANNOTATIONS: readonly FieldSpec[] = [
  { path: 'metadata/annotations', create: true },
  ...TEMPLATED.map(({ kind, template }) => ({ kind, path: `${template}/metadata/annotations`, create: true })),
];
