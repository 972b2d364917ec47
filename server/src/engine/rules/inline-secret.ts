import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { EnvVar } from 'kubernetes-types/core/v1';
import { isAlias, type Node } from 'yaml';
import { credentialEvidence, wordsOf, type CredentialEvidence } from '../kubernetes/credentials';
import { containersOf, entriesOf, type ContainerEntry, type Entry } from '../kubernetes/pod-template';
import { textOf, type Resource } from '../document/resource';
import { defineResourceRule, type ResourceContext } from '../rule';
import type { RelatedLocation, Report } from '../types';
import { resolveNode, spanOf } from '../document/yaml-nodes';

/** What the value is, for the message: never anything read from the value itself. */
const HOLDS: Record<CredentialEvidence, string> = {
  name: 'a credential',
  'private-key': 'a private key',
  jwt: 'a JSON Web Token',
  'aws-access-key': 'an AWS access key ID',
  'url-password': 'a URL with an embedded password',
  'connection-string-password': 'a connection string with a password',
  random: 'what looks like a generated secret (a long random string)',
};

export const inlineSecret = defineResourceRule({
  id: 'inline-secret',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'A container environment variable holds a credential as a literal `value`.',
  docs: {
    rationale: [
      'A literal `env[].value` is part of the StatefulSet: it sits in the file, in version control and in the object the API server stores, so anyone who may read StatefulSets (`kubectl get -o yaml`) reads the credential, a much wider audience than those who may read Secrets. The server accepts it, so nothing fails until it leaks. Put it in a Secret and read it with `valueFrom.secretKeyRef`.',
      'A variable holds a credential when a word of its name (split at `_`, `-`, `.` and camelCase) contains password, passwd, passphrase, secret, token, credential, api key, access key, private key, encryption or signing key or Erlang cookie, or ends in pass, pwd, pw, auth or bearer (`AUTH_KEY` too); a weak value such as `password` still counts. Whatever the name, so does a PEM private key (also base64-encoded), a JSON Web Token, an AWS access key ID, a URL or connection string with a password, or a long random string: 20+ characters, 4+ bits of entropy per character, mixed letter case or digits, and short letter runs, unlike names and words.',
      'To avoid false alarms, these are left alone: empty values and `valueFrom`; values made only of `$(VAR)` references, `${VAR}`, `<placeholder>` blanks or masks (`****`); names whose last word makes them about a credential rather than the credential (`_FILE`, `_PATH`, `_DIR`, `_URL`, `_HOST`, `_USER`, `_USERNAME`, `_NAME`, `_REF`, `_MIN_LENGTH`, `_TTL`, `_METHOD`, `_ENABLED`…, `_ID` except Vault\'s `SECRET_ID`, `_PASSWORD_KEY` which names a Secret key); etcd\'s `INITIAL_CLUSTER_TOKEN`, a cluster label; the shell\'s `PWD`. Under a credential name, booleans, numbers, durations, absolute paths, URLs without a password and in-cluster DNS names are settings, and certificates and public keys are public. A URL with a password is reported under any name (`DATABASE_URL`) unless the password is a `$(VAR)` reference. The random-string check skips text with spaces, URLs, paths, flags, e-mail addresses, UUIDs (usually identifiers, though reported under a credential name), hex strings and digests (commit ids look like hex keys), DNS and object names, versions and `key=value` text. Messages and fix data never repeat the value.',
    ].join('\n\n'),
    bad: 'env:\n  - name: MYSQL_ROOT_PASSWORD\n    value: s3cr3t',
    good: 'env:\n  - name: MYSQL_ROOT_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: mysql-credentials\n        key: mysql-root-password',
  },
  check(context) {
    const existingSecretName = secretInUse(context);
    return containersOf(context.resource).flatMap((container) =>
      entriesOf<EnvVar>(container.value.env, [...container.path, 'env']).flatMap((env) => {
        const report = reportOf(context, container, env, existingSecretName);
        return report ? [report] : [];
      }),
    );
  },
});

function reportOf(
  { resource, namespace }: ResourceContext<StatefulSet>,
  container: ContainerEntry,
  env: Entry<EnvVar>,
  existingSecretName: string | undefined,
): Report | undefined {
  const { value, valueFrom } = env.value;
  if (typeof value !== 'string' || (valueFrom !== undefined && valueFrom !== null)) return undefined;
  const envName = textOf(env.value.name);
  const evidence = credentialEvidence(envName, value);
  if (!evidence) return undefined;
  const containerIndex = Number(container.path.at(-1));
  const envIndex = Number(env.path.at(-1));
  const containerName = textOf(container.value.name) ?? '';
  const subject = envName ? `Environment variable '${envName}'` : `The environment variable at env[${envIndex}]`;
  const kind = container.init ? 'init container' : 'container';
  const list = container.init ? 'initContainers' : 'containers';
  const owner = containerName ? `${kind} '${containerName}'` : `the ${kind} at ${list}[${containerIndex}]`;
  const secretAdvice = existingSecretName ? ` (this StatefulSet already reads Secret '${existingSecretName}')` : '';
  const valuePath = [...env.path, 'value'];
  const location = resource.field(valuePath);
  const related = anchorOf(resource, location?.valueNode, envName);
  return {
    range: location?.value ?? resource.nearest(valuePath),
    message: `${subject} of ${owner} holds ${HOLDS[evidence]} in plain text: the value is stored in the manifest, visible to anyone who can read this file or the StatefulSet object. Move it to a Secret${secretAdvice} and reference it with valueFrom.secretKeyRef.`,
    ...(related ? { related: [related] } : {}),
    fix: {
      envName: envName ?? '',
      containerName,
      containerIndex,
      init: container.init,
      envIndex,
      statefulSetName: resource.name,
      namespace,
      suggestedSecretName: resource.name ? `${resource.name}-credentials` : 'credentials',
      suggestedKey: wordsOf(envName ?? '').join('-') || 'credential',
      ...(existingSecretName ? { existingSecretName } : {}),
    },
  };
}

/** Where the literal is written when the entry reaches it through an alias (`value: *password`). */
function anchorOf(resource: Resource, node: Node | undefined, envName: string | undefined): RelatedLocation | undefined {
  if (!isAlias(node)) return undefined;
  const span = spanOf(resolveNode(resource.document, node));
  if (!span) return undefined;
  return {
    uri: resource.uri,
    range: resource.file.rangeOf(span[0], span[1]),
    message: `The value of ${envName ? `'${envName}'` : 'this variable'} is written here, under a YAML anchor.`,
  };
}

/**
 * A Secret of this namespace, present in the workspace, that another variable of the
 * StatefulSet already reads: the natural home for the credential.
 */
function secretInUse({ resource, namespace, workspace }: ResourceContext<StatefulSet>): string | undefined {
  for (const container of containersOf(resource)) {
    for (const { value: env } of entriesOf<EnvVar>(container.value.env, [])) {
      const name = (env.valueFrom as { secretKeyRef?: { name?: unknown } } | null | undefined)?.secretKeyRef?.name;
      if (typeof name !== 'string' || name === '') continue;
      if (workspace.named('Secret', name).some((secret) => workspace.namespaceOf(secret) === namespace)) return name;
    }
  }
  return undefined;
}
