import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/service-selector-mismatch';
const SELECTORLESS =
  "Service 'kafka' has no selector, so Kubernetes lists none of the pods as its endpoints: they get DNS names only if something else writes its Endpoints. If nothing does, set its selector to labels of the pod template, such as app=kafka, tier=broker.";

testRule('service-selector-mismatch', {
  valid: [
    { name: 'a selector that is a subset of the pod labels', files: [`${DIR}/statefulset.yaml`, `${DIR}/selector-subset.yaml`] },
    { name: 'no selector, with Endpoints written for the Service', files: [`${DIR}/statefulset.yaml`, `${DIR}/no-selector-with-endpoints.yaml`] },
    { name: 'no selector, with an EndpointSlice labelled for the Service', files: [`${DIR}/statefulset.yaml`, `${DIR}/no-selector-with-endpoint-slice.yaml`] },
  ],
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
      name: 'no selector and no Endpoints: a warning',
      files: [`${DIR}/statefulset.yaml`, `${DIR}/no-selector.yaml`],
      findings: [
        {
          range: '6:16-6:21',
          message: SELECTORLESS,
          related: [{ file: `${DIR}/no-selector.yaml`, range: '5:1-5:5' }],
          severity: 'warning',
        },
      ],
    },
    {
      name: 'no selector, with Endpoints of that name only in another namespace',
      files: [`${DIR}/statefulset.yaml`, `${DIR}/no-selector-endpoints-elsewhere.yaml`],
      findings: [
        {
          range: '6:16-6:21',
          message: SELECTORLESS,
          related: [{ file: `${DIR}/no-selector-endpoints-elsewhere.yaml`, range: '5:1-5:5' }],
          severity: 'warning',
        },
      ],
    },
  ],
});
