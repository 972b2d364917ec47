import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Container, EnvVar } from 'kubernetes-types/core/v1';
import type { Resource } from '../../server/src/engine/document/resource';

/**
 * What the DNS names of a StatefulSet's pods are made of, read from the manifest as the
 * controller reads it: `<name>-<ordinal>.<serviceName>.<namespace>.svc.cluster.local`.
 */
export interface PodIdentity {
  name: string;
  serviceName: string;
  namespace: string;
  replicas: number;
  start: number;
}

export function identityOf(statefulSet: Resource<StatefulSet>, namespace: string): PodIdentity {
  const spec = statefulSet.object.spec;
  return {
    name: statefulSet.name,
    serviceName: String(spec?.serviceName ?? ''),
    namespace,
    replicas: typeof spec?.replicas === 'number' ? spec.replicas : 1,
    start: typeof spec?.ordinals?.start === 'number' ? spec.ordinals.start : 0,
  };
}

export function ordinalsOf(identity: PodIdentity): number[] {
  return Array.from({ length: identity.replicas }, (_, index) => identity.start + index);
}

export function podFqdn(identity: PodIdentity, ordinal: number): string {
  return `${identity.name}-${ordinal}.${identity.serviceName}.${identity.namespace}.svc.cluster.local`;
}

/**
 * The command, args and env values of every container of the pod with this ordinal, as the
 * kubelet hands them over: `$(VAR)` references to earlier variables are replaced, with the
 * downward API values this pod gets. Secret values stay out, as `<secret>`.
 */
export function containerTexts(statefulSet: Resource<StatefulSet>, identity: PodIdentity, ordinal: number): Map<string, string>[] {
  const podSpec = statefulSet.object.spec?.template?.spec;
  const labels: Record<string, string> = {
    ...(statefulSet.object.spec?.template?.metadata?.labels ?? {}),
    'apps.kubernetes.io/pod-index': String(ordinal),
    'statefulset.kubernetes.io/pod-name': `${identity.name}-${ordinal}`,
  };
  const fields: Record<string, string> = { 'metadata.name': `${identity.name}-${ordinal}`, 'metadata.namespace': identity.namespace };
  for (const [key, value] of Object.entries(labels)) fields[`metadata.labels['${key}']`] = value;
  const containers: Container[] = [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
  return containers.map((container) => {
    const env = new Map<string, string>();
    for (const variable of (container.env ?? []) as EnvVar[]) env.set(variable.name, expand(valueOf(variable, fields), env));
    const texts = new Map(env);
    (container.command ?? []).forEach((part, index) => texts.set(`command[${index}]`, expand(part, env)));
    (container.args ?? []).forEach((part, index) => texts.set(`args[${index}]`, expand(part, env)));
    return texts;
  });
}

function valueOf(variable: EnvVar, fields: Record<string, string>): string {
  if (variable.value !== undefined) return String(variable.value);
  const fieldPath = variable.valueFrom?.fieldRef?.fieldPath;
  if (fieldPath !== undefined) {
    if (!(fieldPath in fields)) throw new Error(`env ${variable.name} reads ${fieldPath}, which the test does not know`);
    return fields[fieldPath];
  }
  if (variable.valueFrom?.secretKeyRef) return '<secret>';
  return '<resource>';
}

/** Kubernetes variable expansion: `$(NAME)` of a known variable, `$$` for a literal `$`. */
function expand(text: string, env: Map<string, string>): string {
  return text.replace(/\$\$|\$\(([^()]*)\)/g, (match, name: string | undefined) =>
    match === '$$' ? '$' : name !== undefined && env.has(name) ? env.get(name)! : match,
  );
}

/** Every way MinIO reads an ellipsis range such as `http://minio-{0...3}.minio/data`. */
export function expandEllipses(text: string): string[] {
  const match = /\{(\d+)\.\.\.(\d+)\}/.exec(text);
  if (!match) return [text];
  const [from, to] = [Number(match[1]), Number(match[2])];
  return Array.from({ length: to - from + 1 }, (_, index) =>
    expandEllipses(text.slice(0, match.index) + String(from + index) + text.slice(match.index + match[0].length)),
  ).flat();
}

const HOSTNAME = /[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*/g;
const POD_LABEL = /^([a-z0-9][a-z0-9-]*)-(\d+)$/;

/** The host names in a text: DNS-like runs of lowercase letters, digits, '-' and '.'. */
export function hostnamesIn(text: string): string[] {
  return expandEllipses(text).flatMap((expanded) => expanded.match(HOSTNAME) ?? []);
}

/**
 * The pod a host name points at (`web-1`, `web-1.web`, … `web-1.web.default.svc.cluster.local`),
 * and what is wrong with it against the real names of the pods; undefined for a host name
 * that is not a pod's.
 */
export function podReference(hostname: string, identity: PodIdentity): { ordinal: number; problem?: string } | undefined {
  const labels = hostname.split('.');
  const match = POD_LABEL.exec(labels[0]);
  if (!match) return undefined;
  const ordinal = Number(match[2]);
  const expected = podFqdn(identity, ordinal).split('.');
  const known = match[1] === identity.name && ordinalsOf(identity).includes(ordinal);
  const problem = !known
    ? `${hostname} names pod ${labels[0]}, but the pods are ${ordinalsOf(identity).map((index) => `${identity.name}-${index}`).join(', ')}`
    : labels.length > expected.length || labels.some((label, index) => label !== expected[index])
      ? `${hostname} is not a name of pod ${labels[0]}: its full name is ${expected.join('.')}`
      : undefined;
  return problem ? { ordinal, problem } : { ordinal };
}

/**
 * What is wrong with a host name that is not a pod's but names a Service of the preset or
 * the cluster domain: a headless Service that does not exist, or another namespace.
 */
export function serviceProblem(hostname: string, identity: PodIdentity, services: string[]): string | undefined {
  const labels = hostname.split('.');
  if (POD_LABEL.test(labels[0])) return undefined;
  const isService = services.includes(labels[0]);
  if (!isService && labels[0].endsWith('-headless')) return `${hostname} names a headless Service the preset does not define`;
  if (!isService) return labels.includes('svc') ? `${hostname} names a Service the preset does not define` : undefined;
  const expected = [labels[0], identity.namespace, 'svc', 'cluster', 'local'];
  return labels.length > expected.length || labels.some((label, index) => label !== expected[index])
    ? `${hostname} is not a name of Service ${labels[0]} in namespace ${identity.namespace}`
    : undefined;
}
