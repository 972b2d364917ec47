import { isScalar } from 'yaml';
import type { KubernetesVersion } from '../config';
import type { Resource } from '../document/resource';
import type { SourceFile } from '../document/source-file';
import { isMapping } from '../document/values';
import type { PathSegment } from '../document/yaml-nodes';
import {
  claimRefusals,
  configMapRefusals,
  secretRefusals,
  serviceRefusals,
  statefulSetRefusals,
  type RefusedChange,
} from '../kubernetes/immutable-fields';
import { defineFileRule } from '../rule';
import type { Report } from '../types';
import type { Workspace } from '../workspace/workspace';

type Refusals = (before: Record<string, unknown>, after: Record<string, unknown>, version: KubernetesVersion) => RefusedChange[];

const REFUSALS_BY_KIND: Record<string, Refusals> = {
  'apps/StatefulSet': statefulSetRefusals,
  '/Service': serviceRefusals,
  '/PersistentVolumeClaim': claimRefusals,
  '/Secret': secretRefusals,
  '/ConfigMap': configMapRefusals,
};

/** Values longer than this are cut in messages: a whole selector or claim template is no help there. */
const MAX_SHOWN = 80;

export const immutableFieldChanged = defineFileRule({
  id: 'immutable-field-changed',
  severity: 'warning',
  description: 'A field changed since the committed version that the API server refuses to change on a live object.',
  docs: {
    rationale: [
      "Some fields cannot change once an object exists. A StatefulSet's `spec` may only change in `replicas`, `template`, `updateStrategy`, `minReadySeconds`, `persistentVolumeClaimRetentionPolicy`, `ordinals` and, from Kubernetes 1.33, `revisionHistoryLimit`; its `selector`, `serviceName`, `podManagementPolicy` and everything in `volumeClaimTemplates` (sizes, storage classes, labels) are fixed. A Service keeps the cluster IP it was given, so adding `clusterIP: None` to a Service that already exists is refused too. A PersistentVolumeClaim's `spec` is fixed but for `resources.requests` (which may only grow) and `volumeAttributesClassName`; a Secret's `type` is fixed, and so is everything in a Secret or ConfigMap marked `immutable: true`. The API server answers such an update with `spec: Forbidden: updates to statefulset spec for fields other than … are forbidden`, which names no field.",
      'The rule compares each object with the same object (API group, kind, namespace and name) in the committed version of its file, `HEAD` by default (the `kubeStateful.compareWith` setting; `kube-stateful lint --base REF` on the command line). It compares as the server does: quantities by value (`1Gi` is `1024Mi`), an empty list or map the same as a missing one, defaults filled in on both sides, key order ignored. Each refused field is reported where the working copy writes it, with the committed line as related information and a quick fix that restores the committed value. An object that is new, or renamed, is not compared; a renamed StatefulSet or claim template gets new, empty PersistentVolumeClaims, and the old ones stay behind.',
      'To change a StatefulSet field that is fixed, delete the StatefulSet but not its pods and volumes, then apply the new manifest: `kubectl delete statefulset NAME --cascade=orphan`, then `kubectl apply`. The new StatefulSet adopts the running pods when its selector still matches them. Two traps: existing PersistentVolumeClaims keep their old size and class, since the claim template only shapes claims made from now on, so resize each claim one by one with `kubectl patch pvc` (its StorageClass must allow volume expansion); and never force a replace (`kubectl replace --force`, a delete without `--cascade=orphan`, Argo CD `Replace=true`, Flux `force`): it deletes every pod at once, and with `persistentVolumeClaimRetentionPolicy.whenDeleted: Delete` the volumes and their data too.',
    ].join('\n\n'),
    bad: '# committed\nvolumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      resources:\n        requests:\n          storage: 10Gi\n# working copy\n          storage: 20Gi',
    good: '# keep the claim template as committed, and grow each claim instead:\n# kubectl patch pvc data-db-0 -p \'{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}\'\n          storage: 10Gi',
  },
  check({ file, workspace }) {
    const base = workspace.baseOf(file.uri);
    if (!base || file.skipped || file.resources.length === 0) return [];
    if (base.version.kind === 'unavailable') return [unavailable(file, base.version.message)];
    const { parsed, version } = base;
    if (!parsed || parsed.skipped) return [];
    return file.resources.flatMap((resource) => {
      const committed = parsed.resources.find((candidate) => sameObject(workspace, candidate, resource));
      const refusals = REFUSALS_BY_KIND[`${groupOf(resource)}/${resource.kind}`];
      if (!committed || !refusals || !isMapping(committed.object) || !isMapping(resource.object)) return [];
      return refusals(committed.object, resource.object, workspace.settings.kubernetesVersion).map((change) =>
        report(resource, committed, change, version.revision),
      );
    });
  },
});

function unavailable(file: SourceFile, message: string): Report {
  const end = file.text.search(/\r?\n|$/);
  return {
    range: { start: { line: 0, character: 0 }, end: file.positionAt(end) },
    message: `Not compared with the committed version, so changes the API server refuses are not checked: ${message}`,
    severity: 'info',
  };
}

function sameObject(workspace: Workspace, a: Resource, b: Resource): boolean {
  return a.name !== '' && a.name === b.name && a.kind === b.kind && groupOf(a) === groupOf(b) && workspace.namespaceOf(a) === workspace.namespaceOf(b);
}

/** The API group: what comes before the version in `apiVersion`, none for the core group. */
function groupOf(resource: Resource): string {
  const slash = resource.apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : resource.apiVersion.slice(0, slash);
}

function report(resource: Resource, committed: Resource, change: RefusedChange, revision: string): Report {
  const field = pathText(change.path);
  const hidden = change.reason === 'immutable-data' && resource.kind === 'Secret';
  return {
    range: resource.nearest(change.path),
    message: `${describeChange(field, change, revision, hidden)}. ${adviceFor(resource, change)}`,
    related: [{ uri: committed.uri, range: committed.nearest(change.path), message: `${field} at ${revision}${hidden ? '' : `: ${shown(change.before)}`}` }],
    ...(hidden ? {} : restoreFix(resource, committed, change.path)),
  };
}

function describeChange(field: string, change: RefusedChange, revision: string, hidden: boolean): string {
  if (change.reason === 'cluster-ip-assigned') {
    return `${field} is set to ${shown(change.after)}, but the Service had no cluster IP at ${revision}: the API server assigned it one when it was created`;
  }
  if (hidden) return `${field} changed since ${revision}`;
  if (change.before === undefined) return `${field} is set to ${shown(change.after)}, and was not set at ${revision}`;
  if (change.after === undefined) return `${field} was ${shown(change.before)} at ${revision}, and is no longer set`;
  return `${field} changed from ${shown(change.before)} at ${revision} to ${shown(change.after)}`;
}

function adviceFor(resource: Resource, change: RefusedChange): string {
  const name = resource.name;
  switch (change.reason) {
    case 'statefulset-spec': {
      const claims = change.path[1] === 'volumeClaimTemplates'
        ? ' Existing PersistentVolumeClaims keep their old spec: resize each one with kubectl patch pvc.'
        : '';
      return `The API server refuses this on a live StatefulSet ("updates to statefulset spec for fields other than … are forbidden"). To apply it, run \`kubectl delete statefulset ${name} --cascade=orphan\`, which keeps the pods and volumes, then apply.${claims}`;
    }
    case 'cluster-ip':
    case 'cluster-ip-assigned':
      return `A Service's cluster IP may not change once set. To apply it, delete the Service (\`kubectl delete service ${name}\`) and apply it again; it is unreachable in between.`;
    case 'claim-spec':
      return 'A PersistentVolumeClaim\'s spec is immutable after creation, except resources.requests and volumeAttributesClassName. Create a new claim and move the data to it.';
    case 'claim-shrink':
      return 'A claim\'s storage request cannot be lowered. Keep the committed size.';
    case 'immutable-data':
    case 'immutable-flag':
      return `The ${resource.kind} is immutable, and the API server refuses any change to its data and to immutable itself. Create it under a new name (kustomize generators add a content hash) and refer to that.`;
    case 'secret-type':
      return "A Secret's type cannot change. Delete the Secret and apply it again, or create it under a new name.";
  }
}

/** The fix data that restores the committed value: its text, or the removal of a field the committed version did not write. */
function restoreFix(resource: Resource, committed: Resource, path: PathSegment[]): Pick<Report, 'fix'> {
  if (typeof path[path.length - 1] !== 'string') return {};
  const now = resource.field(path);
  const then = committed.field(path);
  if (!now || !isScalar(now.valueNode ?? null)) return {};
  if (!then) return { fix: { path, remove: true } };
  const span = then.valueNode?.range;
  const text = span && committed.file.text.slice(span[0], span[1]).trimEnd();
  // A block scalar's lines would need indenting again where it goes; such values are rare here.
  if (!isScalar(then.valueNode ?? null) || !text || text.includes('\n')) return {};
  return { fix: { path, committed: text } };
}

function pathText(path: readonly PathSegment[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function shown(value: unknown): string {
  if (value === undefined) return 'not set';
  if (typeof value === 'string') return value === '' ? '""' : cut(value);
  return cut(JSON.stringify(value) ?? String(value));
}

function cut(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}
