import { containersOf } from '../kubernetes/pod-template';
import { defineResourceRule } from '../rule';
import { describeContainer } from '../kubernetes/template-parts';

/** Substitutions that a tool fills in later (`${TAG}`, `{{ .Values.tag }}`): the tag is not known here. */
const PLACEHOLDER = /\$|\{\{/;

/** The tag of an image reference, if any: after the last `:` of its last path part, so that `host:5000/db` has none. */
function imageTag(image: string): string | undefined {
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return colon < 0 ? undefined : lastPart.slice(colon + 1);
}

export const imageTagUnpinned = defineResourceRule({
  id: 'image-tag-unpinned',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'A container image has no tag, or the tag `latest`, and no digest.',
  docs: {
    rationale:
      "An image without a tag means `:latest`, and `latest` moves: each time a pod is rescheduled or restarted on a node without the old image, it may pull a newer major version of the database than the one that wrote its volume. Databases do not take that lightly: PostgreSQL refuses to start on a data directory of another major version, MySQL and MongoDB upgrade the files in place on start, so that the old version can no longer read them and a rollback loses data, and replicas of one StatefulSet end up on different versions. Pin a version tag such as `postgres:16.4`, and upgrade on purpose by changing it. A digest (`postgres:16.4@sha256:…`) is safest: it names exactly one image, which nobody can move, and the tag beside it stays readable.",
    bad: 'containers:\n  - name: postgres\n    image: postgres:latest',
    good: 'containers:\n  - name: postgres\n    image: postgres:16.4@sha256:…',
  },
  check({ resource }) {
    return containersOf(resource).flatMap((container) => {
      const image = container.value.image as unknown;
      if (typeof image !== 'string' || image.trim() === '' || image.includes('@') || PLACEHOLDER.test(image)) return [];
      const tag = imageTag(image.trim());
      if (tag !== undefined && tag !== 'latest') return [];
      const range = resource.field([...container.path, 'image'])?.value;
      if (!range) return [];
      const what = tag === undefined ? `has no tag, so it means ':latest'` : `uses the tag 'latest'`;
      return [
        {
          range,
          message: `Image '${image}' of ${describeContainer(container)} ${what}: a restart may pull a new major version, and a database refuses or rewrites a data directory written by another version. Pin a version tag, or better a digest (@sha256:…).`,
        },
      ];
    });
  },
});
