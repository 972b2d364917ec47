import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/active-deadline-forbidden';

testRule('active-deadline-forbidden', {
  valid: [
    { name: 'no activeDeadlineSeconds', files: ['rules/service-name-missing/headless-service-named.yaml'] },
    { name: 'activeDeadlineSeconds with no value', files: [`${DIR}/deadline-null.yaml`] },
    { name: 'an environment variable named activeDeadlineSeconds', files: [`${DIR}/deadline-in-container-env.yaml`] },
  ],
  invalid: [
    {
      name: 'activeDeadlineSeconds in the pod template',
      files: [`${DIR}/deadline-set.yaml`],
      findings: [
        {
          range: '15:7-15:34',
          message:
            "activeDeadlineSeconds is not supported in a StatefulSet's pod template: the API server rejects it. Remove it; a task that must end after a deadline belongs in a Job.",
        },
      ],
    },
  ],
});
