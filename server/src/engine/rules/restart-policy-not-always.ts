import { POD_SPEC_PATH } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';

const PATH = [...POD_SPEC_PATH, 'restartPolicy'];

export const restartPolicyNotAlways = defineResourceRule({
  id: 'restart-policy-not-always',
  kind: 'StatefulSet',
  severity: 'error',
  description: "The pod template's `restartPolicy` is not `Always`.",
  docs: {
    rationale:
      "A StatefulSet keeps its pods running for good, so the API server accepts only `restartPolicy: Always` in its pod template and rejects `OnFailure` and `Never`, which are meant for Jobs. Leaving the field out is fine: it defaults to `Always`. A step that must run once before the main container belongs in an init container.",
    bad: 'spec:\n  template:\n    spec:\n      restartPolicy: OnFailure',
    good: 'spec:\n  template:\n    spec:\n      restartPolicy: Always',
  },
  check({ resource }) {
    const policy = resource.object.spec?.template?.spec?.restartPolicy as unknown;
    // An empty string is defaulted to Always; other types are the schema rules' to report.
    if (typeof policy !== 'string' || policy === '' || policy === 'Always') return [];
    return [
      {
        range: resource.field(PATH)?.value ?? resource.nearest(PATH),
        message: `restartPolicy '${policy}' is not allowed in a StatefulSet's pod template: only 'Always' is. Set it to 'Always' or remove it.`,
        fix: { replacement: 'Always' },
      },
    ];
  },
});
