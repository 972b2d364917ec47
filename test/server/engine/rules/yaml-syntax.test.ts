import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../../../helpers/rule-tester';

testRule('yaml-syntax', {
  valid: [{ name: 'well-formed YAML', files: ['rules/service-name-missing/headless-service-named.yaml'] }],
  invalid: [
    {
      name: 'a key indented deeper than its sibling',
      files: ['rules/yaml-syntax/bad-indent-then-valid-document.yaml'],
      findings: [
        { range: '6:14-6:15', message: 'YAML syntax error: Nested mappings are not allowed in compact mappings' },
        { range: '6:14-7:12', message: 'YAML syntax error: Implicit keys need to be on a single line' },
      ],
    },
    {
      name: 'an unclosed flow sequence',
      files: ['rules/yaml-syntax/unclosed-flow-sequence.yaml'],
      findings: [
        {
          range: '11:1-11:1',
          message: 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ],
    },
    {
      name: 'an alias to an anchor of another document',
      files: ['rules/yaml-syntax/alias-from-another-document.yaml'],
      findings: [
        {
          range: '6:11-6:18',
          message:
            'YAML syntax error: This alias names no anchor defined earlier in its document (anchors do not carry over to other documents), so the document is not analysed. Quote a value that starts with *.',
        },
      ],
    },
  ],
});

it('still checks the other documents of a file with a syntax error', () => {
  const findings = findingsOf('service-name-missing', { files: ['rules/yaml-syntax/bad-indent-then-valid-document.yaml'] });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].range.start.line, 13);
});
