import { claimTemplatesOf } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import { describeClaimTemplate } from '../kubernetes/template-parts';
import { isMapping } from '../document/values';

/** Label keys whose value is, by convention, the chart or application version. */
const RELEASE_KEYS = new Set(['helm.sh/chart', 'chart', 'app.kubernetes.io/version', 'version']);
/**
 * A value such as Helm's `<chart>-<version>` (`postgresql-12.1.6`, `redis-18.0.0-rc_1`): a name,
 * then a three-part version, with `+` written `_` since label values cannot hold it.
 */
const CHART_VERSION = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?-v?\d+\.\d+\.\d+([-_.][0-9A-Za-z_.-]+)?$/;

/** Longer values are not valid labels, and the pattern need not run on them. */
const MAX_LABEL_VALUE = 63;

export const vctReleaseLabels = defineResourceRule({
  id: 'vct-release-labels',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'A volumeClaimTemplate carries a label whose value changes with each release, such as the chart version.',
  docs: {
    rationale:
      "Nothing in `volumeClaimTemplates` may change on a live StatefulSet, its labels included. A label whose value is the chart or application version (`helm.sh/chart`, `chart`, `app.kubernetes.io/version`, `version`, or a value such as `postgresql-12.1.6`) changes with every release, so every upgrade after the first install fails with `StatefulSet.apps \"…\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', … are forbidden`. The message names no field, and this label is the most common cause of it in chart issue trackers. Keep such labels on the pod template, where they may change, and give claim templates only labels that stay the same, such as `app.kubernetes.io/name` and `app.kubernetes.io/instance`.\n\nThe quick fix removes the label from the claim template. On a StatefulSet that is already installed, that removal is itself a change to the claim templates: apply it once by deleting the StatefulSet with `kubectl delete statefulset NAME --cascade=orphan`, which keeps its pods and volumes, and then applying the manifest. Existing PersistentVolumeClaims keep the old label.",
    bad: 'volumeClaimTemplates:\n  - metadata:\n      name: data\n      labels:\n        app.kubernetes.io/name: postgresql\n        helm.sh/chart: postgresql-12.1.6',
    good: 'volumeClaimTemplates:\n  - metadata:\n      name: data\n      labels:\n        app.kubernetes.io/name: postgresql',
  },
  check({ resource }) {
    return claimTemplatesOf(resource).flatMap((claim) => {
      const labels = claim.value.metadata?.labels as unknown;
      if (!isMapping(labels)) return [];
      return Object.entries(labels).flatMap(([key, value]) => {
        const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
        if (text === undefined || !(RELEASE_KEYS.has(key) || (text.length <= MAX_LABEL_VALUE && CHART_VERSION.test(text)))) return [];
        const location = resource.field([...claim.path, 'metadata', 'labels', key]);
        if (!location) return [];
        return [
          {
            range: location.key,
            message: `Label '${key}: ${text}' of ${describeClaimTemplate(claim)} changes with each release, and claim templates cannot change on a live StatefulSet: every upgrade then fails with "updates to statefulset spec for fields other than … are forbidden". Keep it on the pod template and remove it here.`,
            fix: { claimIndex: claim.path[claim.path.length - 1], label: key },
          },
        ];
      });
    });
  },
});
