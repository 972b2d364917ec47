import { defineFileRule } from '../rule';

export const duplicateKey = defineFileRule({
  id: 'duplicate-key',
  severity: 'error',
  description: 'A mapping has the same key twice.',
  docs: {
    rationale:
      'When a key appears twice in one mapping, tools disagree on which value wins, and `kubectl` rejects the file. The duplicate is almost always an edit that went to the wrong place, such as a second `labels:` block.',
    bad: 'metadata:\n  labels:\n    app: web\n  labels:\n    tier: db',
    good: 'metadata:\n  labels:\n    app: web\n    tier: db',
  },
  check: ({ file }) =>
    file.syntaxProblems
      .filter((problem) => problem.code === 'DUPLICATE_KEY')
      .map((problem) => ({
        range: problem.range,
        message: `Duplicate key '${file.text.slice(...problem.span)}': a key may appear only once in a mapping. Merge the two entries or remove one.`,
      })),
});
