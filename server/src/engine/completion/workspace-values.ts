import type { Service } from 'kubernetes-types/core/v1';
import { isHeadless } from '../kubernetes/governing-service';
import { code, fileLabel } from '../hover/markdown';
import { formatLabels, labelsOf, mapSelects } from '../kubernetes/label-selector';
import type { KindMap, Resource } from '../document/resource';
import { sourceLocationOf } from '../derived/relocate';
import type { NamedField } from '../schema/field-at-path';
import { isMapping } from '../document/values';
import type { Workspace } from '../workspace/workspace';
import type { CursorContext } from './cursor';

/**
 * A value the workspace offers for a field: a Service, Secret, ConfigMap, StorageClass, key or
 * volume name. Providers list them in the order to show, which `best` only overrides.
 */
export interface WorkspaceValue {
  value: string;
  /** An object's name, or a key inside one. */
  kind: 'reference' | 'key';
  detail: string;
  documentation: string;
  /** The value most likely meant, listed first. */
  best?: boolean;
}

type Provider = (workspace: Workspace, context: CursorContext) => WorkspaceValue[];

/** Fields naming something the workspace defines, by `type.field`. */
const PROVIDERS: Record<string, Provider> = {
  'apps/v1.StatefulSetSpec.serviceName': headlessServices,
  'core/v1.SecretKeySelector.name': (workspace, context) => sources(workspace, context, 'Secret'),
  'core/v1.SecretEnvSource.name': (workspace, context) => sources(workspace, context, 'Secret'),
  'core/v1.SecretVolumeSource.secretName': (workspace, context) => sources(workspace, context, 'Secret'),
  'core/v1.SecretProjection.name': (workspace, context) => sources(workspace, context, 'Secret'),
  'core/v1.ConfigMapKeySelector.name': (workspace, context) => sources(workspace, context, 'ConfigMap'),
  'core/v1.ConfigMapEnvSource.name': (workspace, context) => sources(workspace, context, 'ConfigMap'),
  'core/v1.ConfigMapVolumeSource.name': (workspace, context) => sources(workspace, context, 'ConfigMap'),
  'core/v1.ConfigMapProjection.name': (workspace, context) => sources(workspace, context, 'ConfigMap'),
  'core/v1.SecretKeySelector.key': (workspace, context) => keysOf(workspace, context, 'Secret'),
  'core/v1.ConfigMapKeySelector.key': (workspace, context) => keysOf(workspace, context, 'ConfigMap'),
  'core/v1.PersistentVolumeClaimSpec.storageClassName': storageClasses,
  'core/v1.VolumeMount.name': podVolumes,
  'core/v1.VolumeDevice.name': podVolumes,
};

/** Whether the workspace can suggest values for this field. */
export function hasWorkspaceValues(field: NamedField): boolean {
  return `${field.ownerType}.${field.name}` in PROVIDERS;
}

export function workspaceValues(workspace: Workspace, context: CursorContext, field: NamedField): WorkspaceValue[] | undefined {
  return PROVIDERS[`${field.ownerType}.${field.name}`]?.(workspace, context);
}

/**
 * The objects of a kind as they are applied: a file that kustomize builds read is seen through
 * what the builds make of it (in the namespace and under the name they give), not on its own.
 */
function deployed<K extends keyof KindMap>(workspace: Workspace, kind: K): Resource<KindMap[K]>[] {
  return workspace.ofKind(kind).filter((object) => !workspace.isBuildInput(object.uri));
}

/** The file that defines an object, through the chart render or kustomize build that made it. */
function definedIn(workspace: Workspace, object: Resource): string {
  return fileLabel(sourceLocationOf(workspace, object.uri, object.nearest(['metadata', 'name'])).uri);
}

function namespaceOf(workspace: Workspace, context: CursorContext): string {
  const metadata = context.object.metadata;
  const namespace = isMapping(metadata) ? metadata.namespace : undefined;
  return typeof namespace === 'string' && namespace !== '' ? namespace : workspace.settings.defaultNamespace;
}

function byValue(a: WorkspaceValue, b: WorkspaceValue): number {
  return a.value.localeCompare(b.value);
}

/** Headless Services of the namespace; the ones selecting the pods being edited first. */
function headlessServices(workspace: Workspace, context: CursorContext): WorkspaceValue[] {
  const namespace = namespaceOf(workspace, context);
  const spec = isMapping(context.object.spec) ? context.object.spec : {};
  const template = isMapping(spec.template) ? spec.template : {};
  const podLabels = labelsOf(isMapping(template.metadata) ? template.metadata.labels : undefined);
  const seen = new Set<string>();
  return deployed(workspace, 'Service')
    .filter((service) => isMapping(service.object.spec) && isHeadless(service) && workspace.namespaceOf(service) === namespace)
    .filter((service) => service.name !== '' && !seen.has(service.name) && seen.add(service.name))
    .map((service) => describeService(workspace, service, namespace, podLabels))
    .sort(byValue);
}

function describeService(workspace: Workspace, service: Resource<Service>, namespace: string, podLabels: Record<string, string>): WorkspaceValue {
  const selector = labelsOf(service.object.spec?.selector);
  const selects = Object.keys(selector).length > 0 && mapSelects(selector, podLabels);
  const ports = Array.isArray(service.object.spec?.ports)
    ? service.object.spec.ports
        .filter(isMapping)
        .map((port) => `${typeof port.name === 'string' ? `${port.name} ` : ''}${String(port.port ?? '?')}`)
    : [];
  const selection =
    Object.keys(selector).length === 0
      ? 'It has no selector, so it selects no pods.'
      : selects
        ? `Its selector (${code(formatLabels(selector))}) selects these pods.`
        : `Its selector (${code(formatLabels(selector))}) does not select these pods.`;
  return {
    value: service.name,
    kind: 'reference',
    detail: selects ? 'headless Service · selects these pods' : 'headless Service',
    documentation: [
      `Headless Service ${code(service.name)} in namespace ${code(namespace)}, defined in ${definedIn(workspace, service)}.`,
      selection,
      ports.length > 0 ? `Ports: ${ports.map(code).join(', ')}.` : '',
    ]
      .filter((line) => line !== '')
      .join('\n\n'),
    best: selects,
  };
}

/** Secrets or ConfigMaps of the namespace, with the names of their keys (never their values). */
function sources(workspace: Workspace, context: CursorContext, kind: 'Secret' | 'ConfigMap'): WorkspaceValue[] {
  const namespace = namespaceOf(workspace, context);
  const byName = new Map<string, Resource[]>();
  for (const object of deployed(workspace, kind)) {
    if (object.name === '' || workspace.namespaceOf(object) !== namespace) continue;
    byName.set(object.name, [...(byName.get(object.name) ?? []), object]);
  }
  return [...byName].sort(([a], [b]) => a.localeCompare(b)).map(([name, objects]) => {
    const keys = [...new Set(objects.flatMap((object) => dataKeys(kind, object.object)))];
    const type = kind === 'Secret' ? (objects[0].object as { type?: unknown }).type : undefined;
    return {
      value: name,
      kind: 'reference',
      detail: `${kind}${keys.length > 0 ? ` · ${keys.length === 1 ? '1 key' : `${keys.length} keys`}` : ''}`,
      documentation: [
        `${kind} ${code(name)} in namespace ${code(namespace)}, defined in ${objects.map((object) => definedIn(workspace, object)).join(', ')}${typeof type === 'string' ? `, type ${code(type)}` : ''}.`,
        keys.length > 0 ? `Keys: ${keys.map(code).join(', ')}.` : 'No keys in the manifest: its data is filled in another way.',
      ].join('\n\n'),
    };
  });
}

/** The keys of the Secret or ConfigMap named next to the key being typed. */
function keysOf(workspace: Workspace, context: CursorContext, kind: 'Secret' | 'ConfigMap'): WorkspaceValue[] {
  const name = context.siblings.name;
  if (typeof name !== 'string' || name === '') return [];
  const namespace = namespaceOf(workspace, context);
  const objects = workspace.named(kind, name).filter((object) => !workspace.isBuildInput(object.uri) && workspace.namespaceOf(object) === namespace);
  const keys = [...new Set(objects.flatMap((object) => dataKeys(kind, object.object)))];
  return keys.map((key) => ({
    value: key,
    kind: 'key',
    detail: `key of ${kind} ${name}`,
    documentation: `Key ${code(key)} of ${kind} ${code(name)} (namespace ${code(namespace)}), defined in ${objects.map((object) => definedIn(workspace, object)).join(', ')}.`,
  }));
}

function dataKeys(kind: 'Secret' | 'ConfigMap', object: object): string[] {
  const fields = kind === 'Secret' ? ['data', 'stringData'] : ['data', 'binaryData'];
  return fields.flatMap((field) => {
    const map = (object as Record<string, unknown>)[field];
    return isMapping(map) ? Object.keys(map) : [];
  });
}

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** The StorageClasses of the workspace, the cluster default first. */
function storageClasses(workspace: Workspace): WorkspaceValue[] {
  const seen = new Set<string>();
  return deployed(workspace, 'StorageClass')
    .filter((storageClass) => storageClass.name !== '' && !seen.has(storageClass.name) && seen.add(storageClass.name))
    .map((storageClass): WorkspaceValue => {
      const object = storageClass.object;
      const annotations = isMapping(object.metadata?.annotations) ? object.metadata.annotations : {};
      const isDefault = String(annotations[DEFAULT_CLASS_ANNOTATION]) === 'true';
      const facts = [
        typeof object.provisioner === 'string' ? `provisioner ${code(object.provisioner)}` : '',
        `reclaimPolicy ${code(typeof object.reclaimPolicy === 'string' ? object.reclaimPolicy : 'Delete')}`,
        object.allowVolumeExpansion === true ? 'volumes can be expanded' : 'volumes cannot be expanded',
        typeof object.volumeBindingMode === 'string' ? `binding ${code(object.volumeBindingMode)}` : '',
      ].filter((fact) => fact !== '');
      return {
        value: storageClass.name,
        kind: 'reference',
        detail: isDefault ? 'StorageClass · cluster default' : 'StorageClass',
        documentation: `StorageClass ${code(storageClass.name)}, defined in ${definedIn(workspace, storageClass)}${isDefault ? ', marked as the cluster default' : ''}: ${facts.join(', ')}.`,
        best: isDefault,
      };
    })
    .sort(byValue);
}

/** The volumes a container of the StatefulSet can mount: its claim templates, then its pod volumes. */
function podVolumes(_: Workspace, context: CursorContext): WorkspaceValue[] {
  const spec = isMapping(context.object.spec) ? context.object.spec : {};
  const stsName = isMapping(context.object.metadata) && typeof context.object.metadata.name === 'string' ? context.object.metadata.name : '<name>';
  const claims = (Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []).flatMap((claim): WorkspaceValue[] => {
    const name = isMapping(claim) && isMapping(claim.metadata) ? claim.metadata.name : undefined;
    if (typeof name !== 'string' || name === '') return [];
    const claimSpec = isMapping(claim.spec) ? claim.spec : {};
    const storage = isMapping(claimSpec.resources) && isMapping(claimSpec.resources.requests) ? claimSpec.resources.requests.storage : undefined;
    return [
      {
        value: name,
        kind: 'reference',
        detail: 'volumeClaimTemplate',
        documentation: `Claim template ${code(name)}: each pod mounts its own PVC, ${code(`${name}-${stsName}-<ordinal>`)}${storage !== undefined ? `, of ${code(String(storage))}` : ''}.`,
      },
    ];
  });
  const template = isMapping(spec.template) && isMapping(spec.template.spec) ? spec.template.spec : {};
  const volumes = (Array.isArray(template.volumes) ? template.volumes : []).flatMap((volume): WorkspaceValue[] => {
    if (!isMapping(volume) || typeof volume.name !== 'string' || volume.name === '') return [];
    if (claims.some((claim) => claim.value === volume.name)) return [];
    const source = Object.keys(volume).find((key) => key !== 'name');
    return [
      {
        value: volume.name,
        kind: 'reference',
        detail: source ? `volume · ${source}` : 'volume',
        documentation: `Pod volume ${code(volume.name)}${source ? ` (${code(source)})` : ''}, shared by the containers of each pod.`,
      },
    ];
  });
  return [...claims, ...volumes];
}
