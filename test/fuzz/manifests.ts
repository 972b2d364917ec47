import { stringify } from 'yaml';
import { FIELD_TABLE } from '../../server/src/engine/schema/field-table';
import type { FieldShape } from '../../server/src/engine/schema/field-table-types';

/*
 * Kubernetes manifests generated from the schema table: mostly well-formed objects of the kinds
 * the rules read, with names drawn from small pools so that StatefulSets, Services, Secrets and
 * claims refer to each other, and now and then a value of the wrong type, an unknown field, a
 * credential or a suppression comment. Written in block, flow or JSON style, with anchors where
 * one object is shared.
 */

/** A small deterministic generator, so that a failing case is one number. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const NAMES = ['web', 'db', 'nginx', 'data', 'kafka', 'web-headless', 'Web_Bad', 'a'.repeat(70), ''];
const NAMESPACES = [undefined, undefined, 'default', 'data'];
const LABEL_KEYS = ['app', 'tier', 'app.kubernetes.io/name', 'bad key!'];
const CREDENTIALS = [
  'hunter2-Xk9mP2vL7qR4tW8z',
  'postgres://admin:s3cretPw@db:5432/app',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXZhbHVl',
  'AKIAIOSFODNN7EXAMPLE',
  'Server=db;Password=Pa55word!;',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n',
];
const STRINGS = [
  ...NAMES,
  ...CREDENTIALS,
  'ReadWriteOnce',
  'OrderedReady',
  'Parallel',
  'RollingUpdate',
  'OnDelete',
  'None',
  'Retain',
  'Delete',
  'yes',
  'on',
  '0755',
  '1.10',
  '10Gi',
  '100Mi',
  'busybox:1.36',
  '/data',
  '/var/lib/mysql',
  'TCP',
  'http',
  'Always',
  'Never',
  'ClusterIP',
  'In',
  'NotIn',
  'Exists',
  '$(POD_NAME)',
  '${DB_PASSWORD}',
  'é😀\t"quoted" #not a comment',
];
const ENV_NAMES = ['DB_PASSWORD', 'API_TOKEN', 'PGPASSWORD', 'DATABASE_URL', 'AWS_ACCESS_KEY_ID', 'LOG_LEVEL', 'PASSWORD_FILE'];
const KEYS = [...LABEL_KEYS, 'password', 'DB_PASSWORD', 'config.yaml', 'username', 'key'];

/** Fields that lead to what the rules check; the generator prefers them to the hundreds of others. */
const INTERESTING = new Set([
  'spec', 'template', 'metadata', 'containers', 'initContainers', 'env', 'envFrom', 'value', 'valueFrom', 'secretKeyRef',
  'configMapKeyRef', 'secretRef', 'configMapRef', 'volumeMounts', 'volumes', 'volumeClaimTemplates', 'selector', 'matchLabels',
  'matchExpressions', 'labels', 'name', 'namespace', 'serviceName', 'replicas', 'ports', 'containerPort', 'port', 'targetPort',
  'clusterIP', 'updateStrategy', 'rollingUpdate', 'partition', 'maxUnavailable', 'podManagementPolicy',
  'persistentVolumeClaimRetentionPolicy', 'whenDeleted', 'whenScaled', 'ordinals', 'start', 'resources', 'requests', 'limits',
  'storage', 'accessModes', 'storageClassName', 'readinessProbe', 'livenessProbe', 'startupProbe', 'httpGet', 'tcpSocket', 'exec',
  'image', 'minReadySeconds', 'revisionHistoryLimit', 'affinity', 'podAntiAffinity', 'terminationGracePeriodSeconds',
  'restartPolicy', 'activeDeadlineSeconds', 'data', 'stringData', 'minAvailable', 'scaleTargetRef', 'kind', 'type', 'mountPath',
  'claimName', 'persistentVolumeClaim', 'key', 'command', 'args', 'operator', 'values', 'subPath', 'emptyDir', 'secret',
  'secretName', 'configMap', 'items', 'path', 'periodSeconds', 'failureThreshold', 'cpu', 'memory', 'annotations', 'apiVersion',
]);

const ROOTS = Object.keys(FIELD_TABLE.roots);
const MAX_DEPTH = 9;

function valueOf(shape: FieldShape, depth: number, random: Random): unknown {
  if (random.chance(0.03)) return wrongValue(random);
  switch (shape.type) {
    case 'string':
      return shape.values && random.chance(0.7) ? random.pick(shape.values) : random.pick(STRINGS);
    case 'integer':
      return random.pick([0, 1, 3, 5, -1, 30, 65535, 2147483648, 1.5]);
    case 'boolean':
      return random.chance(0.5);
    case 'int-or-string':
      return random.chance(0.5) ? random.pick([0, 1, 80, 8080, 70000]) : random.pick(['http', '25%', '150%', 'x']);
    case 'quantity':
      return random.pick(['1Gi', '500m', '10', 1, '1.5', 'abc', '0', '2Ti']);
    case 'object':
      return depth >= MAX_DEPTH ? {} : objectOf(shape.ref, depth + 1, random);
    case 'array':
      return Array.from({ length: random.int(depth < 5 ? 4 : 2) }, () => valueOf(shape.items, depth + 1, random));
    case 'map':
      return Object.fromEntries(Array.from({ length: random.int(4) }, () => [random.pick(KEYS), valueOf(shape.values, depth + 1, random)]));
    case 'any':
      return random.pick([{}, 'x', 1, null, { a: [1, { b: 'c' }] }]);
  }
}

function wrongValue(random: Random): unknown {
  return random.pick([null, '', 'text', '3', 3, true, 'yes', [], {}, ['a'], { a: 1 }, 1e21, -0]);
}

function objectOf(ref: string, depth: number, random: Random): Record<string, unknown> {
  const entry = FIELD_TABLE.types[ref];
  if (!entry) return {};
  const names = Object.keys(entry.fields);
  const wanted = names.filter((name) => entry.fields[name].required || (INTERESTING.has(name) ? random.chance(0.55) : random.chance(0.04)));
  const object: Record<string, unknown> = {};
  for (const name of wanted) object[name] = valueOf(entry.fields[name], depth, random);
  if (random.chance(0.03)) object[random.pick(['replica', 'servicename', 'spec', 'containers', 'x-custom'])] = random.pick(STRINGS);
  if (ref.endsWith('.EnvVar') && random.chance(0.6)) {
    object.name = random.pick(ENV_NAMES);
    if (random.chance(0.7)) object.value = random.pick(CREDENTIALS);
  }
  return object;
}

/** One object of a kind the rules read, or another kind now and then. */
function manifestOf(random: Random, services: string[]): Record<string, unknown> {
  const root = random.chance(0.45) ? 'apps/v1/StatefulSet' : random.pick(ROOTS);
  const slash = root.lastIndexOf('/');
  const object = objectOf(FIELD_TABLE.roots[root], 0, random);
  const name = random.pick(NAMES);
  object.apiVersion = random.chance(0.95) ? root.slice(0, slash) : random.pick(['apps/v1beta1', 'v1', 'example.com/v1']);
  object.kind = random.chance(0.97) ? root.slice(slash + 1) : random.pick(['statefulset', 'Widget', 'List']);
  object.metadata = { ...(object.metadata as object), name, ...(random.chance(0.3) ? { namespace: random.pick(NAMESPACES) } : {}) };
  if (root.endsWith('/Service')) services.push(name);
  if (root.endsWith('/StatefulSet') && random.chance(0.7)) wireStatefulSet(object, name, services, random);
  return object;
}

/** Gives a StatefulSet matching labels and a Service name, so that the cross-object rules have something to compare. */
function wireStatefulSet(object: Record<string, unknown>, name: string, services: string[], random: Random): void {
  const spec = (typeof object.spec === 'object' && object.spec !== null ? object.spec : (object.spec = {})) as Record<string, unknown>;
  const labels = { [random.pick(LABEL_KEYS)]: name || 'x' };
  // One object in two places: the YAML writer turns it into an anchor and an alias.
  spec.selector = { matchLabels: random.chance(0.5) ? labels : { ...labels } };
  const template = (typeof spec.template === 'object' && spec.template !== null ? spec.template : {}) as Record<string, unknown>;
  spec.template = { ...template, metadata: { labels: random.chance(0.9) ? labels : { other: 'x' } } };
  if (random.chance(0.8)) spec.serviceName = services.length > 0 && random.chance(0.7) ? random.pick(services) : random.pick(NAMES);
}

type Style = 'block' | 'flow' | 'json';

function render(object: unknown, style: Style, random: Random): string {
  if (style === 'json') return JSON.stringify(object, null, random.chance(0.5) ? 2 : undefined) + '\n';
  return stringify(object, {
    version: '1.1',
    indent: random.pick([2, 2, 4]),
    indentSeq: random.chance(0.5),
    lineWidth: random.pick([0, 40, 80]),
    collectionStyle: style === 'flow' ? 'flow' : 'any',
    flowCollectionPadding: random.chance(0.5),
    defaultStringType: random.pick(['PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const),
    aliasDuplicateObjects: random.chance(0.8),
  });
}

/** Comments that switch rules off, placed between lines now and then. */
function withSuppressions(text: string, random: Random): string {
  if (!random.chance(0.15)) return text;
  const lines = text.split('\n');
  const at = random.int(lines.length);
  const indent = /^\s*/.exec(lines[at])![0];
  lines.splice(at, 0, `${indent}# kube-stateful-${random.pick(['disable-next-line', 'disable'])} ${random.pick(['', 'service-not-found', 'inline-secret, type-mismatch', 'unknown-rule'])}`);
  return lines.join('\n');
}

/** A file of one to four manifests, from a seed. */
export function generatedManifests(seed: number): string {
  const random = new Random(seed);
  const services: string[] = [];
  const objects = Array.from({ length: 1 + random.int(4) }, () => manifestOf(random, services));
  if (random.chance(0.1)) return render({ apiVersion: 'v1', kind: 'List', items: objects }, random.pick(['block', 'flow'] as const), random);
  const style = random.pick<Style>(['block', 'block', 'block', 'flow', 'json']);
  const documents = objects.map((object) => render(object, style, random));
  return withSuppressions(documents.join(random.pick(['---\n', '\n---\n', '--- \n'])), random);
}
