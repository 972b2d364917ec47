import { testRule } from '../../../helpers/rule-tester';

testRule('duplicate-key', {
  valid: [{ name: 'unique keys', files: ['rules/service-name-missing/headless-service-named.yaml'] }],
  invalid: [
    {
      name: 'labels twice in metadata, reported on the second key',
      files: ['rules/duplicate-key/labels-twice.yaml'],
      findings: [
        {
          range: '7:3-7:9',
          message: "Duplicate key 'labels': a key may appear only once in a mapping. Merge the two entries or remove one.",
        },
      ],
    },
  ],
});
