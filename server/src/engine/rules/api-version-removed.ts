import { versionAtLeast } from '../config';
import { defineResourceRule } from '../rule';

const REMOVED = ['apps/v1beta1', 'apps/v1beta2'];

export const apiVersionRemoved = defineResourceRule({
  id: 'api-version-removed',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'The StatefulSet uses `apps/v1beta1` or `apps/v1beta2`, which Kubernetes 1.16 removed.',
  docs: {
    rationale:
      'Kubernetes 1.16 stopped serving StatefulSets under `apps/v1beta1` and `apps/v1beta2`, so `kubectl apply` fails with `no matches for kind "StatefulSet" in version "apps/v1beta2"`. Switch to `apps/v1`, which has been available since 1.9. Two differences of `apps/v1beta1` matter when you switch: it derived a missing `spec.selector` from the template labels, where `apps/v1` requires one, and its default `updateStrategy` was `OnDelete`, where `apps/v1` uses `RollingUpdate`. The check follows `kubeStateful.kubernetesVersion` and stays silent for versions before 1.16, which still served the beta APIs.',
    bad: 'apiVersion: apps/v1beta2\nkind: StatefulSet',
    good: 'apiVersion: apps/v1\nkind: StatefulSet',
  },
  check({ resource, workspace }) {
    const apiVersion = resource.apiVersion;
    if (!REMOVED.includes(apiVersion) || !versionAtLeast(workspace.settings.kubernetesVersion, 1, 16)) return [];
    return [
      {
        range: resource.field(['apiVersion'])?.value ?? resource.nearest(['apiVersion']),
        message: `StatefulSet apiVersion '${apiVersion}' was removed in Kubernetes 1.16 and is no longer served. Use 'apps/v1'.`,
        fix: { replacement: 'apps/v1' },
      },
    ];
  },
});
