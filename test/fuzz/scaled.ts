/*
 * Inputs whose cost is in their size rather than their shape: one construct repeated thousands
 * of times (keys, aliases, documents, list items, objects that refer to each other) or nested
 * up to the depth the engine accepts. `growth.test.ts` compares two sizes of each, where anything
 * quadratic takes a hundred times as long for ten times the text.
 */

const STATEFULSET_HEAD = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: c\n          image: busybox\n';

const range = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('');

/** Builders of a large text from a repetition count. */
const BUILDERS: Record<string, (count: number) => string> = {
  keys: (count) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${range(count, (i) => `  key${i}: value ${i}\n`)}`,
  duplicateKeys: (count) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${range(count, () => '  same: value\n')}`,
  aliases: (count) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  labels: &labels {app: web}\ndata:\n  list: [${range(count, () => '*labels, ').slice(0, -2)}]\n`,
  anchors: (count) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${range(count, (i) => `  k${i}: &a${i} v${i}\n  r${i}: *a${i}\n`)}`,
  documents: (count) => range(count, (i) => `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  clusterIP: None\n`),
  emptyDocuments: (count) => range(count, () => '---\n'),
  statefulSetsAndServices: (count) =>
    range(count, (i) => `---\n${STATEFULSET_HEAD.replace(/web/g, `web-${i % 50}`)}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-${i % 50}\nspec:\n  clusterIP: None\n  selector:\n    app: web-${i % 50}\n`),
  env: (count) => `${STATEFULSET_HEAD}          env:\n${range(count, (i) => `            - name: VAR_${i % 100}\n              value: "v${i}"\n`)}`,
  secretEnv: (count) => `${STATEFULSET_HEAD}          env:\n${range(count, (i) => `            - name: DB_PASSWORD_${i}\n              value: "Xk9mP2vL7qR4tW8z${i}"\n`)}`,
  mounts: (count) =>
    `${STATEFULSET_HEAD}          volumeMounts:\n${range(count, (i) => `            - name: v${i}\n              mountPath: /m/${i}\n`)}      volumes:\n${range(count, (i) => `        - name: v${count - i}\n          emptyDir: {}\n`)}`,
  claimTemplates: (count) =>
    `${STATEFULSET_HEAD}  volumeClaimTemplates:\n${range(count, (i) => `    - metadata:\n        name: data-${i}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: 1Gi\n`)}`,
  containers: (count) => `${STATEFULSET_HEAD}${range(count, (i) => `        - name: c${i}\n          image: busybox\n          ports:\n            - containerPort: ${8000 + i}\n          readinessProbe:\n            tcpSocket:\n              port: ${9000 + i}\n`)}`,
  listItems: (count) => `apiVersion: v1\nkind: List\nitems:\n${range(count, (i) => `  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: s${i}\n    stringData:\n      password: p${i}\n`)}`,
  longLine: (count) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  line: ${'x'.repeat(count * 40)}\n`,
  longQuoted: (count) => `${STATEFULSET_HEAD}          env:\n            - name: API_TOKEN\n              value: "${'aB3'.repeat(count * 10)}"\n`,
  longUrl: (count) => `${STATEFULSET_HEAD}          env:\n            - name: DATABASE_URL\n              value: "postgres://${'u'.repeat(count * 10)}:${':'.repeat(count * 10)}"\n`,
  blockScalar: (count) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  script: |\n${range(count, (i) => `    echo ${i} [ { "a": ${i} } ]\n`)}`,
  flowSequence: (count) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  list: [${range(count, (i) => `"${i}", `).slice(0, -2)}]\n`,
  comments: (count) => `${STATEFULSET_HEAD}${range(count, (i) => `# kube-stateful-disable-next-line rule-${i}\n`)}`,
  deepBlock: (count) => `a:\n${range(Math.min(count, 290), (i) => `${' '.repeat(i + 1)}b:\n`)}`,
  deepFlow: (count) => `a: ${'['.repeat(Math.min(count, 295))}1${']'.repeat(Math.min(count, 295))}\n`,
  deepSequence: (count) => `a:\n${'  - '.repeat(1)}${'- '.repeat(Math.min(count, 290))}x\n`,
  tooDeep: (count) => `${STATEFULSET_HEAD}---\na: ${'{b: '.repeat(300 + count)}\n`,
  mergeKeys: (count) => `base: &base {a: 1}\n${range(count, (i) => `m${i}:\n  <<: *base\n  b: ${i}\n`)}`,
};

/** Largest text `npm run fuzz` builds, and the larger size `growth.test.ts` compares. */
export const MAX_SCALED_BYTES = 150_000;

/** A construct repeated until the text has about `bytes` characters. */
export function scaled(builder: string, bytes: number): string {
  const build = BUILDERS[builder];
  const perItem = Math.max((build(1000).length - build(0).length) / 1000, 1);
  return build(Math.max(1, Math.floor((bytes - build(0).length) / perItem)));
}

export const SCALED_BUILDERS = Object.keys(BUILDERS);
