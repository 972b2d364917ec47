import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitImage } from '../../../../../server/src/engine/kustomize/transformers/images';
import { buildOf, objectsOf } from '../build-fixture';

describe('images transformer', () => {
  it('splits a reference into name, tag and digest, a port not being a tag', () => {
    assert.deepEqual(splitImage('registry:5000/team/app:1.2@sha256:ab'), { name: 'registry:5000/team/app', tag: '1.2', digest: 'sha256:ab' });
    assert.deepEqual(splitImage('registry:5000/team/app'), { name: 'registry:5000/team/app', digest: undefined });
  });

  it('sets the name, tag or digest of containers and init containers whose image matches', () => {
    const [statefulSet] = objectsOf(
      buildOf({
        'kustomization.yaml': 'resources: [sts.yaml]\nimages:\n- {name: postgres, newTag: "16.2"}\n- {name: busybox, newName: mirror/busybox, digest: "sha256:12"}\n',
        'sts.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  template:\n    spec:\n      initContainers: [{name: init, image: busybox:1.36}]\n      containers: [{name: db, image: postgres:15}, {name: other, image: postgresql:15}]\n',
      }),
    );
    const { spec } = statefulSet.spec.template;
    assert.equal(spec.initContainers[0].image, 'mirror/busybox@sha256:12');
    assert.equal(spec.containers[0].image, 'postgres:16.2');
    assert.equal(spec.containers[1].image, 'postgresql:15');
  });
});
