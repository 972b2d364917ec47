import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/duplicate-name';
const CONTAINERS = 'containers and init containers of a pod need unique names. Rename one of them.';

testRule('duplicate-name', {
  valid: [
    { name: 'names repeated only across containers, or differing in case', files: [`${DIR}/unique-within-their-lists.yaml`] },
    { name: 'a template with one container', files: ['rules/service-name-missing/headless-service-named.yaml'] },
  ],
  invalid: [
    {
      name: 'container names, init containers counted first',
      files: [`${DIR}/container-names.yaml`],
      findings: [
        { range: '18:17-18:22', message: `Init container name 'setup' is also the name of init container 1; ${CONTAINERS}` },
        { range: '23:17-23:22', message: `Container name 'setup' is also the name of init container 1; ${CONTAINERS}` },
        { range: '25:17-25:19', message: `Container name 'db' is also the name of container 1; ${CONTAINERS}` },
      ],
    },
    {
      name: 'volume names',
      files: [`${DIR}/volume-names.yaml`],
      findings: [
        {
          range: '24:17-24:23',
          message:
            "Volume name 'config' is also the name of volume 1; the volumes of a pod need unique names. Rename one of them, and the mounts that use it.",
        },
      ],
    },
    {
      name: 'port and env names within one container',
      files: [`${DIR}/port-and-env-names.yaml`],
      findings: [
        {
          range: '23:21-23:24',
          message: "Port name 'sql' is also the name of port 1 of container 'db'; the ports of a container need unique names. Rename one of them.",
        },
        {
          range: '30:21-30:27',
          message:
            "Env var 'PGDATA' is also the name of env var 1 of container 'db'; the container sees only the later value, and kubectl apply may drop one of them. Remove or rename one of them.",
        },
      ],
    },
  ],
});
