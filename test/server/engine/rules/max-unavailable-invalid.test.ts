import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/max-unavailable-invalid';
const ALLOWED = "use a number of pods of at least 1, or a percentage from '1%' to '100%'.";

testRule('max-unavailable-invalid', {
  valid: [
    { name: 'numbers and percentages up to 100%, and no maxUnavailable', files: [`${DIR}/valid-values.yaml`] },
    { name: 'a fractional number, a type error', files: [`${DIR}/fractional-number.yaml`] },
  ],
  invalid: [
    {
      name: 'zero, 0%, over 100%, negative, a quoted number and words',
      files: [`${DIR}/invalid-values.yaml`],
      findings: [
        { range: '11:23-11:24', message: `maxUnavailable is 0, which would let no pod be replaced: ${ALLOWED}` },
        { range: '34:23-34:27', message: `maxUnavailable is '0%', which would let no pod be replaced: ${ALLOWED}` },
        { range: '57:23-57:27', message: `maxUnavailable '150%' is over 100%: ${ALLOWED}` },
        { range: '80:23-80:25', message: `maxUnavailable is -1: ${ALLOWED}` },
        {
          range: '103:23-103:26',
          message:
            "maxUnavailable '2' is a string, and a string must be a percentage: write 2 without quotes for a number of pods, or add '%' for a percentage.",
        },
        { range: '126:23-126:26', message: `maxUnavailable 'two' is neither a number nor a percentage: ${ALLOWED}` },
      ],
    },
  ],
});
