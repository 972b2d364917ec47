import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/secret-ref-invalid';
const NAME_ADVICE = "use at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit.";
const KEY_ADVICE = "use at most 253 letters, digits, '-', '_' or '.', not starting with '..' and not just '.'.";

testRule('secret-ref-invalid', {
  valid: [{ name: "dotted names, keys starting with one '.', optional references", files: [`${DIR}/valid-references.yaml`] }],
  invalid: [
    {
      name: 'a missing name or key: reported on the reference key',
      files: [`${DIR}/missing-parts.yaml`],
      findings: [
        {
          range: '21:17-21:29',
          message: "The secretKeyRef of env var 'POSTGRES_PASSWORD' of container 'db' has no key; set it to the entry of the Secret to read.",
        },
        {
          range: '25:17-25:32',
          message:
            "The configMapKeyRef of env var 'POSTGRES_USER' of container 'db' has no name and no key; set name to the ConfigMap and key to the entry in it to read.",
        },
        {
          range: '28:15-28:24',
          message: "The secretRef of envFrom entry 1 of container 'db' has no name; set it to the name of the Secret to read.",
        },
      ],
    },
    {
      name: 'malformed names and keys: reported on the value',
      files: [`${DIR}/invalid-names-and-keys.yaml`],
      findings: [
        {
          range: '22:25-22:39',
          message: `The secretKeyRef of env var 'POSTGRES_PASSWORD' of container 'db' names Secret 'DB_Credentials', which is not a valid Secret name: ${NAME_ADVICE}`,
        },
        {
          range: '23:24-23:35',
          message: `The secretKeyRef of env var 'POSTGRES_PASSWORD' of container 'db' has key 'db/password', which is not a valid key: ${KEY_ADVICE}`,
        },
        {
          range: '27:25-27:27',
          message: "The configMapKeyRef of env var 'POSTGRES_USER' of container 'db' has an empty name; set it to the name of the ConfigMap to read.",
        },
        {
          range: '28:24-28:26',
          message: `The configMapKeyRef of env var 'POSTGRES_USER' of container 'db' has key '..', which is not a valid key: ${KEY_ADVICE}`,
        },
        {
          range: '31:23-31:33',
          message: `The configMapRef of envFrom entry 1 of container 'db' names ConfigMap 'db-config.', which is not a valid ConfigMap name: ${NAME_ADVICE}`,
        },
      ],
    },
    {
      name: 'a kustomize patch: a missing name is left to the base, a bad one is not',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
      findings: [
        {
          range: '19:25-19:36',
          message: `The secretKeyRef of env var 'POSTGRES_USER' of container 'db' names Secret 'Credentials', which is not a valid Secret name: ${NAME_ADVICE}`,
        },
      ],
    },
  ],
});
