import { defineObjectRule } from '../rule';
import { schemaProblems } from '../schema/check-schema';
import { describePath, typeName } from '../schema/describe-path';

/**
 * Required fields whose absence a dedicated rule reports with a better message; reporting
 * them here too would give one mistake two findings.
 */
const OWNED_BY_OTHER_RULES = new Set([
  'core/v1.PodSpec.containers',
  'core/v1.SecretKeySelector.key',
  'core/v1.ConfigMapKeySelector.key',
]);

export const requiredFieldMissing = defineObjectRule({
  id: 'required-field-missing',
  severity: 'error',
  description: 'A field the API requires, with no default, is missing.',
  docs: {
    rationale:
      'Some fields have no default and the API server rejects an object without them: a StatefulSet needs `selector` and `template`, a container needs `name` and `image`, an environment variable needs `name`, a container port needs `containerPort`. Fields the server fills in itself (such as `podManagementPolicy`, `updateStrategy` or `replicas`) are never reported. Before Kubernetes 1.34, a missing field inside the pod template was accepted and the pods then failed to be created. Kustomize patches are not checked for missing fields: their base supplies them.',
    bad: 'containers:\n  - name: db\n    ports:\n      - name: sql',
    good: 'containers:\n  - name: db\n    image: postgres:17\n    ports:\n      - name: sql\n        containerPort: 5432',
  },
  check({ resource, partial }) {
    if (partial) return [];
    return schemaProblems(resource).flatMap((problem) => {
      if (problem.kind !== 'required-field-missing' || OWNED_BY_OTHER_RULES.has(`${problem.typeId}.${problem.field}`)) {
        return [];
      }
      const owner = problem.path.length > 0 ? describePath(problem.path) : `this ${resource.kind}`;
      return [
        {
          range: problem.range,
          message: `Required field '${problem.field}' is missing in ${owner} (${typeName(problem.typeId)}); the API server rejects the object without it.`,
          fix: { field: problem.field },
        },
      ];
    });
  },
});
