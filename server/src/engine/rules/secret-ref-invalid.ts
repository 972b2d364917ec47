import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { EnvFromSource } from 'kubernetes-types/core/v1';
import { isConfigKey, isDns1123Subdomain } from '../kubernetes/names';
import { containersOf, entriesOf } from '../kubernetes/pod-template';
import type { Resource } from '../document/resource';
import { defineResourceRule } from '../rule';
import { describeContainer, describeEnvVar, envOf, positionOf } from '../kubernetes/template-parts';
import { isMapping } from '../document/values';
import type { Report } from '../types';
import type { PathSegment } from '../document/yaml-nodes';

const KEY_REFS = [
  { field: 'secretKeyRef', kind: 'Secret' },
  { field: 'configMapKeyRef', kind: 'ConfigMap' },
] as const;

const ENV_FROM_REFS = [
  { field: 'secretRef', kind: 'Secret' },
  { field: 'configMapRef', kind: 'ConfigMap' },
] as const;


const NAME_ADVICE = "use at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit";
const KEY_ADVICE = "use at most 253 letters, digits, '-', '_' or '.', not starting with '..' and not just '.'";

export const secretRefInvalid = defineResourceRule({
  id: 'secret-ref-invalid',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A reference to a Secret or ConfigMap in `env` or `envFrom` lacks a name or key, or has an invalid one.',
  docs: {
    rationale:
      "An env var read from a Secret or ConfigMap (`valueFrom.secretKeyRef`, `valueFrom.configMapKeyRef`) must name the object and the key inside it, and `envFrom[].secretRef` and `configMapRef` must name the object. Object names are DNS-1123 subdomains (lowercase letters, digits, '-' and '.'); keys are letters, digits, '-', '_' and '.'. The API server rejects a reference with a missing or malformed name or key. Since Kubernetes 1.34 it validates the pod template when a StatefulSet is created; older servers accepted these mistakes, and every pod then failed to be created, visible only as `FailedCreate` events. Whether the Secret exists is another check's concern.",
    bad: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: DB_Credentials',
    good: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-credentials\n        key: password',
  },
  check({ resource, partial }) {
    return referencesOf(resource).flatMap((reference) => problemsOf(resource, reference, partial));
  },
});

interface Reference {
  value: unknown;
  path: PathSegment[];
  /** How messages name the reference, such as `The secretKeyRef of env var 'DB_PASSWORD' of container 'db'`. */
  subject: string;
  kind: 'Secret' | 'ConfigMap';
  /** `valueFrom` references pick one key; `envFrom` ones take the whole object. */
  needsKey: boolean;
}

function referencesOf(resource: Resource<StatefulSet>): Reference[] {
  return containersOf(resource).flatMap((container) => [
    ...envOf(container).flatMap((env) => {
      const valueFrom = env.value.valueFrom as unknown;
      if (!isMapping(valueFrom)) return [];
      return KEY_REFS.map(({ field, kind }) => ({
        value: valueFrom[field],
        path: [...env.path, 'valueFrom', field],
        subject: `The ${field} of ${describeEnvVar(env)} of ${describeContainer(container)}`,
        kind,
        needsKey: true,
      }));
    }),
    ...entriesOf<EnvFromSource>(container.value.envFrom, [...container.path, 'envFrom']).flatMap((source) =>
      ENV_FROM_REFS.map(({ field, kind }) => ({
        value: source.value[field] as unknown,
        path: [...source.path, field],
        subject: `The ${field} of envFrom entry ${positionOf(source)} of ${describeContainer(container)}`,
        kind,
        needsKey: false,
      })),
    ),
  ]);
}

function problemsOf(resource: Resource, { value, path, subject, kind, needsKey }: Reference, partial: boolean): Report[] {
  // A reference that is not a mapping is a type error, left to the schema checks.
  if (!isMapping(value)) return [];
  const reports: Report[] = [];
  const missing = (['name', ...(needsKey ? ['key'] : [])] as const).filter((part) => value[part] === undefined || value[part] === null);
  // A patch's reference is merged into its base's, which may hold what it leaves out.
  if (missing.length > 0 && !partial) {
    const advice =
      missing.length === 2
        ? `set name to the ${kind} and key to the entry in it to read`
        : missing[0] === 'name'
          ? `set it to the name of the ${kind} to read`
          : `set it to the entry of the ${kind} to read`;
    reports.push({
      range: resource.field(path)?.key ?? resource.nearest(path),
      message: `${subject} has no ${missing.join(' and no ')}; ${advice}.`,
    });
  }
  const problems = [
    { part: 'name', problem: nameProblem(value.name, kind) },
    { part: 'key', problem: needsKey ? keyProblem(value.key) : undefined },
  ];
  for (const { part, problem } of problems) {
    if (problem === undefined) continue;
    const partPath = [...path, part];
    reports.push({ range: resource.field(partPath)?.value ?? resource.nearest(partPath), message: `${subject} ${problem}` });
  }
  return reports;
}

function nameProblem(name: unknown, kind: string): string | undefined {
  if (typeof name !== 'string' || isDns1123Subdomain(name)) return undefined;
  return name === ''
    ? `has an empty name; set it to the name of the ${kind} to read.`
    : `names ${kind} '${name}', which is not a valid ${kind} name: ${NAME_ADVICE}.`;
}

function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string' || isConfigKey(key)) return undefined;
  return key === '' ? 'has an empty key; set it to the entry to read.' : `has key '${key}', which is not a valid key: ${KEY_ADVICE}.`;
}
