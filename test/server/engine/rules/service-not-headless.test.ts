import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/service-not-headless';

testRule('service-not-headless', {
  valid: [
    { name: 'clusterIP: None', files: [`${DIR}/statefulset.yaml`, `${DIR}/headless-service.yaml`] },
    {
      name: 'a headless Service beside a client Service of the same name in another namespace',
      files: [`${DIR}/statefulset.yaml`, `${DIR}/headless-and-client-services.yaml`],
    },
  ],
  invalid: [
    {
      name: 'a ClusterIP Service in another file, with related information pointing at it',
      files: [`${DIR}/statefulset.yaml`, `${DIR}/cluster-ip-service.yaml`],
      findings: [
        {
          range: '6:16-6:21',
          message:
            "Service 'mysql' (namespace 'default') is not headless: as a ClusterIP Service without clusterIP: None it gets a virtual IP. Set clusterIP: None on it so that each pod gets a stable DNS name.",
          related: [{ file: `${DIR}/cluster-ip-service.yaml`, range: '4:3-4:14' }],
        },
      ],
    },
    {
      name: 'an explicit cluster IP',
      files: [`${DIR}/statefulset.yaml`, `${DIR}/explicit-cluster-ip.yaml`],
      findings: [
        {
          range: '6:16-6:21',
          message:
            "Service 'mysql' (namespace 'default') is not headless: its clusterIP is '10.96.0.42'. Set clusterIP: None on it so that each pod gets a stable DNS name.",
          related: [{ file: `${DIR}/explicit-cluster-ip.yaml`, range: '6:3-6:24' }],
        },
      ],
    },
  ],
});
