import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/service-namespace-mismatch';

testRule('service-namespace-mismatch', {
  valid: [
    { name: 'both in the same namespace', files: [`${DIR}/statefulset-in-storage.yaml`, `${DIR}/service-in-storage.yaml`] },
    {
      name: 'no namespace matches the default namespace',
      files: [`${DIR}/statefulset-without-namespace.yaml`, `${DIR}/service-in-default.yaml`],
    },
    {
      name: 'no namespace matches a configured default namespace',
      files: [`${DIR}/statefulset-without-namespace.yaml`, `${DIR}/service-in-storage.yaml`],
      config: { defaultNamespace: 'storage' },
    },
  ],
  invalid: [
    {
      name: 'the Service is in another namespace',
      files: [`${DIR}/statefulset-in-storage.yaml`, `${DIR}/service-in-shop.yaml`],
      findings: [
        {
          range: '7:16-7:21',
          message:
            "Service 'cache' exists only in namespace 'shop', not in 'storage' where this StatefulSet runs. Create the headless Service in 'storage', or put both in the same namespace.",
        },
      ],
    },
    {
      name: 'no namespace is not any namespace: it is the default one',
      files: [`${DIR}/statefulset-without-namespace.yaml`, `${DIR}/service-in-shop.yaml`, `${DIR}/service-in-storage.yaml`],
      findings: [
        {
          range: '6:16-6:21',
          message:
            "Service 'cache' exists only in namespaces 'shop', 'storage', not in 'default' where this StatefulSet runs. Create the headless Service in 'default', or put both in the same namespace.",
        },
      ],
    },
  ],
});
