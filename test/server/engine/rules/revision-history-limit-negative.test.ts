import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/revision-history-limit-negative';

testRule('revision-history-limit-negative', {
  valid: [
    { name: 'a limit of 0, which disables rollback but is allowed', files: [`${DIR}/zero-limit.yaml`] },
    { name: 'a negative number written as a string (a type error for the schema checks)', files: [`${DIR}/negative-as-string.yaml`] },
  ],
  invalid: [
    {
      name: 'a limit of -1',
      files: [`${DIR}/negative-limit.yaml`],
      findings: [
        {
          range: '7:25-7:27',
          message:
            'revisionHistoryLimit is -1: a negative limit keeps every old revision (the API server only warns), and older kube-controller-manager releases crashed on it. Set it to 0 or more; the default is 10.',
        },
      ],
    },
    {
      name: 'a kustomize patch that sets the limit',
      files: [`${DIR}/negative-in-patch.yaml`, `${DIR}/kustomization.yaml`],
      findings: [
        {
          range: '6:25-6:27',
          message:
            'revisionHistoryLimit is -5: a negative limit keeps every old revision (the API server only warns), and older kube-controller-manager releases crashed on it. Set it to 0 or more; the default is 10.',
        },
      ],
    },
  ],
});
