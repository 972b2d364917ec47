import type { LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { entriesOf } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import type { Report } from '../types';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const ALLOWED = "'In', 'NotIn', 'Exists' or 'DoesNotExist' (case-sensitive)";

export const selectorInvalid = defineResourceRule({
  id: 'selector-invalid',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'A `spec.selector.matchExpressions` requirement has an unknown operator or values that do not fit it.',
  docs: {
    rationale:
      'Each `matchExpressions` requirement needs an operator the API knows, spelt exactly `In`, `NotIn`, `Exists` or `DoesNotExist`. `In` and `NotIn` compare the label with a list of values, so they need at least one value; `Exists` and `DoesNotExist` only look at whether the label is there, so they must have no values. The API server rejects a StatefulSet that breaks any of these, and since the selector cannot be changed after creation it is worth getting right the first time.',
    bad: 'spec:\n  selector:\n    matchExpressions:\n      - key: app\n        operator: in\n        values: [web]\n      - key: tier\n        operator: Exists\n        values: [db]',
    good: 'spec:\n  selector:\n    matchExpressions:\n      - key: app\n        operator: In\n        values: [web]\n      - key: tier\n        operator: Exists',
  },
  check({ resource, partial }) {
    const reports: Report[] = [];
    const expressions = entriesOf<LabelSelectorRequirement>(resource.object.spec?.selector?.matchExpressions, [
      'spec',
      'selector',
      'matchExpressions',
    ]);
    for (const { value: requirement, path } of expressions) {
      const { operator, values } = requirement;
      if (typeof operator !== 'string') continue;
      const operatorRange = resource.field([...path, 'operator'])?.value ?? resource.nearest([...path, 'operator']);
      const key = typeof requirement.key === 'string' ? ` for key '${requirement.key}'` : '';
      if (!OPERATORS.includes(operator)) {
        const intended = OPERATORS.find((candidate) => candidate.toLowerCase() === operator.toLowerCase());
        reports.push({
          range: operatorRange,
          message: intended
            ? `Selector operator '${operator}'${key} is not valid: did you mean '${intended}'? Operators are ${ALLOWED}.`
            : `Selector operator '${operator}'${key} is not valid: use ${ALLOWED}.`,
          ...(intended ? { fix: { replacement: intended } } : {}),
        });
        continue;
      }
      const valuesField = resource.field([...path, 'values']);
      const needsValues = operator === 'In' || operator === 'NotIn';
      // A patch may leave 'values' out, though a list it sets must not be empty.
      if (needsValues && (values === undefined || values === null) && !partial) {
        reports.push({
          range: operatorRange,
          message: `Selector operator '${operator}'${key} needs at least one value in 'values'.`,
        });
      } else if (needsValues && Array.isArray(values) && values.length === 0) {
        reports.push({
          range: valuesField?.pair ?? operatorRange,
          message: `Selector operator '${operator}'${key} has an empty 'values' list: it needs at least one value.`,
        });
      } else if (!needsValues && Array.isArray(values) && values.length > 0) {
        reports.push({
          range: valuesField?.pair ?? operatorRange,
          message: `Selector operator '${operator}'${key} takes no values: remove 'values', or use '${operator === 'Exists' ? 'In' : 'NotIn'}' to compare the label with the values listed.`,
        });
      }
    }
    return reports;
  },
});
