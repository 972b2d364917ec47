import { defineFileRule } from '../rule';

export const yamlSyntax = defineFileRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: 'The YAML cannot be parsed.',
  docs: {
    rationale:
      'A document with a syntax error is not a manifest at all: `kubectl apply` stops at it. Kube Stateful reports the error where the parser found it and skips the other checks for that document only; the other documents of the file are still checked.',
    bad: 'spec:\n  replicas: 3\n   serviceName: web   # indented deeper than its sibling',
    good: 'spec:\n  replicas: 3\n  serviceName: web',
  },
  check: ({ file }) =>
    file.syntaxProblems
      .filter((problem) => problem.code !== 'DUPLICATE_KEY')
      .map((problem) => ({ range: problem.range, message: `YAML syntax error: ${problem.message}` })),
});
