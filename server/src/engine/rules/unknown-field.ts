import { closestMatch } from '../schema/edit-distance';
import { defineObjectRule } from '../rule';
import { schemaProblems } from '../schema/check-schema';
import { describePath, typeName } from '../schema/describe-path';
import { typeEntry } from '../schema/field-table';

export const unknownField = defineObjectRule({
  id: 'unknown-field',
  severity: 'error',
  description: 'A key that the object\'s type does not have, often a typo.',
  docs: {
    rationale:
      'kubectl validates fields on the server by default (strict field validation, since Kubernetes 1.27) and rejects a manifest with a key its type does not have; with validation turned off, the key is silently dropped, so the setting you meant never takes effect. Most unknown keys are typos or a wrong case (`servicename`, `volumeClaimTemplate`, `contianers`), and Kube Stateful suggests the field you probably meant. Fields are known from the Kubernetes API types up to 1.34. Custom resources and removed API versions are not checked.',
    bad: 'spec:\n  servicename: web\n  volumeClaimTemplate: []',
    good: 'spec:\n  serviceName: web\n  volumeClaimTemplates: []',
  },
  check({ resource, partial }) {
    return schemaProblems(resource).flatMap((problem) => {
      // Strategic merge patches carry directives such as `$patch: delete`.
      if (problem.kind !== 'unknown-field' || (partial && problem.key.startsWith('$'))) return [];
      const fields = Object.keys(typeEntry(problem.typeId)?.fields ?? {});
      const suggestion = closestMatch(problem.key, fields);
      const where = describePath(problem.path.slice(0, -1)) || 'the top level';
      return [
        {
          range: problem.range,
          message: `Unknown field '${problem.key}' in ${where} (${typeName(problem.typeId)}).${suggestion ? ` Did you mean '${suggestion}'?` : ''} kubectl rejects fields the API does not define.`,
          ...(suggestion ? { fix: { replacement: suggestion } } : {}),
        },
      ];
    });
  },
});
