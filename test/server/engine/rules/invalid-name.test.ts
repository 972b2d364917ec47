import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/invalid-name';
const DNS_LABEL = "use at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit.";
const PORT_NAME = "use at most 15 lowercase letters, digits or '-', with at least one letter, no '--', and no '-' at the start or end.";
const LABEL_KEY =
  "use a name of at most 63 letters, digits, '-', '_' or '.' that starts and ends with a letter or digit, optionally after a DNS subdomain prefix of at most 253 characters and a '/' (as in 'app.kubernetes.io/name').";
const LABEL_VALUE = "use an empty string or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.";
const OLD_ENV_NAME =
  "is not valid in Kubernetes 1.31: use letters, digits, '_', '-' or '.', not starting with a digit or '..', and not '.' alone (Kubernetes 1.32 and later accept any printable ASCII character other than '=').";
const EQUALS_IN_ENV_NAME =
  "Environment variable name 'DB_PASSWORD=…' contains '=', which no environment variable name may hold: put the value in 'value' and keep only the name here.";

testRule('invalid-name', {
  valid: [
    { name: 'names exactly at their limits, with the relaxed rule for environment variables', files: [`${DIR}/names-at-the-limits.yaml`] },
    { name: 'a real manifest', files: ['rules/service-name-missing/headless-service-named.yaml'] },
  ],
  invalid: [
    {
      name: 'a StatefulSet name with a dot',
      files: [`${DIR}/statefulset-name-with-dot.yaml`],
      findings: [{ range: '4:9-4:19', message: `StatefulSet name 'db.primary' is not a valid DNS-1123 label: ${DNS_LABEL}` }],
    },
    {
      name: 'a StatefulSet name over 63 characters',
      files: [`${DIR}/statefulset-name-over-63.yaml`],
      findings: [
        {
          range: '4:9-4:73',
          message: `StatefulSet name 'analytics-clickhouse-replicated-cluster-primary-shard-number-one' is not a valid DNS-1123 label: ${DNS_LABEL}`,
        },
      ],
    },
    {
      name: 'container, init container, volume and claim template names',
      files: [`${DIR}/container-and-volume-names.yaml`],
      findings: [
        { range: '16:17-16:28', message: `Init container name 'Init_Config' is not a valid DNS-1123 label: ${DNS_LABEL}` },
        { range: '21:17-21:19', message: `Container name is empty: ${DNS_LABEL}` },
        { range: '24:17-24:27', message: `Volume name 'config_dir' is not a valid DNS-1123 label: ${DNS_LABEL}` },
        { range: '28:15-28:19', message: `volumeClaimTemplate name 'Data' is not a valid DNS-1123 label: ${DNS_LABEL}` },
      ],
    },
    {
      name: 'port names: too long, uppercase, digits only, double hyphen, trailing hyphen',
      files: [`${DIR}/port-names.yaml`],
      findings: [
        { range: '19:21-19:37', message: `Container port name 'metrics-endpoint' is not a valid IANA service name: ${PORT_NAME}` },
        { range: '21:21-21:25', message: `Container port name 'HTTP' is not a valid IANA service name: ${PORT_NAME}` },
        { range: '23:21-23:27', message: `Container port name '8443' is not a valid IANA service name: ${PORT_NAME}` },
        { range: '25:21-25:28', message: `Container port name 'web--ui' is not a valid IANA service name: ${PORT_NAME}` },
        { range: '27:21-27:26', message: `Container port name 'grpc-' is not a valid IANA service name: ${PORT_NAME}` },
      ],
    },
    {
      name: 'environment variable names for Kubernetes 1.32 and later, never quoting what follows "="',
      files: [`${DIR}/env-names.yaml`],
      findings: [
        { range: '19:21-19:40', message: EQUALS_IN_ENV_NAME },
        { range: '31:21-31:25', message: "Environment variable name 'café' is not valid: use printable ASCII characters other than '='." },
        { range: '33:21-33:23', message: 'Environment variable name is empty: give the variable a name.' },
      ],
    },
    {
      name: 'environment variable names for Kubernetes 1.32, the first with relaxed names on by default',
      files: [`${DIR}/env-names.yaml`],
      config: { kubernetesVersion: { major: 1, minor: 32 } },
      findings: [
        { range: '19:21-19:40', message: EQUALS_IN_ENV_NAME },
        { range: '31:21-31:25', message: "Environment variable name 'café' is not valid: use printable ASCII characters other than '='." },
        { range: '33:21-33:23', message: 'Environment variable name is empty: give the variable a name.' },
      ],
    },
    {
      name: 'environment variable names for Kubernetes 1.31',
      files: [`${DIR}/env-names.yaml`],
      config: { kubernetesVersion: { major: 1, minor: 31 } },
      findings: [
        { range: '19:21-19:40', message: EQUALS_IN_ENV_NAME },
        { range: '25:21-25:32', message: `Environment variable name '1ST_REPLICA' ${OLD_ENV_NAME}` },
        { range: '27:21-27:27', message: `Environment variable name 'MY VAR' ${OLD_ENV_NAME}` },
        { range: '29:21-29:29', message: `Environment variable name '..config' ${OLD_ENV_NAME}` },
        { range: '31:21-31:25', message: `Environment variable name 'café' ${OLD_ENV_NAME}` },
        { range: '33:21-33:23', message: 'Environment variable name is empty: give the variable a name.' },
      ],
    },
    {
      name: 'labels of the StatefulSet and of the selector shared with the template through an alias',
      files: [`${DIR}/labels.yaml`],
      findings: [
        { range: '7:32-7:45', message: `Label value 'shop/frontend' is not valid: ${LABEL_VALUE}` },
        { range: '8:5-8:21', message: `Label key 'Example.com/team' is not valid: ${LABEL_KEY}` },
        { range: '16:7-16:22', message: `Label key 'tier/backend/db' is not valid: ${LABEL_KEY}` },
      ],
    },
    {
      name: 'pod template labels',
      files: [`${DIR}/template-labels.yaml`],
      findings: [
        { range: '14:9-14:14', message: `Label key '-tier' is not valid: ${LABEL_KEY}` },
        { range: '15:16-15:24', message: `Label value 'jane doe' is not valid: ${LABEL_VALUE}` },
        {
          range: '16:17-16:83',
          message: `Label value 'a3f9c2e1b7d4a3f9c2e1b7d4a3f9c2e1b7d4a3f9c2e1b7d4a3f9c2e1b7d4a3f9c2' is not valid: ${LABEL_VALUE}`,
        },
      ],
    },
    {
      name: 'labels of a kustomize patch, but not its $patch directive',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
      findings: [{ range: '13:16-13:24', message: `Label value 'jane doe' is not valid: ${LABEL_VALUE}` }],
    },
  ],
});
