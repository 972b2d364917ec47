import { isDns1123Label } from '../kubernetes/names';
import { defineResourceRule } from '../rule';

/** 63 for a label value, minus '-' and a revision hash of up to 10 characters. */
const MAX_LENGTH = 52;

export const nameTooLong = defineResourceRule({
  id: 'name-too-long',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'The StatefulSet name is longer than 52 characters, so its pods cannot be created.',
  docs: {
    rationale:
      "The API server accepts a StatefulSet name of up to 63 characters, but the controller labels each pod with `controller-revision-hash: <name>-<hash>`, where the hash has up to 10 characters. Label values are limited to 63 characters, so with a name over 52 characters every pod creation fails (a `FailedCreate` event on the StatefulSet) and no pod ever starts. Names over 63 characters are reported by `invalid-name` instead. The name of a live StatefulSet cannot change, so delete it and create it again under a shorter name.",
    bad: 'metadata:\n  name: analytics-clickhouse-replicated-cluster-primary-shard-one',
    good: 'metadata:\n  name: analytics-clickhouse-shard-1',
  },
  check({ resource }) {
    const name = resource.object.metadata?.name;
    // Names that are not valid labels, over 63 characters included, belong to invalid-name.
    if (typeof name !== 'string' || name.length <= MAX_LENGTH || !isDns1123Label(name)) return [];
    return [
      {
        range: resource.field(['metadata', 'name'])?.value ?? resource.nearest(['metadata', 'name']),
        message: `StatefulSet name '${name}' has ${name.length} characters: its pods get the label 'controller-revision-hash: ${name}-<hash>', which would exceed the 63 characters a label value may have, so no pod can be created. Use at most ${MAX_LENGTH} characters.`,
      },
    ];
  },
});
