import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/service-selector-mismatch';

testRule('service-selector-mismatch', {
  valid: [{ name: 'a selector that is a subset of the pod labels', files: [`${DIR}/statefulset.yaml`, `${DIR}/selector-subset.yaml`] }],
  invalid: [
    {
      name: "a selector naming another app's labels",
      files: [`${DIR}/statefulset.yaml`, `${DIR}/selector-other-app.yaml`],
      findings: [
        {
          range: '6:16-6:21',
          message:
            "Service 'kafka' selects app=zookeeper, which the pod template labels (app=kafka, tier=broker) do not match. Set its selector to labels of the pod template, such as app=kafka, tier=broker.",
          related: [{ file: `${DIR}/selector-other-app.yaml`, range: '7:3-7:11' }],
        },
      ],
    },
    {
      name: 'no selector at all',
      files: [`${DIR}/statefulset.yaml`, `${DIR}/no-selector.yaml`],
      findings: [
        {
          range: '6:16-6:21',
          message:
            "Service 'kafka' has no selector, so it selects no pods. Set its selector to labels of the pod template, such as app=kafka, tier=broker.",
          related: [{ file: `${DIR}/no-selector.yaml`, range: '5:1-5:5' }],
        },
      ],
    },
  ],
});
