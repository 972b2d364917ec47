import { parseDocument } from 'yaml';
import type { Rope } from '../go/rope';
import type { ChartRender, RenderedTemplate } from './chart-render';

/** Helm's install order of kinds (`releaseutil.InstallOrder`); other kinds come after, alphabetically. */
const INSTALL_ORDER = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList',
  'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList',
  'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler',
  'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];
const RANK = new Map(INSTALL_ORDER.map((kind, index) => [kind, index]));

/** One document of a rendered template, as `helm template` prints it. */
export interface ManifestDocument {
  readonly template: RenderedTemplate;
  /** The document's text, without the `---` line; its segments keep their origins. */
  readonly text: Rope;
  /** Where the document starts in the template's output. */
  readonly offset: number;
  readonly kind: string;
  readonly isHook: boolean;
}

/**
 * Splits every output into documents at `---` lines, drops empty ones, and orders them as
 * `helm template` prints them: by template name, then by kind in install order (stable),
 * with hooks after everything else in template order.
 */
export function manifestDocuments(render: ChartRender): ManifestDocument[] {
  const documents: ManifestDocument[] = [];
  const templates = [...render.templates].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const template of templates) {
    for (const { text, offset } of splitDocuments(template.output)) {
      const { kind, isHook } = head(text.text);
      documents.push({ template, text, offset, kind, isHook });
    }
  }
  const manifests = documents.filter((document) => !document.isHook);
  const hooks = documents.filter((document) => document.isHook);
  manifests.sort((a, b) => compareKinds(a.kind, b.kind));
  return [...manifests, ...hooks];
}

/** The whole render as `helm template` prints it. */
export function printManifest(render: ChartRender): string {
  const printed = manifestDocuments(render)
    .map((document) => `---\n# Source: ${document.template.name}\n${document.text.text}\n`)
    .join('');
  // helm template ends the stream at the last document's last line, not at its trailing blank lines.
  return printed === '' ? '' : printed.trimEnd() + '\n';
}

function splitDocuments(output: Rope): { text: Rope; offset: number }[] {
  const parts: { text: Rope; offset: number }[] = [];
  const text = output.text;
  const separator = /^---[ \t]*(?:\r?\n|$)/gm;
  let start = 0;
  const push = (end: number): void => {
    // The leading blank lines of a document are dropped, as Helm's splitting leaves none.
    let from = start;
    const lead = /^(?:[ \t]*\r?\n)*/.exec(text.slice(start, end));
    if (lead) from += lead[0].length;
    if (text.slice(from, end).trim() !== '') parts.push({ text: output.slice(from, end), offset: from });
  };
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    push(match.index);
    start = match.index + match[0].length;
    if (match[0].length === 0) separator.lastIndex++;
  }
  push(text.length);
  return parts;
}

function head(text: string): { kind: string; isHook: boolean } {
  try {
    const value: unknown = parseDocument(text, { version: '1.1' }).toJS();
    if (typeof value !== 'object' || value === null) return { kind: '', isHook: false };
    const object = value as { kind?: unknown; metadata?: { annotations?: Record<string, unknown> } };
    const annotations = object.metadata?.annotations;
    return {
      kind: typeof object.kind === 'string' ? object.kind : '',
      isHook: typeof annotations === 'object' && annotations !== null && 'helm.sh/hook' in annotations,
    };
  } catch {
    return { kind: '', isHook: false };
  }
}

function compareKinds(a: string, b: string): number {
  const rankA = RANK.get(a);
  const rankB = RANK.get(b);
  if (rankA !== undefined && rankB !== undefined) return rankA - rankB;
  if (rankA !== undefined) return -1;
  if (rankB !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
