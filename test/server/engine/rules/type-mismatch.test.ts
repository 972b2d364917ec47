import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/type-mismatch';

testRule('type-mismatch', {
  valid: [{ name: 'numeric quantities, named ports, quoted booleans and octal modes', files: [`${DIR}/accepted-shapes.yaml`] }],
  invalid: [
    {
      name: 'a quoted number, a port name, env as a map and unquoted YAML 1.1 values',
      files: [`${DIR}/wrong-shapes.yaml`],
      findings: [
        {
          range: '7:13-7:16',
          message: 'metadata.labels.backup must be a string, not a boolean. Quote it: kubectl reads unquoted yes, no, on, off, true and false as booleans.',
        },
        { range: '10:13-10:16', message: 'spec.replicas must be a whole number, not a string. Write the number without quotes.' },
        {
          range: '23:30-23:38',
          message: 'spec.template.spec.containers[0].ports[0].containerPort must be a whole number, not a string. Write the number without quotes.',
        },
        {
          range: '25:13-25:32',
          message: "spec.template.spec.containers[0].env must be a list, not a mapping. Write each entry as a list item starting with '- '.",
        },
        {
          range: '30:22-30:24',
          message:
            'spec.template.spec.containers[1].env[0].value must be a string, not a boolean. Quote it: kubectl reads unquoted yes, no, on, off, true and false as booleans.',
        },
        {
          range: '32:22-32:26',
          message: 'spec.template.spec.containers[1].env[1].value must be a string, not a number. Quote it so that it stays text.',
        },
      ],
    },
  ],
});
