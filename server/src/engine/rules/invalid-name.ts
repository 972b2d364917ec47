import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { ContainerPort, EnvVar } from 'kubernetes-types/core/v1';
import { versionAtLeast, type KubernetesVersion } from '../config';
import { isDns1123Label, isEnvVarName, isIanaServiceName, isLabelKey, isLabelValue } from '../kubernetes/names';
import { claimTemplatesOf, containersOf, entriesOf, volumesOf } from '../kubernetes/pod-template';
import type { Resource } from '../document/resource';
import { defineResourceRule } from '../rule';
import type { Report } from '../types';
import type { PathSegment } from '../document/yaml-nodes';

const DNS_LABEL = "use at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit.";
const PORT_NAME = "use at most 15 lowercase letters, digits or '-', with at least one letter, no '--', and no '-' at the start or end.";
const LABEL_KEY =
  "use a name of at most 63 letters, digits, '-', '_' or '.' that starts and ends with a letter or digit, optionally after a DNS subdomain prefix of at most 253 characters and a '/' (as in 'app.kubernetes.io/name').";
const LABEL_VALUE = "use an empty string or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.";

export const invalidName = defineResourceRule({
  id: 'invalid-name',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A name, port name, environment variable name or label does not have the form Kubernetes requires.',
  docs: {
    rationale:
      "Kubernetes checks the form of every name it turns into a DNS name, a label or an environment variable. The StatefulSet name, container names, volume names and volumeClaimTemplate names must be DNS-1123 labels (at most 63 lowercase letters, digits and '-'); container port names must be IANA service names (at most 15 characters, with a letter); label keys and values have their own form. When a name is wrong, either the API server rejects the manifest or, for what it does not check on apply, the controller keeps failing to create pods with `FailedCreate` events. Before Kubernetes 1.27 the API server accepted a StatefulSet name with dots, but its pods could never be created since each pod's hostname is derived from it; before 1.34 the pod template was not validated on apply, so bad container, volume, port and environment variable names only showed up as pod creation failures. Only the environment variable check depends on `kubeStateful.kubernetesVersion`: from 1.32, where the relaxed check became beta and on by default (stable in 1.34), any printable ASCII character except '=' is allowed, and for older versions a name must consist of letters, digits, '_', '-' and '.' and must not start with a digit.",
    bad: 'metadata:\n  name: Web.Primary\nspec:\n  template:\n    spec:\n      containers:\n        - name: web_server\n          ports:\n            - name: metrics-endpoint-http\n              containerPort: 9090',
    good: 'metadata:\n  name: web-primary\nspec:\n  template:\n    spec:\n      containers:\n        - name: web-server\n          ports:\n            - name: metrics\n              containerPort: 9090',
  },
  check({ resource, partial, workspace }) {
    const reports = new Map<string, Report>();
    const report = (range: Report['range'], message: string) => {
      // An alias repeats the anchored node at several paths: report the source text once.
      const key = `${range.start.line}:${range.start.character}:${message}`;
      if (!reports.has(key)) reports.set(key, { range, message });
    };
    const dnsLabel = (path: PathSegment[], value: unknown, kind: string) => {
      if (typeof value !== 'string' || isDns1123Label(value)) return;
      report(valueRange(resource, path), `${value === '' ? `${kind} is empty` : `${kind} '${value}' is not a valid DNS-1123 label`}: ${DNS_LABEL}`);
    };

    dnsLabel(['metadata', 'name'], resource.object.metadata?.name, 'StatefulSet name');
    for (const { value: container, path, init } of containersOf(resource)) {
      dnsLabel([...path, 'name'], container.name, init ? 'Init container name' : 'Container name');
      for (const { value: port, path: portPath } of entriesOf<ContainerPort>(container.ports, [...path, 'ports'])) {
        // A port name is optional: an empty one means no name.
        if (typeof port.name !== 'string' || port.name === '' || isIanaServiceName(port.name)) continue;
        report(valueRange(resource, [...portPath, 'name']), `Container port name '${port.name}' is not a valid IANA service name: ${PORT_NAME}`);
      }
      for (const { value: env, path: envPath } of entriesOf<EnvVar>(container.env, [...path, 'env'])) {
        const message = envNameProblem(env.name, workspace.settings.kubernetesVersion);
        if (message) report(valueRange(resource, [...envPath, 'name']), message);
      }
    }
    for (const { value: volume, path } of volumesOf(resource)) dnsLabel([...path, 'name'], volume.name, 'Volume name');
    for (const { value: claim, path } of claimTemplatesOf(resource)) {
      dnsLabel([...path, 'metadata', 'name'], claim.metadata?.name, 'volumeClaimTemplate name');
    }
    const labelMaps: [PathSegment[], unknown][] = [
      [['metadata', 'labels'], resource.object.metadata?.labels],
      [['spec', 'selector', 'matchLabels'], resource.object.spec?.selector?.matchLabels],
      [['spec', 'template', 'metadata', 'labels'], resource.object.spec?.template?.metadata?.labels],
    ];
    for (const [mapPath, labels] of labelMaps) {
      if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) continue;
      for (const [key, value] of Object.entries(labels)) {
        // Strategic merge patch directives such as `$patch: replace` are not labels.
        if (partial && key.startsWith('$')) continue;
        const path = [...mapPath, key];
        if (!isLabelKey(key)) report(resource.field(path)?.key ?? resource.nearest(path), `Label key '${key}' is not valid: ${LABEL_KEY}`);
        if (typeof value === 'string' && !isLabelValue(value)) {
          report(valueRange(resource, path), `Label value '${value}' is not valid: ${LABEL_VALUE}`);
        }
      }
    }
    return [...reports.values()];
  },
});

/**
 * What is wrong with an environment variable name, if anything. A name holding '=' is most
 * likely `NAME=value` written in the name field, so the message quotes only what precedes '='.
 */
function envNameProblem(name: unknown, version: KubernetesVersion): string | undefined {
  if (typeof name !== 'string') return undefined;
  // Relaxed names are beta and on by default from 1.32, stable from 1.34.
  const relaxed = versionAtLeast(version, 1, 32);
  if (isEnvVarName(name, relaxed)) return undefined;
  if (name === '') return 'Environment variable name is empty: give the variable a name.';
  const equals = name.indexOf('=');
  if (equals >= 0) {
    return `Environment variable name '${name.slice(0, equals)}=…' contains '=', which no environment variable name may hold: put the value in 'value' and keep only the name here.`;
  }
  if (relaxed) return `Environment variable name '${name}' is not valid: use printable ASCII characters other than '='.`;
  return `Environment variable name '${name}' is not valid in Kubernetes ${version.major}.${version.minor}: use letters, digits, '_', '-' or '.', not starting with a digit or '..', and not '.' alone (Kubernetes 1.32 and later accept any printable ASCII character other than '=').`;
}

function valueRange(resource: Resource<StatefulSet>, path: PathSegment[]): Report['range'] {
  return resource.field(path)?.value ?? resource.nearest(path);
}

