import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { ContainerPort, Service } from 'kubernetes-types/core/v1';
import { isMap, isScalar } from 'yaml';
import { governingService, isHeadless } from '../kubernetes/governing-service';
import { formatLabels, labelsOf, mapSelects, type Labels } from '../kubernetes/label-selector';
import { containersOf, entriesOf } from '../kubernetes/pod-template';
import { textOf, type Resource } from '../document/resource';
import type { SourceFile } from '../document/source-file';
import { isMapping } from '../document/values';
import { ownNodeAt, resourceOf, type FixContext } from './fix-context';
import type { Fix, WorkspaceChange } from './types';
import { FileEditor, insertDocumentAfter, ownPair, replacePair, replaceScalar, setIn } from './yaml-edits';
import { blockEntries, flowValue, map, raw, seq, text, type YamlValue } from './yaml-render';

/*
 * Repairs of the governing Service: create it, make it headless, point its selector at the
 * pods, or point serviceName at a headless Service that already selects them.
 */

function statefulSetOf(context: FixContext): Resource<StatefulSet> | undefined {
  const resource = resourceOf(context);
  return resource?.is('StatefulSet') ? resource : undefined;
}

function podLabelsOf(resource: Resource<StatefulSet>): Labels {
  return labelsOf(resource.object.spec?.template?.metadata?.labels);
}

/** Edits in one file of the workspace, as a fix's change. */
function editIn(uri: string, sourceText: string, edit: (editor: FileEditor) => boolean): WorkspaceChange | undefined {
  const editor = new FileEditor(uri, sourceText);
  return edit(editor) && editor.edits.length > 0 ? { creates: [], edits: editor.edits } : undefined;
}

/** The Service the StatefulSet names, as the service-* rules resolve it. */
function governedBy(context: FixContext, resource: Resource<StatefulSet>): Resource<Service> | undefined {
  const namespace = context.workspace.namespaceOf(resource);
  const governing = governingService({ resource, namespace, partial: false, workspace: context.workspace });
  return governing.state === 'found' ? governing.service : undefined;
}

/**
 * What a fix to the governing Service works on: the StatefulSet of the finding, the Service it
 * names and that Service's file, with the fixes that name another Service instead.
 */
function governedServiceOf(
  context: FixContext,
): { resource: Resource<StatefulSet>; service: Resource<Service>; serviceFile: SourceFile | undefined; alternatives: Fix[] } | undefined {
  const resource = statefulSetOf(context);
  const service = resource && governedBy(context, resource);
  if (!resource || !service) return undefined;
  return { resource, service, serviceFile: context.workspace.get(service.uri), alternatives: serviceNameFixes(context, resource, service.name) };
}

/** `Change serviceName to 'x'` for each other headless Service of the namespace that selects the pods. */
function serviceNameFixes(context: FixContext, resource: Resource<StatefulSet>, current: string): Fix[] {
  const { workspace } = context;
  const podLabels = podLabelsOf(resource);
  const namespace = workspace.namespaceOf(resource);
  const node = ownNodeAt(resource, ['spec', 'serviceName']);
  if (!isScalar(node) || Object.keys(podLabels).length === 0) return [];
  const names = new Set<string>();
  for (const service of workspace.ofKind('Service')) {
    const selector = labelsOf(service.object.spec?.selector);
    if (
      service.name !== current &&
      service.name !== '' &&
      isMapping(service.object.spec) &&
      workspace.namespaceOf(service) === namespace &&
      isHeadless(service) &&
      Object.keys(selector).length > 0 &&
      mapSelects(selector, podLabels)
    ) {
      names.add(service.name);
    }
  }
  return [...names].sort().map((name) => ({
    id: `service-name:${name}`,
    title: `Change serviceName to '${name}'`,
    preferred: false,
    safe: false,
    findings: [context.finding],
    change: () =>
      editIn(context.file.uri, context.file.text, (editor) => {
        replaceScalar(editor, node, name);
        return true;
      }),
  }));
}

/** The Service ports for the containers' ports, named as the containers name them. */
function servicePorts(resource: Resource<StatefulSet>): YamlValue[] {
  const ports: { name?: string; port: number; protocol: string }[] = [];
  for (const container of containersOf(resource)) {
    if (container.init) continue;
    for (const { value: port } of entriesOf<ContainerPort>(container.value.ports, [])) {
      const number = port.containerPort;
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535) continue;
      const protocol = typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP';
      if (ports.some((known) => known.port === number && known.protocol === protocol)) continue;
      ports.push({ name: textOf(port.name) || undefined, port: number, protocol });
    }
  }
  // A Service with several ports must name each of them.
  return ports.map(({ name, port, protocol }) => {
    const entries: [string, YamlValue][] = [];
    const portName = name ?? (ports.length > 1 ? `${protocol.toLowerCase()}-${port}` : undefined);
    if (portName) entries.push(['name', text(portName)]);
    entries.push(['port', raw(String(port))]);
    if (protocol !== 'TCP') entries.push(['protocol', text(protocol)]);
    return map(entries);
  });
}

export function serviceNotFoundFixes(context: FixContext): Fix[] {
  const resource = statefulSetOf(context);
  const name = textOf(context.finding.fix?.serviceName);
  if (!resource || !name) return [];
  const alternatives = serviceNameFixes(context, resource, name);
  const podLabels = podLabelsOf(resource);
  if (Object.keys(podLabels).length === 0) return alternatives;
  const create: Fix = {
    id: 'service-create',
    title: `Create headless Service '${name}'`,
    preferred: alternatives.length === 0,
    safe: false,
    findings: [context.finding],
    change: () =>
      editIn(context.file.uri, context.file.text, (editor) => {
        const offset = resource.node.range![0];
        const ports = servicePorts(resource);
        const metadata: [string, YamlValue][] = [['name', text(name)]];
        if (resource.namespace) metadata.push(['namespace', text(resource.namespace)]);
        const spec: [string, YamlValue][] = [
          ['clusterIP', raw('None')],
          ['selector', map(Object.entries(podLabels).map(([key, value]) => [key, text(value)]))],
        ];
        if (ports.length > 0) spec.push(['ports', seq(ports)]);
        const body = blockEntries(
          [
            ['apiVersion', raw('v1')],
            ['kind', raw('Service')],
            ['metadata', map(metadata)],
            ['spec', map(spec)],
          ],
          0,
          editor.styleAt(offset),
        );
        insertDocumentAfter(editor, resource.document, body);
        return true;
      }),
  };
  return [create, ...alternatives];
}

/** Types that cannot be headless: the API server rejects clusterIP None for them. */
const NEVER_HEADLESS = new Set(['NodePort', 'LoadBalancer', 'ExternalName']);

export function serviceNotHeadlessFixes(context: FixContext): Fix[] {
  const governed = governedServiceOf(context);
  if (!governed) return [];
  const { service, serviceFile, alternatives } = governed;
  const type = service.object.spec?.type;
  if ((typeof type === 'string' && NEVER_HEADLESS.has(type)) || !serviceFile) return alternatives;
  const makeHeadless: Fix = {
    id: 'service-headless',
    title: `Make Service '${service.name}' headless (clusterIP: None; clusterIP is immutable, so a live Service must be deleted and recreated)`,
    preferred: false,
    safe: false,
    findings: [context.finding],
    change: () =>
      editIn(service.uri, serviceFile.text, (editor) => {
        const spec = ownNodeAt(service, ['spec']);
        if (!isMap(spec)) return false;
        const clusterIP = ownPair(spec, 'clusterIP');
        if (isScalar(clusterIP?.value) && clusterIP.value.value !== null) replaceScalar(editor, clusterIP.value, 'None');
        else if (!setIn(editor, service.document, spec, ['clusterIP'], raw('None'), 'first')) return false;
        const clusterIPs = ownPair(spec, 'clusterIPs');
        if (clusterIPs) replacePair(editor, spec, clusterIPs, [['clusterIPs', seq([raw('None')], true)]]);
        return true;
      }),
  };
  return [makeHeadless, ...alternatives];
}

export function serviceSelectorFixes(context: FixContext): Fix[] {
  const governed = governedServiceOf(context);
  if (!governed) return [];
  const { resource, service, serviceFile, alternatives } = governed;
  const podLabels = podLabelsOf(resource);
  if (Object.keys(podLabels).length === 0 || !serviceFile) return alternatives;
  const selector = map(Object.entries(podLabels).map(([key, value]) => [key, text(value)]));
  const setSelector: Fix = {
    id: 'service-selector',
    title: `Set the Service selector to the pod labels (${formatLabels(podLabels)})`,
    preferred: alternatives.length === 0,
    safe: false,
    findings: [context.finding],
    change: () =>
      editIn(service.uri, serviceFile.text, (editor) => {
        const spec = ownNodeAt(service, ['spec']);
        if (!isMap(spec)) return false;
        const existing = ownPair(spec, 'selector')?.value;
        // A selector written in flow style stays in flow style.
        if (isMap(existing) && existing.flow && existing.range) {
          editor.replace(existing.range[0], existing.range[1], flowValue(selector));
          return true;
        }
        return setIn(editor, service.document, spec, ['selector'], selector);
      }),
  };
  return [setSelector, ...alternatives];
}
