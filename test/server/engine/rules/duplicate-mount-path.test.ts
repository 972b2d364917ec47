import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/duplicate-mount-path';

testRule('duplicate-mount-path', {
  valid: [{ name: 'nested paths, subPath mounts and one path in two containers', files: [`${DIR}/distinct-paths.yaml`] }],
  invalid: [
    {
      name: 'two volumes at one path: reported on the later mountPath',
      files: [`${DIR}/same-path-twice.yaml`],
      findings: [
        {
          range: '24:26-24:50',
          message:
            "mountPath '/var/lib/postgresql/data' is also the path of volume mount 1 of container 'db'; each mount of a container needs its own path. Mount this volume elsewhere or remove the duplicate.",
        },
      ],
    },
  ],
});
