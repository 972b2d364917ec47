import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/image-tag-unpinned';
const WHY = 'a restart may pull a new major version, and a database refuses or rewrites a data directory written by another version. Pin a version tag, or better a digest (@sha256:…).';

testRule('image-tag-unpinned', {
  valid: [{ name: 'version tags, digests, a registry port with a tag, a placeholder', files: [`${DIR}/pinned.yaml`] }],
  invalid: [
    {
      name: 'no tag, latest, and a registry port that is not a tag',
      files: [`${DIR}/unpinned.yaml`],
      findings: [
        { range: '18:18-18:25', message: `Image 'busybox' of init container 'init-permissions' has no tag, so it means ':latest': ${WHY}` },
        { range: '21:18-21:35', message: `Image 'postgres:latest' of container 'postgres' uses the tag 'latest': ${WHY}` },
        {
          range: '23:18-23:66',
          message: `Image 'registry.example.com:5000/team/postgres-exporter' of container 'exporter' has no tag, so it means ':latest': ${WHY}`,
        },
      ],
    },
  ],
});
