import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/env-value-conflict';
const NO_SOURCE = 'names no source; set one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.';
const SEVERAL = 'names 2 sources (configMapKeyRef, secretKeyRef); the API server allows only one. Keep one of them.';

testRule('env-value-conflict', {
  valid: [
    { name: 'one source each, an empty value beside valueFrom, a null beside a source', files: [`${DIR}/one-source-each.yaml`] },
  ],
  invalid: [
    {
      name: 'value and valueFrom: reported on valueFrom, without the value',
      files: [`${DIR}/value-and-value-from.yaml`],
      findings: [
        {
          range: '21:15-21:24',
          message: "Both value and valueFrom are set on env var 'POSTGRES_PASSWORD' of container 'db'; the API server rejects this. Keep only one of them.",
        },
      ],
    },
    {
      name: 'an empty valueFrom, and one whose only source is empty',
      files: [`${DIR}/no-source.yaml`],
      findings: [
        { range: '20:15-20:24', message: `The valueFrom of env var 'POSTGRES_PASSWORD' of container 'db' ${NO_SOURCE}` },
        { range: '22:15-22:24', message: `The valueFrom of env var 'POD_NAME' of container 'db' ${NO_SOURCE}` },
      ],
    },
    {
      name: 'two sources',
      files: [`${DIR}/several-sources.yaml`],
      findings: [{ range: '20:15-20:24', message: `The valueFrom of env var 'POSTGRES_PASSWORD' of container 'db' ${SEVERAL}` }],
    },
    {
      name: 'a kustomize patch: an empty valueFrom is left to the base, two sources are not',
      files: [`${DIR}/overlay/statefulset-patch.yaml`, `${DIR}/overlay/kustomization.yaml`],
      findings: [{ range: '15:15-15:24', message: `The valueFrom of env var 'POSTGRES_USER' of container 'db' ${SEVERAL}` }],
    },
  ],
});
