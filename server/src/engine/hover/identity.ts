import { governingService, type GoverningService } from '../kubernetes/governing-service';
import { code, fileLabel, NAMES_SHOWN, plural } from './markdown';
import { autoscalerOf, claimAt, podAt, type StatefulSetFacts } from './statefulset-facts';

/** The cluster domain of a default installation, which the DNS names assume. */
const CLUSTER_DOMAIN = 'cluster.local';

export type IdentityField = 'name' | 'replicas' | 'start' | 'serviceName';

/**
 * What the name, the replica count, the first ordinal and the governing Service make of the
 * pods: their names, their stable DNS names and the PVCs each claim template gives them.
 */
export function identityHover(facts: StatefulSetFacts, field: IdentityField): string {
  const service = governingService(facts.context);
  const dnsDomain = service.state === 'unset' || service.state === 'invalid-name' ? undefined : `${service.name}.${facts.namespace}.svc.${CLUSTER_DOMAIN}`;
  const lines = [lead(facts, field)];
  if (facts.replicas !== undefined && facts.replicas > 0) lines.push(podLines(facts, facts.replicas, dnsDomain));
  const autoscaler = field === 'replicas' ? autoscalerOf(facts) : undefined;
  if (autoscaler) {
    const range = [autoscaler.object.spec?.minReplicas ?? 1, autoscaler.object.spec?.maxReplicas].filter((n) => typeof n === 'number');
    lines.push(
      `HorizontalPodAutoscaler ${code(autoscaler.name)} scales this set${range.length === 2 ? ` between ${range[0]} and ${range[1]} replicas` : ''}: the pods above are where it starts, and each \`kubectl apply\` of this file resets the count it chose.`,
    );
  }
  const dns = dnsNote(service, facts);
  if (dns && (field === 'serviceName' || facts.replicas !== 0)) lines.push(dns);
  return lines.join('\n\n');
}

function lead(facts: StatefulSetFacts, field: IdentityField): string {
  const pods = podCount(facts);
  const name = facts.name ?? '<name>';
  switch (field) {
    case 'replicas':
      return `**${pods.headline}**${pods.detail}`;
    case 'name': {
      const rename = facts.claimTemplates.length > 0 ? ' A rename is no update: the StatefulSet under the new name gets new, empty PVCs, and the old ones stay behind.' : '';
      return `**Pods are named ${code(`${name}-<ordinal>`)}**, their PVCs ${code(`<template>-${name}-<ordinal>`)}.${rename} ${pods.sentence}`;
    }
    case 'start':
      return `**Ordinals start at ${facts.start}**${facts.start === 0 ? ' (the default)' : ', not 0'}. ${pods.sentence}`;
    case 'serviceName':
      return `**Stable network identity.** ${pods.sentence}`;
  }
}

/** The pod count as a headline and its detail, or as one sentence. */
function podCount(facts: StatefulSetFacts): { headline: string; detail: string; sentence: string } {
  const { replicas, start } = facts;
  if (replicas === undefined) {
    const why = facts.replicasWritten
      ? '`replicas` is not a whole number, so the pods cannot be listed.'
      : 'This kustomize patch leaves `replicas` to its base, so the pods cannot be listed.';
    return { headline: 'Pods', detail: `: ${why}`, sentence: why };
  }
  if (replicas === 0) return { headline: 'No pods', detail: ': `replicas` is 0.', sentence: 'No pods: `replicas` is 0.' };
  const defaulted = facts.replicasWritten ? '' : ' (`replicas` is not set: the API server sets 1)';
  const ordinals = replicas === 1 ? `ordinal ${start}` : `ordinals ${start} to ${start + replicas - 1}`;
  const headline = plural(replicas, 'pod');
  return { headline, detail: `${defaulted}, ${ordinals}:`, sentence: `${headline}${defaulted}, ${ordinals}:` };
}

/** One line per pod, up to a few: its name, DNS name and PVCs. */
function podLines(facts: StatefulSetFacts, replicas: number, dnsDomain: string | undefined): string {
  const shown = Math.min(replicas, NAMES_SHOWN);
  const lines = Array.from({ length: shown }, (_, position) => {
    const pod = podAt(facts, position);
    const parts = [code(pod)];
    if (dnsDomain) parts.push(code(`${pod}.${dnsDomain}`));
    if (facts.claimTemplates.length > 0) {
      const claims = facts.claimTemplates.map((template) => code(claimAt(facts, template, position)));
      parts.push(`${claims.length === 1 ? 'PVC' : 'PVCs'} ${claims.join(', ')}`);
    }
    return `- ${parts.join(' · ')}`;
  });
  if (replicas > shown) lines.push(`- … and ${replicas - shown} more, up to ${code(podAt(facts, replicas - 1))}`);
  return lines.join('\n');
}

/** Whether the DNS names will resolve, from how `serviceName` resolves in the workspace. */
function dnsNote(service: GoverningService, facts: StatefulSetFacts): string | undefined {
  const namespace = facts.namespace;
  switch (service.state) {
    case 'unset':
      return 'No `serviceName`: the pods get no stable DNS names. Name a headless Service (`clusterIP: None`) that selects them.';
    case 'invalid-name':
      return `⚠️ ${code(service.name)} is not a valid Service name (a DNS label), so the pods get no DNS names.`;
    case 'patch':
      return `DNS names assume the Service ${code(service.name)} of the base and the cluster domain \`${CLUSTER_DOMAIN}\`.`;
    case 'not-found':
      return `⚠️ No headless Service ${code(service.name)} in namespace ${code(namespace)} in the workspace: these DNS names will not resolve until one exists.`;
    case 'other-namespaces':
      return `⚠️ Service ${code(service.name)} is only in namespace ${service.namespaces.map(code).join(', ')}, not in ${code(namespace)}: these DNS names will not resolve.`;
    case 'found':
      if (!service.headless) {
        return `⚠️ Service ${code(service.name)} is not headless (it has no \`clusterIP: None\`): these DNS names will not resolve.`;
      }
      if (!service.selects) {
        return `⚠️ The headless Service ${code(service.name)} does not select these pods: these DNS names will not resolve.`;
      }
      return `DNS names come from the headless Service ${code(service.name)} (in ${fileLabel(service.service.uri, facts.context.resource.uri)}), with the default cluster domain \`${CLUSTER_DOMAIN}\`.`;
  }
}

