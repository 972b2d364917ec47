import { defineResourceRule } from '../rule';

const PATH = ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'];
const ALLOWED = "use a number of pods of at least 1, or a percentage from '1%' to '100%'.";

export const maxUnavailableInvalid = defineResourceRule({
  id: 'max-unavailable-invalid',
  kind: 'StatefulSet',
  severity: 'error',
  description: '`updateStrategy.rollingUpdate.maxUnavailable` is 0, negative, over 100% or not a number or percentage.',
  docs: {
    rationale:
      "`maxUnavailable` caps how many pods a rolling update may take down at once, as a number of pods or a percentage of `replicas` such as `'25%'`. The API server rejects 0 and `'0%'` (no pod could ever be replaced), negative numbers, percentages over 100%, and strings that are not a percentage, including a quoted number such as `'2'`. The field sits behind the `MaxUnavailableStatefulSet` feature gate: alpha and off by default from Kubernetes 1.24, beta and on by default from 1.35. While the gate is off the API server drops the field silently, whatever its value, and the controller updates one pod at a time; the value is still reported here because it would be rejected as soon as the gate is on.",
    bad: 'spec:\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0',
    good: 'spec:\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1',
  },
  check({ resource }) {
    const value = resource.object.spec?.updateStrategy?.rollingUpdate?.maxUnavailable as unknown;
    const problem = problemOf(value);
    if (!problem) return [];
    return [{ range: resource.field(PATH)?.value ?? resource.nearest(PATH), message: `maxUnavailable ${problem}` }];
  },
});

/** What is wrong with the value, as the end of a sentence starting with "maxUnavailable". */
function problemOf(value: unknown): string | undefined {
  // Non-integer numbers and other types are the schema rules' to report.
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value === 0) return `is 0, which would let no pod be replaced: ${ALLOWED}`;
    if (value < 0) return `is ${value}: ${ALLOWED}`;
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const percent = /^([0-9]+)%$/.exec(value);
  if (percent) {
    const amount = Number(percent[1]);
    if (amount === 0) return `is '${value}', which would let no pod be replaced: ${ALLOWED}`;
    if (amount > 100) return `'${value}' is over 100%: ${ALLOWED}`;
    return undefined;
  }
  if (/^[0-9]+$/.test(value) && Number(value) > 0) {
    return `'${value}' is a string, and a string must be a percentage: write ${value} without quotes for a number of pods, or add '%' for a percentage.`;
  }
  return `'${value}' is neither a number nor a percentage: ${ALLOWED}`;
}
