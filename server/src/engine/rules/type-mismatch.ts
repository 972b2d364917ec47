import { defineObjectRule } from '../rule';
import { schemaProblems } from '../schema/check-schema';
import { describePath } from '../schema/describe-path';
import type { FieldShape } from '../schema/field-table-types';

export const typeMismatch = defineObjectRule({
  id: 'type-mismatch',
  severity: 'error',
  description: 'A value of the wrong type, such as a quoted number or a map where a list belongs.',
  docs: {
    rationale:
      'The API server decodes each field into a fixed type and rejects the whole object when a value does not fit: `replicas: "3"` is text, not a number; `containerPort: http` is not a port number; `env:` written as a mapping instead of a list of `- name:` entries. kubectl reads YAML 1.1, where unquoted `yes`, `no`, `on` and `off` are booleans, so `value: on` for an environment variable is rejected too: quote values that must stay text. Numbers and strings are both accepted where Kubernetes takes either (ports in probes, quantities).',
    bad: 'spec:\n  replicas: "3"\n  template:\n    spec:\n      containers:\n        - name: db\n          env:\n            DEBUG: "1"',
    good: 'spec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: db\n          env:\n            - name: DEBUG\n              value: "1"',
  },
  check({ resource }) {
    return schemaProblems(resource).flatMap((problem) =>
      problem.kind === 'type-mismatch'
        ? [
            {
              range: problem.range,
              message: `${describePath(problem.path)} must be ${expectation(problem.expected)}, not ${problem.actual}. ${advice(problem.expected, problem.actual)}`,
            },
          ]
        : [],
    );
  },
});

function expectation(shape: FieldShape): string {
  switch (shape.type) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'int-or-string':
      return 'a whole number or a name';
    case 'quantity':
      return 'a quantity such as 500m or 1Gi';
    case 'object':
      return 'a mapping of fields';
    case 'map':
      return 'a mapping of keys to values';
    case 'array':
      return 'a list';
    case 'any':
      return 'any value';
  }
}

function advice(expected: FieldShape, actual: string): string {
  if (expected.type === 'string' && actual === 'a boolean') {
    return 'Quote it: kubectl reads unquoted yes, no, on, off, true and false as booleans.';
  }
  if (expected.type === 'string') return 'Quote it so that it stays text.';
  if (expected.type === 'integer' && actual === 'a string') return 'Write the number without quotes.';
  if (expected.type === 'array' && actual === 'a mapping') return "Write each entry as a list item starting with '- '.";
  if (expected.type === 'array') return "Write it as a list, one item per line starting with '- '.";
  if (expected.type === 'object' || expected.type === 'map') return 'Write it as indented key: value lines.';
  return 'The API server rejects the object until it is fixed.';
}
