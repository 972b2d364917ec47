import { defineFileRule } from '../rule';
import { MAX_FILE_BYTES } from '../document/source-file';

export const fileTooLarge = defineFileRule({
  id: 'file-too-large',
  severity: 'info',
  description: 'The file is over 2 MB and is not checked.',
  docs: {
    rationale:
      'To keep the editor responsive, files larger than 2 MB are neither parsed nor checked, and the objects in them are not used when checking other files. Split generated manifests into smaller files, or lint them in CI with the `kube-stateful lint` command, which has the same limit per file.',
  },
  check: ({ file }) =>
    file.skipped?.kind === 'too-large'
      ? [
          {
            range: file.rangeOf(0, 0),
            message: `This file is ${(file.skipped.bytes / (1024 * 1024)).toFixed(1)} MB, over the ${MAX_FILE_BYTES / (1024 * 1024)} MB limit, so Kube Stateful does not check it.`,
          },
        ]
      : [],
});
