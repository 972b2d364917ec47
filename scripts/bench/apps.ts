// The manifests of one stateful application as a team would write them: a StatefulSet, its
// headless Service, a Secret with its credentials, a PodDisruptionBudget, and sometimes a client
// Service and a ConfigMap. Some applications carry one mistake the checks should report.
import type { Random } from './random';

interface Engine {
  name: string;
  image: string;
  tags: readonly string[];
  port: number;
  portName: string;
  dataPath: string;
  userVariable: string;
  passwordVariable: string;
  liveness: readonly string[];
}

const ENGINES: readonly Engine[] = [
  { name: 'postgres', image: 'postgres', tags: ['16.6', '17.2'], port: 5432, portName: 'postgres', dataPath: '/var/lib/postgresql/data', userVariable: 'POSTGRES_USER', passwordVariable: 'POSTGRES_PASSWORD', liveness: ['exec:', '  command: ["pg_isready", "-U", "postgres"]'] },
  { name: 'mysql', image: 'mysql', tags: ['8.0.40', '8.4.3'], port: 3306, portName: 'mysql', dataPath: '/var/lib/mysql', userVariable: 'MYSQL_USER', passwordVariable: 'MYSQL_PASSWORD', liveness: ['exec:', '  command: ["mysqladmin", "ping", "-h", "127.0.0.1"]'] },
  { name: 'redis', image: 'redis', tags: ['7.2.6', '7.4.1'], port: 6379, portName: 'redis', dataPath: '/data', userVariable: 'REDIS_USERNAME', passwordVariable: 'REDIS_PASSWORD', liveness: ['exec:', '  command: ["redis-cli", "ping"]'] },
  { name: 'mongodb', image: 'mongo', tags: ['7.0.14', '8.0.3'], port: 27017, portName: 'mongodb', dataPath: '/data/db', userVariable: 'MONGO_INITDB_ROOT_USERNAME', passwordVariable: 'MONGO_INITDB_ROOT_PASSWORD', liveness: ['exec:', '  command: ["mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]'] },
  { name: 'kafka', image: 'apache/kafka', tags: ['3.8.1', '3.9.0'], port: 9092, portName: 'kafka', dataPath: '/var/lib/kafka/data', userVariable: 'KAFKA_SASL_USERNAME', passwordVariable: 'KAFKA_SASL_PASSWORD', liveness: ['tcpSocket:', '  port: kafka'] },
  { name: 'cassandra', image: 'cassandra', tags: ['4.1.7', '5.0.2'], port: 9042, portName: 'cql', dataPath: '/var/lib/cassandra', userVariable: 'CASSANDRA_USER', passwordVariable: 'CASSANDRA_PASSWORD', liveness: ['exec:', '  command: ["nodetool", "status"]'] },
  { name: 'rabbitmq', image: 'rabbitmq', tags: ['3.13.7', '4.0.4'], port: 5672, portName: 'amqp', dataPath: '/var/lib/rabbitmq', userVariable: 'RABBITMQ_DEFAULT_USER', passwordVariable: 'RABBITMQ_DEFAULT_PASS', liveness: ['exec:', '  command: ["rabbitmq-diagnostics", "-q", "ping"]'] },
  { name: 'elasticsearch', image: 'docker.elastic.co/elasticsearch/elasticsearch', tags: ['8.15.3', '8.16.1'], port: 9200, portName: 'http', dataPath: '/usr/share/elasticsearch/data', userVariable: 'ELASTIC_USERNAME', passwordVariable: 'ELASTIC_PASSWORD', liveness: ['httpGet:', '  path: /_cluster/health', '  port: http'] },
];

const NAMESPACES = ['payments', 'orders', 'catalog', 'analytics', 'search', 'messaging', 'platform', 'identity'];
const STORAGE_CLASSES = ['standard', 'fast-ssd', 'gp3'];

/** The mistakes a generated application may carry, one at most, each reported by a rule. */
export const DEFECTS = ['service-not-headless', 'inline-secret', 'pdb-missing', 'type-mismatch'] as const;
export type Defect = (typeof DEFECTS)[number];

/** One application in this many carries a mistake, the first one included, taking the kinds in turn. */
const DEFECT_EVERY = 5;

export interface AppManifests {
  name: string;
  namespace: string;
  defect: Defect | undefined;
  secret: string[];
  headlessService: string[];
  clientService: string[] | undefined;
  podDisruptionBudget: string[] | undefined;
  configMap: string[] | undefined;
  statefulSet: string[];
}

const indent = (lines: readonly string[], spaces: number): string[] => lines.map((line) => ' '.repeat(spaces) + line);

function token(random: Random, length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from({ length }, () => random.pick([...alphabet])).join('');
}

function metadata(name: string, namespace: string, labels: string[] = []): string[] {
  return ['metadata:', `  name: ${name}`, `  namespace: ${namespace}`, ...(labels.length > 0 ? ['  labels:', ...indent(labels, 4)] : [])];
}

/** Application number `index`; the same random state and index always give the same manifests. */
export function generateApp(random: Random, index: number): AppManifests {
  const engine = random.pick(ENGINES);
  const name = `${engine.name}-${index}`;
  const namespace = random.pick(NAMESPACES);
  const defect = index % DEFECT_EVERY === 0 ? DEFECTS[(index / DEFECT_EVERY) % DEFECTS.length] : undefined;
  const labels = [`app.kubernetes.io/name: ${name}`, `app.kubernetes.io/component: ${random.pick(['database', 'cache', 'broker', 'store'])}`];
  const selector = [`app.kubernetes.io/name: ${name}`];
  const secretName = `${name}-credentials`;
  const withConfig = random.chance(0.4);

  const secret = [
    'apiVersion: v1',
    'kind: Secret',
    ...metadata(secretName, namespace),
    'type: Opaque',
    'stringData:',
    `  username: ${engine.name}`,
    `  password: ${token(random, 24)}`,
  ];
  const service = (serviceName: string, kindOfService: string[]) => [
    'apiVersion: v1',
    'kind: Service',
    ...metadata(serviceName, namespace, labels),
    'spec:',
    ...kindOfService,
    '  selector:',
    ...indent(selector, 4),
    '  ports:',
    `    - name: ${engine.portName}`,
    `      port: ${engine.port}`,
    `      targetPort: ${engine.portName}`,
  ];
  const headlessService = service(name, [
    ...(defect === 'service-not-headless' ? ['  type: ClusterIP'] : ['  clusterIP: None']),
    '  publishNotReadyAddresses: true',
  ]);
  const clientService = random.chance(0.3) ? service(`${name}-client`, ['  type: ClusterIP']) : undefined;
  const podDisruptionBudget =
    defect === 'pdb-missing'
      ? undefined
      : ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', ...metadata(name, namespace), 'spec:', '  maxUnavailable: 1', '  selector:', '    matchLabels:', ...indent(selector, 6)];
  const configMap = withConfig
    ? [
        'apiVersion: v1',
        'kind: ConfigMap',
        ...metadata(`${name}-config`, namespace),
        'data:',
        `  LOG_LEVEL: ${random.pick(['info', 'warn', 'debug'])}`,
        `  MAX_CONNECTIONS: "${random.pick([100, 200, 500])}"`,
        '  TZ: UTC',
      ]
    : undefined;

  const password =
    defect === 'inline-secret'
      ? [`- name: ${engine.passwordVariable}`, `  value: "${token(random, 20)}"`]
      : [`- name: ${engine.passwordVariable}`, '  valueFrom:', '    secretKeyRef:', `      name: ${secretName}`, '      key: password'];
  const memory = random.pick([1, 2, 4, 8]);
  const container = [
    `- name: ${engine.name}`,
    `  image: ${engine.image}:${random.pick(engine.tags)}`,
    '  imagePullPolicy: IfNotPresent',
    '  ports:',
    `    - name: ${engine.portName}`,
    defect === 'type-mismatch' ? `      containerPort: "${engine.port}"` : `      containerPort: ${engine.port}`,
    '  env:',
    ...indent([`- name: ${engine.userVariable}`, '  valueFrom:', '    secretKeyRef:', `      name: ${secretName}`, '      key: username'], 4),
    ...indent(password, 4),
    ...indent(['- name: POD_NAME', '  valueFrom:', '    fieldRef:', '      fieldPath: metadata.name'], 4),
    ...(withConfig ? ['  envFrom:', '    - configMapRef:', `        name: ${name}-config`] : []),
    '  resources:',
    '    requests:',
    `      cpu: ${random.pick(['250m', '500m', '1'])}`,
    `      memory: ${memory}Gi`,
    '    limits:',
    `      memory: ${memory * 2}Gi`,
    '  readinessProbe:',
    '    tcpSocket:',
    `      port: ${engine.portName}`,
    `    initialDelaySeconds: ${random.pick([5, 10, 15])}`,
    '    periodSeconds: 10',
    '  livenessProbe:',
    ...indent(engine.liveness, 4),
    `    initialDelaySeconds: ${random.pick([30, 45, 60])}`,
    '    periodSeconds: 20',
    '    failureThreshold: 6',
    '  volumeMounts:',
    '    - name: data',
    `      mountPath: ${engine.dataPath}`,
  ];
  const antiAffinity = random.chance(0.7)
    ? [
        'affinity:',
        '  podAntiAffinity:',
        '    preferredDuringSchedulingIgnoredDuringExecution:',
        '      - weight: 100',
        '        podAffinityTerm:',
        '          topologyKey: kubernetes.io/hostname',
        '          labelSelector:',
        '            matchLabels:',
        ...indent(selector, 14),
      ]
    : [];
  const statefulSet = [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    ...metadata(name, namespace, labels),
    'spec:',
    `  serviceName: ${name}`,
    `  replicas: ${random.pick([2, 3, 3, 3, 5])}`,
    `  podManagementPolicy: ${random.pick(['OrderedReady', 'Parallel'])}`,
    '  selector:',
    '    matchLabels:',
    ...indent(selector, 6),
    '  updateStrategy:',
    '    type: RollingUpdate',
    '  template:',
    '    metadata:',
    '      labels:',
    ...indent(labels, 8),
    '    spec:',
    `      terminationGracePeriodSeconds: ${random.pick([30, 60, 120])}`,
    ...indent(antiAffinity, 6),
    '      containers:',
    ...indent(container, 8),
    '  volumeClaimTemplates:',
    '    - metadata:',
    '        name: data',
    '      spec:',
    '        accessModes: ["ReadWriteOnce"]',
    `        storageClassName: ${random.pick(STORAGE_CLASSES)}`,
    '        resources:',
    '          requests:',
    `            storage: ${random.pick([10, 20, 50, 100])}Gi`,
  ];
  return { name, namespace, defect, secret, headlessService, clientService, podDisruptionBudget, configMap, statefulSet };
}

/** An application's documents in the order a single file would list them. */
export function documentsOf(app: AppManifests): string[][] {
  return [app.secret, app.configMap, app.headlessService, app.clientService, app.podDisruptionBudget, app.statefulSet].filter(
    (document): document is string[] => document !== undefined,
  );
}
