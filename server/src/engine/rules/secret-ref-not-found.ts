import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Container, EnvFromSource, EnvVar } from 'kubernetes-types/core/v1';
import { ENV_KEY_REFS, ENV_SOURCE_REFS, KEY_FIELDS, type ConfigSourceKind } from '../kubernetes/config-sources';
import { isDns1123Subdomain } from '../kubernetes/names';
import { containersOf, entriesOf } from '../kubernetes/pod-template';
import type { Resource } from '../document/resource';
import { defineResourceRule, type ResourceContext } from '../rule';
import type { Report } from '../types';
import type { PathSegment } from '../document/yaml-nodes';
import { isMapping } from '../document/values';

/** One reference of a container to a Secret or ConfigMap, with the path of its mapping. */
interface Reference {
  kind: ConfigSourceKind;
  name: string;
  /** Absent for envFrom, which takes every key. */
  key?: string;
  path: PathSegment[];
  container: string;
}

const KEYS_SHOWN = 8;
/** The form of a Secret or ConfigMap key; a key of another form cannot exist. */
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export const secretRefNotFound = defineResourceRule({
  id: 'secret-ref-not-found',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'An env or envFrom reference names a Secret or ConfigMap, or a key of one, that the workspace does not define.',
  docs: {
    rationale:
      "A container whose environment reads a missing Secret or ConfigMap, or a key that the object lacks, is not started: the pod stays in `CreateContainerConfigError` until the reference resolves, and with the default `OrderedReady` policy the next pods wait for it. The API server does not check references. Kube Stateful looks for the object in the StatefulSet's namespace in every file of the workspace. An object found nowhere is reported once, at its first reference, as information only, since Secrets are often created outside the manifests (`kubectl create secret`, an operator, a secret store); a key missing from an object that is defined is a warning. The keys of a Secret are those of `data` and `stringData`, those of a ConfigMap those of `data` and `binaryData`; an object with no data at all is assumed to be filled in by something else. References marked `optional: true` are not checked.",
    bad: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  pass: ...\n---\n# in the StatefulSet\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password',
    good: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ...\n---\n# in the StatefulSet\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password',
  },
  check(context) {
    // A patch may be renamed or moved to another namespace by its kustomization.
    if (context.partial) return [];
    const announced = new Set<string>();
    return containersOf(context.resource)
      .flatMap(({ value, path }) => referencesOf(value, path))
      .flatMap((reference) => judge(context, reference, announced));
  },
});

function referencesOf(container: Container, path: PathSegment[]): Reference[] {
  const label = typeof container.name === 'string' ? `'${container.name}'` : '(unnamed)';
  const references: Reference[] = [];
  const add = (kind: ConfigSourceKind, ref: unknown, refPath: PathSegment[], withKey: boolean) => {
    // Malformed names and keys are secret-ref-invalid's to report: they could never be found.
    if (!isMapping(ref) || ref.optional === true || typeof ref.name !== 'string' || !isDns1123Subdomain(ref.name)) return;
    const key = withKey && typeof ref.key === 'string' && CONFIG_KEY.test(ref.key) ? ref.key : undefined;
    if (withKey && key === undefined) return;
    references.push({ kind, name: ref.name, key, path: refPath, container: label });
  };
  for (const { value: env, path: envPath } of entriesOf<EnvVar>(container.env, [...path, 'env'])) {
    const valueFrom: unknown = env.valueFrom;
    if (!isMapping(valueFrom)) continue;
    for (const [field, kind] of ENV_KEY_REFS) add(kind, valueFrom[field], [...envPath, 'valueFrom', field], true);
  }
  for (const { value: source, path: sourcePath } of entriesOf<EnvFromSource>(container.envFrom, [...path, 'envFrom'])) {
    for (const [field, kind] of ENV_SOURCE_REFS) add(kind, source[field], [...sourcePath, field], false);
  }
  return references;
}

/** `announced` holds the objects already reported missing: one finding each is enough. */
function judge(
  { resource, namespace, workspace }: ResourceContext<StatefulSet>,
  reference: Reference,
  announced: Set<string>,
): Report[] {
  const { kind, name, key, path, container } = reference;
  const everywhere: Resource[] = workspace.named(kind, name);
  const here = everywhere.filter((object) => workspace.namespaceOf(object) === namespace);
  if (here.length === 0) {
    if (announced.has(`${kind}/${name}`)) return [];
    announced.add(`${kind}/${name}`);
    const others = [...new Set(everywhere.map((object) => `'${workspace.namespaceOf(object)}'`))];
    const elsewhere = others.length > 0 ? ` (there is one in ${others.join(', ')})` : '';
    const namePath = [...path, 'name'];
    return [
      {
        range: resource.field(namePath)?.value ?? resource.nearest(namePath),
        message: `No ${kind} '${name}' is defined in namespace '${namespace}' in the workspace${elsewhere}. If it is created another way, such as with kubectl create ${kind === 'Secret' ? 'secret' : 'configmap'}, ignore this; otherwise the pods cannot start until it exists.`,
        severity: 'info',
      },
    ];
  }
  if (key === undefined) return [];
  const known = here.map((object) => (workspace.isPatch(object.uri) ? undefined : keysOf(kind, object.object)));
  if (known.some((keys) => keys === undefined || keys.includes(key))) return [];
  const keys = [...new Set(known.flatMap((list) => list ?? []))];
  const keyPath = [...path, 'key'];
  const definition = here[0];
  return [
    {
      range: resource.field(keyPath)?.value ?? resource.nearest(keyPath),
      message: `${kind} '${name}' (namespace '${namespace}') has no key '${key}' (${formatKeys(keys)}), so container ${container} cannot start. Use one of its keys, add '${key}' to it, or set optional: true if the variable may be left out.`,
      related: [
        {
          uri: definition.uri,
          range: definition.field(['metadata', 'name'])?.value ?? definition.nearest(['metadata', 'name']),
          message: `${kind} '${name}' is defined here`,
        },
      ],
    },
  ];
}

/** The keys an object provides, or undefined when it has no data and so is filled in elsewhere. */
function keysOf(kind: ConfigSourceKind, object: object): string[] | undefined {
  const keys = KEY_FIELDS[kind].flatMap((field) => {
    const map = (object as Record<string, unknown>)[field];
    return isMapping(map) ? Object.keys(map) : [];
  });
  return keys.length === 0 ? undefined : keys;
}

function formatKeys(keys: string[]): string {
  const shown = keys.slice(0, KEYS_SHOWN).map((key) => `'${key}'`).join(', ');
  return `its keys: ${shown}${keys.length > KEYS_SHOWN ? ` and ${keys.length - KEYS_SHOWN} more` : ''}`;
}

