import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/probe-port-not-exposed';

testRule('probe-port-not-exposed', {
  valid: [
    {
      name: 'named and numeric ports that exist, a number written as a string, a probe of another host, a sidecar',
      files: [`${DIR}/ports-that-exist.yaml`],
    },
    { name: 'a kustomize patch whose ports are in the base', files: [`${DIR}/probe-patch.yaml`, `${DIR}/kustomization.yaml`] },
  ],
  invalid: [
    {
      name: 'an unknown port name, and numbers not among the ports, for each probe and handler',
      files: [`${DIR}/probes.yaml`],
      findings: [
        {
          range: '25:21-25:28',
          message:
            "The readinessProbe of container 'server' targets the port named 'metrics', but the container has no port of that name (its ports: http 8080, 9090). The kubelet cannot resolve the name, so the probe always fails. Use the name of one of the container's ports, or a port number.",
        },
        {
          range: '28:21-28:25',
          message:
            "The livenessProbe of container 'server' targets port 8081, which is not among the container's ports (its ports: http 8080, 9090). The probe reaches the port only if the process listens on it: declare it under ports, or correct the probe's port.",
        },
        {
          range: '31:21-31:25',
          message:
            "The startupProbe of container 'server' targets port 9091, which is not among the container's ports (its ports: http 8080, 9090). The probe reaches the port only if the process listens on it: declare it under ports, or correct the probe's port.",
        },
      ],
    },
    {
      name: 'containers that declare no ports, one an init sidecar',
      files: [`${DIR}/no-ports-declared.yaml`],
      findings: [
        {
          range: '21:21-21:26',
          message:
            "The readinessProbe of container 'proxy' targets the port named 'admin', but the container has no port of that name (it declares no ports). The kubelet cannot resolve the name, so the probe always fails. Use the name of one of the container's ports, or a port number.",
        },
        {
          range: '28:21-28:27',
          message:
            "The livenessProbe of container 'server' targets port 8080, which is not among the container's ports (it declares no ports). The probe reaches the port only if the process listens on it: declare it under ports, or correct the probe's port.",
        },
      ],
    },
  ],
});
